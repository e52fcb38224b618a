import { ScaledClock } from '../scaled-clock';

/** A clock whose real time the test moves by hand (jest fake timers drive setTimeout). */
function fakeClock(scale: number): { clock: ScaledClock; advance: (realMs: number) => void } {
  let real = 0;
  jest.useFakeTimers();
  const clock = new ScaledClock({ scale, realNowMs: () => real, wallClockStart: new Date(Date.UTC(2024, 11, 5, 10, 0, 0)) });
  return {
    clock,
    advance: (ms) => {
      real += ms;
      jest.advanceTimersByTime(ms);
    },
  };
}

afterEach(() => jest.useRealTimers());

test('device delays fire after delay × scale real ms, while device time reads in device ms', () => {
  const { clock, advance } = fakeClock(0.01);
  const fired: number[] = [];
  clock.schedule(2000, () => fired.push(clock.elapsedMs()));
  advance(19);
  expect(fired).toEqual([]);
  advance(1);
  expect(fired).toEqual([2000]);
  expect(clock.elapsedMs()).toBe(2000);
});

test('timers fire in device-deadline order even when their real delays round to the same ms', () => {
  const { clock, advance } = fakeClock(0.00001);
  const order: string[] = [];
  clock.schedule(5000, () => order.push('query retry 5000'));
  clock.schedule(2000, () => order.push('rebind 2000'));
  clock.schedule(2000, () => order.push('second 2000'));
  advance(1);
  expect(order).toEqual(['rebind 2000', 'second 2000', 'query retry 5000']);
});

test('cancel, pendingTimers and the wall clock', () => {
  const { clock, advance } = fakeClock(1);
  const handle = clock.schedule(100, () => { throw new Error('cancelled timer ran'); });
  clock.schedule(200, () => undefined);
  expect(clock.pendingTimers()).toBe(2);
  handle.cancel();
  expect(clock.pendingTimers()).toBe(1);
  advance(250);
  expect(clock.pendingTimers()).toBe(0);
  expect(clock.now().toISOString()).toBe('2024-12-05T10:00:00.250Z');
});

test('a reboot drops pending timers and restarts elapsedRealtime; the wall clock keeps going', () => {
  const { clock, advance } = fakeClock(1);
  clock.schedule(100, () => { throw new Error('a timer of the previous boot ran'); });
  advance(50);
  clock.reboot();
  expect(clock.pendingTimers()).toBe(0);
  expect(clock.elapsedMs()).toBe(0);
  advance(200);
  expect(clock.elapsedMs()).toBe(200);
  expect(clock.now().toISOString()).toBe('2024-12-05T10:00:00.250Z');
});

test('a throwing task is reported and does not stop the others', () => {
  const { clock, advance } = fakeClock(1);
  const errors: unknown[] = [];
  const ran: string[] = [];
  clock.onTaskError((e) => errors.push(e));
  clock.schedule(10, () => { throw new Error('boom'); });
  clock.schedule(10, () => ran.push('after'));
  advance(10);
  expect(errors).toHaveLength(1);
  expect(ran).toEqual(['after']);
});

test('sleep resolves on the device clock', async () => {
  const { clock, advance } = fakeClock(0.5);
  let done = false;
  const sleeping = clock.sleep(1000);
  void sleeping.done.then(() => { done = true; });
  advance(499);
  await Promise.resolve();
  expect(done).toBe(false);
  advance(1);
  await Promise.resolve();
  expect(done).toBe(true);
});

test('the scale must be positive', () => {
  expect(() => new ScaledClock({ scale: 0 })).toThrow(RangeError);
});

test('idleAtRealTime: device time runs at real speed while nothing is queued, scaled while a timer is pending', () => {
  let real = 0;
  jest.useFakeTimers();
  const clock = new ScaledClock({ scale: 0.01, idleAtRealTime: true, realNowMs: () => real });
  const advance = (ms: number): void => {
    real += ms;
    jest.advanceTimersByTime(ms);
  };
  advance(100); // idle: 100 real ms are 100 device ms
  expect(clock.elapsedMs()).toBe(100);
  const fired: number[] = [];
  clock.schedule(2000, () => fired.push(clock.elapsedMs()));
  advance(20); // a 2 s rebind still takes 20 real ms
  expect(fired).toEqual([2100]);
  advance(50); // idle again
  expect(clock.elapsedMs()).toBe(2150);
  clock.reboot();
  expect(clock.elapsedMs()).toBe(0);
});

test('a task sees its own deadline as device time: what it schedules keeps its device delay however late the host fired it', () => {
  const { clock, advance } = fakeClock(0.02);
  const order: string[] = [];
  // At device 0: work due at 300 (a SIM read), and a task at 0 that posts more work "now".
  clock.schedule(300, () => order.push(`sim read at ${clock.elapsedMs()}`));
  clock.schedule(0, () => {
    order.push(`init at ${clock.elapsedMs()}`);
    clock.schedule(0, () => order.push(`sticky broadcast at ${clock.elapsedMs()}`));
  });
  // The host stalls 10 real ms (500 device ms) before any timer fires: both are overdue.
  advance(10);
  expect(order).toEqual(['init at 0', 'sticky broadcast at 0', 'sim read at 300']);
  // Outside a task, device time is the real-derived one again.
  expect(clock.elapsedMs()).toBe(500);
});

test('advance: the skipped device time passes at once, and what falls due in it fires in order', () => {
  const { clock } = fakeClock(1);
  const fired: [string, number][] = [];
  clock.schedule(5000, () => fired.push(['retry', clock.elapsedMs()]));
  clock.schedule(2000, () => {
    fired.push(['rebind', clock.elapsedMs()]);
    clock.schedule(0, () => fired.push(['posted by the rebind', clock.elapsedMs()]));
  });
  expect(clock.nextDueInMs()).toBe(2000);
  clock.advance(2000);
  expect(fired).toEqual([['rebind', 2000], ['posted by the rebind', 2000]]);
  expect(clock.elapsedMs()).toBe(2000);
  expect(clock.nextDueInMs()).toBe(3000);
  clock.advance(3000);
  expect(fired.map(([what]) => what)).toEqual(['rebind', 'posted by the rebind', 'retry']);
  expect(() => clock.advance(-1)).toThrow(RangeError);
});

test('a reboot forgets the skipped time: uptime starts again from zero, the wall clock keeps it', () => {
  const { clock } = fakeClock(1);
  const wall = clock.now().getTime();
  clock.advance(60_000);
  expect(clock.now().getTime() - wall).toBe(60_000);
  clock.reboot();
  expect(clock.elapsedMs()).toBe(0);
  expect(clock.now().getTime() - wall).toBe(60_000);
});
