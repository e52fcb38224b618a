/**
 * A restore that reads the target back as the snapshot was leaves that reading (and the logcat
 * dump read with it) as the next snapshot: a scenario that follows costs no round trip to snapshot.
 */
import { shellCommand } from '../../adb';
import { ApkCache } from '../app-realiser';
import { formatDeviceState } from '../device-state';
import { restoreSnapshot, takeSnapshotWith } from '../snapshot';
import { createSession } from '../target-session';
import { freshState, referenceLike } from './state-fixture';

const info = { serial: 'fake-1', kind: 'virtual' as const, fingerprint: '', sdk: 35, buildType: 'userdebug' };
const LOGCAT = shellCommand('logcat', '-d');

test('a verified restore is the next snapshot; the one after reads the target again', async () => {
  const fake = referenceLike();
  const session = createSession(fake, info, ['sim-control', 'device-overlay', 'shell-override', 'fault-injection'], { stimulusTool: true, slotCount: 1, declaredFeatures: [] });
  const first = await takeSnapshotWith(session, LOGCAT);
  expect(first.logcat).toBe('LOG\n');
  expect(formatDeviceState(first.snapshot.state)).toBe(formatDeviceState(freshState({ carrierConfig: [] })));

  const outcome = await restoreSnapshot(session, first.snapshot, { apks: new ApkCache(), pushed: new Set(), log: [], logcat: LOGCAT, slotCount: 1 });
  expect(outcome).toMatchObject({ ok: true, passes: 0 });
  expect(session.knownState?.logcat).toBe('LOG\n');

  fake.sent.length = 0;
  const second = await takeSnapshotWith(session, LOGCAT);
  expect(fake.sent).toEqual([]);
  expect(second.snapshot.fingerprint).toBe(first.snapshot.fingerprint);
  expect(second.logcat).toBe('LOG\n');
  expect(session.knownState).toBeUndefined();

  await takeSnapshotWith(session, LOGCAT);
  expect(fake.sent.length).toBeGreaterThan(0);
});
