import { VirtualClock } from '../../__tests__/resolver-harness';
import { seededRandom } from '../../java/identity';
import { DeviceScheduler } from '../../java/scheduler';
import { ExponentialBackoff } from '../exponential-backoff';

describe('ExponentialBackoff (ImsServiceController: 2 s start, 60 s cap, multiplier 2)', () => {
  function backoff(): { b: ExponentialBackoff; clock: VirtualClock; runs: number[] } {
    const clock = new VirtualClock();
    const scheduler = new DeviceScheduler(clock, (_thread, error) => {
      throw error;
    });
    const runs: number[] = [];
    const b = new ExponentialBackoff(2000, 60000, 2, scheduler.handler('ImsServiceControllerHandler', 't'), 'rebind', () => runs.push(clock.elapsedMs()), seededRandom(42));
    return { b, clock, runs };
  }

  it('start() runs the task after exactly 2000 ms; stop() cancels it', () => {
    const { b, clock, runs } = backoff();
    expect(b.getCurrentDelay()).toBe(0);
    b.start();
    clock.runFor(1999);
    expect(runs).toEqual([]);
    clock.runFor(1);
    expect(runs).toEqual([2000]);
    b.start();
    b.stop();
    clock.runFor(5000);
    expect(runs).toEqual([2000]);
  });

  it('notifyFailed() draws each delay from [T/2, T), T = min(60000, 2000·2^n), and runs the task after it', () => {
    const { b, clock, runs } = backoff();
    for (let n = 1; n <= 8; n++) {
      b.notifyFailed();
      const t = Math.min(60000, 2000 * 2 ** n);
      const delay = b.getCurrentDelay();
      expect(delay).toBeGreaterThanOrEqual(t / 2);
      expect(delay).toBeLessThan(t);
      const before = clock.elapsedMs();
      clock.runFor(delay);
      expect(runs[runs.length - 1]).toBe(before + delay);
    }
  });
});
