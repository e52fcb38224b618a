/**
 * One run per target (issue 11, item 2): the lock on the target, its holder record, failing fast
 * naming the holder, waiting, and taking over from a dead holder — with runs as clients of one
 * FileDevice, as several runs share one target.
 */
import { DeviceUnavailableError } from '../../errors';
import { describeHolder, HEARTBEAT_MS, judgeHolder, parseLockOwner, processStartTicks, STALE_AFTER_MS, type LivenessFacts, type LockOwner } from '../lock-holder';
import { acquireTargetLock, OWNERLESS_STALE_MS, RIG_LOCK_DIR, RIG_LOCK_RECORD, type AcquireOptions, type TargetLock } from '../target-lock';
import { FileDevice } from './file-device';

type Owner = AcquireOptions['owner'];

function ownerOf(pid: number, hostKey = 'ci-7|boot|pid:[1]', host = 'ci-7'): Owner {
  return { v: 1, user: 'alice', host, hostKey, pid, startedAt: '2026-12-02T18:40:00.000Z', command: 'ims-rig run --suite priority', outDir: '/tmp/run' };
}

/** A controllable clock and sleep: sleeping advances the clock, and may run a hook. */
function virtualTime(onSleep?: (slept: number) => void): { now: () => number; sleep: (ms: number) => Promise<void> } {
  let t = 1_000_000;
  let slept = 0;
  return {
    now: () => t,
    sleep: (ms) => {
      t += ms;
      slept += 1;
      onSleep?.(slept);
      return Promise.resolve();
    },
  };
}

const localFacts = (alive: ReadonlySet<number>): LivenessFacts => ({ hostKey: 'ci-7|boot|pid:[1]', isAlive: (pid) => alive.has(pid) });

async function take(device: FileDevice, owner: Owner, facts: LivenessFacts, extra: Partial<AcquireOptions> = {}): Promise<{ lock: TargetLock; notes: string[] }> {
  const notes: string[] = [];
  const lock = await acquireTargetLock(device, { owner, facts, note: (l) => notes.push(l), ...virtualTime(), ...extra });
  return { lock, notes };
}

test('the first run takes the lock: a directory made with mkdir, holding its record', async () => {
  const device = new FileDevice();
  const { lock } = await take(device, ownerOf(100), localFacts(new Set([100])));
  expect(device.dirs.has(RIG_LOCK_DIR)).toBe(true);
  const record = parseLockOwner(device.files.get(RIG_LOCK_RECORD) ?? '');
  expect(record).toMatchObject({ pid: 100, host: 'ci-7', beat: 0, outDir: '/tmp/run', token: lock.owner.token });
  expect(device.sent.slice(0, 1)).toEqual(['mkdir /data/local/tmp/ims-rig.lock']);
});

test('a second run fails at once naming the holder (exit 3: DeviceUnavailableError)', async () => {
  const device = new FileDevice();
  const facts = localFacts(new Set([100, 200]));
  await take(device, ownerOf(100), facts);
  const second = take(device, ownerOf(200), facts);
  await expect(second).rejects.toThrow(DeviceUnavailableError);
  await expect(take(device, ownerOf(200), facts)).rejects.toThrow(
    'emulator-5554 is in use by another ims-rig run: `ims-rig run --suite priority` by alice@ci-7 (pid 100), started 2026-12-02T18:40:00.000Z; '
    + 'its process 100 on ci-7 is running; wait for it with --wait-for-target [seconds]');
});

test('--wait-for-target waits for the holder to release, saying so once', async () => {
  const device = new FileDevice();
  const facts = localFacts(new Set([100, 200]));
  const first = await take(device, ownerOf(100), facts);
  const time = virtualTime((n) => { if (n === 3) void first.lock.release(); });
  const { lock, notes } = await take(device, ownerOf(200), facts, { waitMs: 60_000, ...time });
  expect(lock.owner.pid).toBe(200);
  expect(notes).toEqual([expect.stringMatching(/^ims-rig: emulator-5554 is in use by `ims-rig run --suite priority` by alice@ci-7 \(pid 100\).*; waiting for it \(up to 60 s\)$/)]);
});

test('waiting ends with exit 3 when the holder keeps the target past the wait', async () => {
  const device = new FileDevice();
  const facts = localFacts(new Set([100, 200]));
  await take(device, ownerOf(100), facts);
  await expect(take(device, ownerOf(200), facts, { waitMs: 10_000 })).rejects.toThrow(/is in use by another ims-rig run: .*\(still, after waiting 10 s\)$/);
});

test('a holder whose process is gone is taken over, with a line naming it; its record is kept for the report', async () => {
  const device = new FileDevice();
  await take(device, ownerOf(100), localFacts(new Set([100])));
  const { lock, notes } = await take(device, ownerOf(200), localFacts(new Set([200])));
  expect(lock.owner.pid).toBe(200);
  expect(lock.tookOver).toMatchObject({ owner: { pid: 100, outDir: '/tmp/run' }, why: 'its process 100 on ci-7 is gone' });
  expect(notes).toEqual(['ims-rig: emulator-5554: taking over the rig\'s lock from `ims-rig run --suite priority` by alice@ci-7 (pid 100), started 2026-12-02T18:40:00.000Z: its process 100 on ci-7 is gone']);
});

test('a holder on another machine: fail fast; while waiting, a heartbeat that stops moving makes it stale', async () => {
  const device = new FileDevice();
  const remote = ownerOf(100, 'ci-9|other-boot|pid:[1]', 'ci-9');
  await take(device, remote, { hostKey: remote.hostKey, isAlive: () => true });
  const facts = localFacts(new Set([200]));
  await expect(take(device, ownerOf(200), facts)).rejects.toThrow(/it runs on ci-9, which this run cannot ask; it goes stale 45 s after its last heartbeat/);
  const { lock, notes } = await take(device, ownerOf(200), facts, { waitMs: 10 * 60_000 });
  expect(lock.tookOver?.why).toMatch(/^its heartbeat has not moved for (4[5-9]|5\d) s \(ci-9\)$/);
  expect(notes[notes.length - 1]).toMatch(/taking over the rig's lock from .*ci-9/);
});

test('a remote holder that keeps beating is never taken over', async () => {
  const device = new FileDevice();
  const remote = ownerOf(100, 'ci-9|other-boot|pid:[1]', 'ci-9');
  const holder = await take(device, remote, { hostKey: remote.hostKey, isAlive: () => true });
  const time = virtualTime((n) => { if (n % 5 === 0) void holder.lock.heartbeat(); });
  await expect(take(device, ownerOf(200), localFacts(new Set([200])), { waitMs: 4 * STALE_AFTER_MS, ...time })).rejects.toThrow(/still, after waiting 180 s/);
  expect(HEARTBEAT_MS).toBeLessThan(STALE_AFTER_MS);
});

test('a lock directory without a record is given time, then taken over', async () => {
  const device = new FileDevice();
  device.dirs.add(RIG_LOCK_DIR);
  const { lock, notes } = await take(device, ownerOf(200), localFacts(new Set([200])));
  expect(lock.owner.pid).toBe(200);
  expect(lock.tookOver).toBeUndefined();
  expect(notes[0]).toMatch(new RegExp(`from an unfinished taker: the lock has had no holder record for ${OWNERLESS_STALE_MS / 1000} s`));
});

test('heartbeat moves the beat; a lock taken over by another run is neither beaten nor released', async () => {
  const device = new FileDevice();
  const first = await take(device, ownerOf(100), localFacts(new Set([100])));
  expect(await first.lock.heartbeat()).toBe(true);
  expect(parseLockOwner(device.files.get(RIG_LOCK_RECORD) ?? '')?.beat).toBe(1);
  // Judged dead by a run that cannot see process 100 (wrongly): it takes the lock.
  const second = await take(device, ownerOf(200), localFacts(new Set([200])));
  expect(await first.lock.heartbeat()).toBe(false);
  expect(await first.lock.release()).toBe(false);
  expect(parseLockOwner(device.files.get(RIG_LOCK_RECORD) ?? '')?.token).toBe(second.lock.owner.token);
  expect(await second.lock.release()).toBe(true);
  expect(device.dirs.has(RIG_LOCK_DIR)).toBe(false);
});

test('a target that is offline while a run waits (the holder is rebooting it) is waited for', async () => {
  const device = new FileDevice();
  const facts = localFacts(new Set([100, 200]));
  const first = await take(device, ownerOf(100), facts);
  const time = virtualTime((n) => {
    if (n === 2) device.offline = true;
    if (n === 4) {
      device.offline = false;
      void first.lock.release();
    }
  });
  const { lock } = await take(device, ownerOf(200), facts, { waitMs: 60_000, ...time });
  expect(lock.owner.pid).toBe(200);
});

test('a run that does not wait still waits out a target that is rebooting, then names the holder', async () => {
  const device = new FileDevice();
  const facts = localFacts(new Set([100, 200]));
  await take(device, ownerOf(100), facts);
  device.offline = true;
  const time = virtualTime((n) => { if (n === 3) device.offline = false; });
  await expect(take(device, ownerOf(200), facts, time)).rejects.toThrow(/is in use by another ims-rig run: .*\(pid 100\).*wait for it with --wait-for-target/);
  device.offline = true;
  await expect(take(device, ownerOf(200), facts)).rejects.toThrow(/device offline/);
});

describe('lock-holder', () => {
  const owner: LockOwner = { ...ownerOf(100), token: 't', beat: 3, bootId: 'b1' };

  test('the record round-trips and foreign text is not a record', () => {
    expect(parseLockOwner(JSON.stringify(owner))).toEqual(owner);
    expect(parseLockOwner('not json')).toBeUndefined();
    expect(parseLockOwner(JSON.stringify({ ...owner, pid: 'x' }))).toBeUndefined();
    expect(parseLockOwner(JSON.stringify({ ...owner, v: 2 }))).toBeUndefined();
  });

  test('liveness: same host alive or gone; elsewhere only the heartbeat tells; a reboot is mentioned', () => {
    expect(judgeHolder(owner, localFacts(new Set([100])))).toEqual({ state: 'alive', why: 'its process 100 on ci-7 is running' });
    expect(judgeHolder(owner, { ...localFacts(new Set()), bootId: 'b2' })).toEqual({ state: 'dead', why: 'its process 100 on ci-7 is gone (and the target has rebooted since its last heartbeat)' });
    expect(judgeHolder(owner, { hostKey: 'elsewhere', isAlive: () => false }).state).toBe('remote');
    expect(judgeHolder(owner, { hostKey: owner.hostKey, isAlive: () => undefined }).state).toBe('remote');
    expect(describeHolder(owner)).toBe('`ims-rig run --suite priority` by alice@ci-7 (pid 100), started 2026-12-02T18:40:00.000Z');
  });

  (process.platform === 'linux' ? test : test.skip)('this process has a start time to tell a reused pid apart', () => {
    expect(processStartTicks('self')).toMatch(/^\d+$/);
    expect(processStartTicks(process.pid)).toBe(processStartTicks('self'));
  });
});
