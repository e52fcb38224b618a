/**
 * A `ui` step is held to the surfaces it declares (ui.surfaces): `ims-rig coverage` counts them
 * before a run, so a flow that reports other surfaces is an error, not a quiet difference.
 */
import { type PackageName } from '../../model';
import { type TargetSession } from '../../targets/target-session';
import { runUiStep, UiFlowError } from '../engine-ui';
import { type UiRunner } from '../ui-runner';

const session = {
  info: { serial: 'emulator-5554' },
  // The crash buffer: empty before and after.
  device: { shell: () => Promise.resolve({ stdout: '', stderr: '', exitCode: 0 }) },
} as unknown as TargetSession;

const runner: UiRunner = {
  runFlow: () => Promise.resolve({
    ok: true,
    outcome: { surfaces: { 'gba-authentication': { access: true, supported: true, detail: 'onKeysAvailable' } } },
    session: { sessionId: 'abcdef0123456789', serverUrl: 'http://127.0.0.1:4723', serverVersion: '3.8.0', driver: 'UiAutomator2', server: 'started-by-ims-rig', createMs: 1 },
    screenshots: [],
  }),
  endScenario: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

const want = { access: true, accessRule: 'single-reg-access', accessReason: 'r', supported: true, supportedRule: 'single-reg-support', supportedReason: 'r', cites: [] };
const input = (declared?: readonly string[]): Parameters<typeof runUiStep>[0] => (({
  session, runner, step: 1, flow: 'testrcsapp/gba', package: 'com.google.android.sample.rcsclient' as PackageName, args: {},
  surfaces: { 'gba-authentication': want },
  ...(declared === undefined ? {} : { declared }),
  waivers: () => undefined,
}));

describe('runUiStep and the declared surfaces', () => {
  test('a flow reporting what the step declares is checked', async () => {
    const { checkpoint } = await runUiStep(input(['gba-authentication']));
    expect(checkpoint.ui?.observed).toEqual({ 'gba-authentication.access': true, 'gba-authentication.supported': true });
    expect(checkpoint.status).toBe('pass');
  });

  test('a flow reporting another surface than declared is an error naming both', async () => {
    const error = await runUiStep(input(['rcs-uce'])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UiFlowError);
    expect((error as Error).message).toBe('flow testrcsapp/gba reported surfaces [gba-authentication], the step declares [rcs-uce] (ui.surfaces)');
  });
});
