/**
 * The scenario drives the order of its stimuli (issue 11, item 6). The documented model reads a
 * scenario's steps one after another: each stimulus acts on the state the previous one left. A
 * target does not wait: a SIM inserted by provisioning is loaded, and its CARRIER_CONFIG_CHANGED
 * sent, a few hundred device ms later, and a phone restart issued in between meets a framework
 * still holding the older sticky broadcast — the same scenario then gets a different verdict
 * depending on how fast adb answered. So before a stimulus that follows another stimulus (or the
 * provisioning) with no observation in between, the rig lets the framework finish reacting: on the
 * reference device one `ims-rig-device wait-idle`, elsewhere the table read until it holds still
 * (./settle.ts). A `check` settles by itself, so scenarios that observe between stimuli pay nothing.
 */
import { waitIdleCommand } from '../android';
import { hasWaitIdle, IDLE_FAST_FORWARD_MS, IDLE_WAIT_MS, settleAndObserve } from './settle';
import { type TargetSession } from './target-session';

/** Steps that only observe: they settle themselves and change nothing. */
const OBSERVING_STEPS: ReadonlySet<string> = new Set(['check', 'checkGrants', 'checkStateCallbacks']);

/** Tracks whether the target may still be reacting to the last stimulus. */
export class StepOrder {
  private reacting = false;

  /** After provisioning or a stimulus step: the target may still be reacting to it. */
  stimulated(): void {
    this.reacting = true;
  }

  /** Before a step: settles first when it is a stimulus and the target may still be reacting. */
  async before(kind: string, session: TargetSession, slotCount: number, signal?: AbortSignal): Promise<boolean> {
    if (OBSERVING_STEPS.has(kind)) {
      this.reacting = false;
      return false;
    }
    if (!this.reacting) return false;
    if (hasWaitIdle(session)) {
      // Bounded like a check's wait (the device may skip over its own timers meanwhile); a device
      // that stays busy (a service rebinding for ever) goes on.
      await session.device.shell(waitIdleCommand(IDLE_WAIT_MS, IDLE_FAST_FORWARD_MS), { timeoutMs: IDLE_WAIT_MS + 10_000, ...(signal ? { signal } : {}) });
    } else {
      await settleAndObserve(session, { slotCount, ...(signal ? { signal } : {}) });
    }
    this.reacting = false;
    return true;
  }
}
