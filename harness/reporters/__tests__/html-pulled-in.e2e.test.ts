/**
 * The sections the other issues pulled into index.html (issue 13, item 4), as a person sees them
 * in a real headless Chromium opened from file://: a checkStateCallbacks checkpoint (issue 9), a
 * UI step's Appium session and screens (issue 10) and the target's own time (issue 8). The
 * screenshot is a real PNG, so the test sees Chromium decode it under the page's CSP.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { type Checkpoint, foldEvents, type RunResult, type StepRecord } from '../../results';
import { runEvents } from '../../results/__tests__/fixtures/event-factory';
import { writeReports } from '../write-reports';

const CHROMIUM = '/usr/bin/chromium';
jest.setTimeout(120_000);
const describeWithChromium = fs.existsSync(CHROMIUM) ? describe : describe.skip;

/** A 2×1 RGBA PNG (one red, one green pixel), written by pngjs. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4AWP4z8Dwn+E/w38AEPgD/fLg6NsAAAAASUVORK5CYII=';

const uiStep: StepRecord = {
  index: 2, kind: 'ui', description: 'ui testrcsapp/provisioning', status: 'ok', startedAt: '2026-12-03T06:00:00.000Z', durationMs: 1200,
  ui: {
    flow: 'testrcsapp/provisioning', package: 'com.google.android.sample.rcsclient', args: {},
    session: { sessionId: 'abcd1234-5678', serverUrl: 'http://127.0.0.1:4723', serverVersion: '3.8.0', driver: 'UiAutomator2 (appium-uiautomator2-driver 8.7.0)', server: 'started-by-ims-rig', createMs: 850 },
    screenshots: [{ label: 'provisioning', activity: '.MainActivity', png: PNG }],
    outcome: { notes: ['isRcsVolteSingleRegistrationCapable: true'] },
  },
};

const uiCheckpoint: Checkpoint = {
  step: 2, expected: {}, observed: {}, diffs: [], status: 'pass',
  ui: {
    flow: 'testrcsapp/provisioning', package: 'com.google.android.sample.rcsclient',
    expected: { 'rcs-provisioning.access': true }, observed: { 'rcs-provisioning.access': true },
    reasons: { 'rcs-provisioning.access': { rule: 'single-reg-surface-access', reason: 'privileged, SMS role', citation: 'single-reg-permission: "…"', cites: ['single-reg-permission'] } },
    diffs: [],
  },
};

const callbackCheckpoint = (base: Checkpoint): Checkpoint => ({
  ...base, status: 'fail', expected: {}, observed: {}, diffs: [], reasons: {},
  stateCallbacks: {
    rows: [{
      registration: 'mmtel0#1', slot: '0', feature: 'MMTEL', state: 'telephony-crashed', observed: { registered: 'ok', subId: 1, received: ['onAvailable'], last: 'onAvailable' },
      expected: [{ aspect: 'last', value: 'onError', rule: 'state-callback-telephony-crash', reason: 'the telephony process crashed', citation: 'In the unlikely event that the telephony process crashes', cites: ['telephony-crash'] }],
    }],
    diffs: [{ registration: 'mmtel0#1', feature: 'MMTEL', aspect: 'last', expected: 'onError', observed: 'onAvailable', rule: 'state-callback-telephony-crash' }],
    framework: { wrappers: [], listeners: [{ feature: 'MMTEL', slotId: 0, subId: 1, state: 'READY', reason: 'READY', hasConfig: true }] },
  },
  evidence: { dumpsys: 'ImsStateCallbackController:\n  MmTelFeatureListener: [0] subId=1 state=READY reason=READY hasConfig=true' },
});

function pulledIn(): RunResult {
  const run = foldEvents(runEvents());
  const [first, ...rest] = run.scenarios;
  if (first === undefined || first.checkpoints[0] === undefined) throw new Error('fixture run has no checkpoint');
  return {
    ...run,
    summary: { ...run.summary, targetSeconds: 459.6, targetReboots: 5 },
    scenarios: [{ ...first, steps: [...(first.steps ?? []), uiStep], checkpoints: [callbackCheckpoint(first.checkpoints[0]), uiCheckpoint] }, ...rest],
  };
}

describeWithChromium('index.html in Chromium: state callbacks, UI screens, target time', () => {
  let work: string;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-html-pulled-'));
    context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
      executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('request', (r) => requests.push(r.url()));
    const paths = await writeReports(pulledIn(), path.join(work, 'report'));
    await page.goto(`file://${paths.html}`);
  });
  afterAll(async () => {
    await context?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('shows the observer\'s callbacks next to what the documentation expects, the difference marked', async () => {
    const text = await page.locator('body').innerText();
    expect(text).toContain('mmtel0#1');
    expect(text).toMatch(/DIFFERS[\s\S]*onError/);
    expect(text).toContain('In the unlikely event that the telephony process crashes');
  });

  it('draws the UI step\'s screenshot (a decoded PNG under the CSP) with its Appium session', async () => {
    const sizes = await page.locator('img[src^="data:image/png;base64,"]').evaluateAll((imgs) => imgs.map((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight]));
    expect(sizes).toContainEqual([2, 1]);
    expect(await page.locator('body').innerText()).toContain('Appium session abcd1234-5678');
  });

  it('shows the target\'s own time, and loads nothing but the file with no CSP complaint', async () => {
    expect(await page.locator('body').innerText()).toContain('7 min 40 s of target uptime, 5 reboots');
    expect(consoleErrors).toEqual([]);
    expect(requests.every((u) => u.startsWith('file://') || u.startsWith('data:'))).toBe(true);
  });
});
