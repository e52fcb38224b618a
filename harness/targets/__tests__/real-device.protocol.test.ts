/**
 * Against a real emulator or device, only when the user names one: IMS_RIG_SERIAL=<serial>
 * (through their own adb server: $ANDROID_ADB_SERVER_PORT or 5037 — an explicit opt-in).
 * Read-only: no escalation, no overrides.
 */
import { dumpsysPhoneCommand, getImsServiceCommand, parseDumpsysPhone, parseGetImsServiceReply } from '../../android';
import { probeTarget } from '../probe';
import { resolveTarget, type ResolvedTarget } from '../resolve';

jest.setTimeout(120_000);

const SERIAL = process.env.IMS_RIG_SERIAL;
const describeOnDevice = SERIAL ? describe : describe.skip;

describeOnDevice(`on a real target${SERIAL ? ` (${SERIAL})` : ' (skipped: set IMS_RIG_SERIAL=<adb serial> to run against a real emulator or device)'}`, () => {
  let target: ResolvedTarget;
  beforeAll(async () => {
    target = await resolveTarget({ target: SERIAL as string });
  });
  afterAll(async () => target?.release());

  it('probes the build without escalating', async () => {
    const probe = await probeTarget(target.device, { escalate: false });
    expect(probe.info.sdk).toBeGreaterThanOrEqual(21);
    expect(probe.info.fingerprint).not.toBe('');
    expect(['emulator', 'device', 'virtual']).toContain(probe.info.kind);
    expect(probe.capabilities).toContain('reboot');
  });

  it('reads dumpsys phone: an ImsResolver block (sdk >= 30 with IMS) or the reason there is none', async () => {
    const result = parseDumpsysPhone((await target.device.shell(dumpsysPhoneCommand(), { timeoutMs: 60_000 })).stdout);
    if (result.found) {
      expect(Object.keys(result.observed).length).toBeGreaterThanOrEqual(1);
      expect(result.unparsed).toEqual([]);
    } else {
      expect(result.reason).not.toBe('');
    }
  });

  it('asks cmd phone ims for the device MMTEL service and understands the answer', async () => {
    const out = await target.device.shell(getImsServiceCommand({ slot: 0, scope: 'device', feature: 'MMTEL' }));
    const outcome = parseGetImsServiceReply(out);
    expect(outcome.ok || ['timeout', 'no-service', 'permission', 'error'].includes(outcome.kind)).toBe(true);
  });
});
