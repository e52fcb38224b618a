/**
 * com.android.internal.telephony.ExponentialBackoff (BASE telephony/java/.../ExponentialBackoff.java):
 * start() runs the task after the start delay; notifyFailed() grows the delay to
 * min(max, start·multiplier^n) and takes a jittered value in [T/2, T); stop() cancels.
 * The jitter comes from the device's seeded random source instead of Math.random(), so a run is
 * reproducible; the range is AOSP's.
 */
import { type Handler } from '../java/scheduler';

export class ExponentialBackoff {
  private retryCounter = 0;
  private currentDelayMs = 0;

  constructor(
    private readonly startDelayMs: number,
    private readonly maximumDelayMs: number,
    private readonly multiplier: number,
    private readonly handler: Handler,
    private readonly label: string,
    private readonly task: () => void,
    private readonly random: () => number,
  ) {}

  start(): void {
    this.retryCounter = 0;
    this.currentDelayMs = this.startDelayMs;
    this.handler.removeMessages(this.label);
    this.handler.sendMessage(this.label, undefined, this.label, this.task, this.currentDelayMs);
  }

  stop(): void {
    this.retryCounter = 0;
    this.handler.removeMessages(this.label);
  }

  notifyFailed(): void {
    this.retryCounter++;
    const temp = Math.min(this.maximumDelayMs, Math.trunc(this.startDelayMs * Math.pow(this.multiplier, this.retryCounter)));
    this.currentDelayMs = Math.trunc(((1 + this.random()) / 2) * temp);
    this.handler.removeMessages(this.label);
    this.handler.sendMessage(this.label, undefined, this.label, this.task, this.currentDelayMs);
  }

  /** The delay of the most recently posted retry (0 before the first start/failure, like AOSP). */
  getCurrentDelay(): number {
    return this.currentDelayMs;
  }
}
