import * as path from 'node:path';
import { type FullScenario } from '../../model';
import { SUITES_DIR } from '../../paths';
import { loadScenarios } from '../../scenario/loader';
import { type AppiumLauncher, prepareUi } from '../ui-setup';

let UI_SCENARIO: FullScenario;
let PLAIN_SCENARIO: FullScenario;
beforeAll(async () => {
  [UI_SCENARIO] = await loadScenarios([path.join(SUITES_DIR, 'single-registration', 'ui-uce.yaml')]) as [FullScenario];
  [PLAIN_SCENARIO] = await loadScenarios([path.join(SUITES_DIR, 'priority', 'doc-table-carrier-a.yaml')]) as [FullScenario];
});
const ADB = { host: '127.0.0.1', port: 5037, kind: 'adb-server', bin: '/usr/bin/adb' } as const;

function launcher(ready: Promise<void>): AppiumLauncher & { stopped: number } {
  const l = {
    stopped: 0,
    pluginModule: '/plugin.js',
    driver: 'UiAutomator2 (appium-uiautomator2-driver 8.7.0)',
    start: () => Promise.resolve({ url: 'http://127.0.0.1:4723', version: '3.8.0', ready, stop: () => { l.stopped++; return Promise.resolve(); } }),
  };
  return l;
}

describe('prepareUi', () => {
  it('does not wait for the server the rig starts: the run goes on while Appium loads', async () => {
    const never = new Promise<void>(() => undefined);
    const ui = await prepareUi({ scenarios: [UI_SCENARIO], endpoint: ADB, launcher: launcher(never), outDir: '/tmp', env: {}, note: () => undefined });
    expect(ui.started?.url).toBe('http://127.0.0.1:4723');
    expect(ui.url).toBeUndefined();
    expect(ui.config?.options).toMatchObject({ url: 'http://127.0.0.1:4723', serverVersion: '3.8.0', server: 'started-by-ims-rig', adbPort: 5037 });
  });

  it('says so when the server never becomes ready, but not when the run stopped it first', async () => {
    const notes: string[] = [];
    let fail: (e: Error) => void = () => undefined;
    const failing = launcher(new Promise<void>((_, reject) => { fail = reject; }));
    await prepareUi({ scenarios: [UI_SCENARIO], endpoint: ADB, launcher: failing, outDir: '/tmp', env: {}, note: (l) => notes.push(l) });
    fail(new Error('exit 1'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(notes.join('\n')).toMatch(/the Appium server did not start: .*exit 1/);

    const quiet: string[] = [];
    let fail2: (e: Error) => void = () => undefined;
    const stopped = launcher(new Promise<void>((_, reject) => { fail2 = reject; }));
    const ui = await prepareUi({ scenarios: [UI_SCENARIO], endpoint: ADB, launcher: stopped, outDir: '/tmp', env: {}, note: (l) => quiet.push(l) });
    await ui.stop();
    fail2(new Error('stopped before it was ready'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(quiet).toEqual([]);
    expect(stopped.stopped).toBe(1);
  });

  it('uses $IMS_RIG_APPIUM_URL as it is, and needs no server without a UI scenario', async () => {
    const external = await prepareUi({ scenarios: [UI_SCENARIO], endpoint: ADB, launcher: launcher(Promise.resolve()), outDir: '/tmp', env: { IMS_RIG_APPIUM_URL: 'http://h:1/' }, note: () => undefined });
    expect(external.url).toBe('http://h:1/');
    expect(external.started).toBeUndefined();
    const none = await prepareUi({ scenarios: [PLAIN_SCENARIO], endpoint: ADB, outDir: '/tmp', env: {}, note: () => undefined });
    expect(none.started ?? none.url ?? none.unavailable).toBeUndefined();
  });
});
