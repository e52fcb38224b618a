/**
 * The device's own work keeps its order whatever the host's speed (issue 11, item 6): a task's
 * follow-up work is due relative to the task's due time, so a stalled host (5 real ms are 250
 * device ms at --time-scale 0.02) cannot let a later timer overtake it.
 */
import { ScaledClock } from '../../../android/clock/scaled-clock';
import { DeviceScheduler } from '../scheduler';

afterEach(() => jest.useRealTimers());

/** Runs the phone-start sequence with the host stalling `stallMs` real ms before timers fire. */
function phoneStart(stallMs: number): string[] {
  jest.useFakeTimers();
  const clock = new ScaledClock({ scale: 0.02, realNowMs: () => Date.now() });
  const scheduler = new DeviceScheduler(clock, (_thread, e) => { throw e; });
  const main = scheduler.handler('main', 'com.android.phone');
  const resolver = scheduler.handler('ImsResolver', 'com.android.phone');
  const order: string[] = [];
  // PhoneApp.start(): ImsResolver initialises on its thread; the SIM is read 300 device ms later.
  resolver.post('initialize', () => {
    order.push('initialize');
    // registerReceiver delivers the sticky CARRIER_CONFIG_CHANGED on the main thread "now".
    main.post('sticky CCC', () => order.push('sticky CCC'));
  });
  main.post('load SIM', () => order.push('SIM loaded'), 300);
  // The host is busy elsewhere: real time passes, no timer gets to run.
  jest.setSystemTime(Date.now() + stallMs);
  jest.advanceTimersByTime(100);
  return order;
}

test.each([0, 1, 7, 50])('host stalled %i real ms: the same order', (stall) => {
  expect(phoneStart(stall)).toEqual(['initialize', 'sticky CCC', 'SIM loaded']);
});
