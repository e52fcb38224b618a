/**
 * Intents between the simulated processes (platform.ts `BroadcastBus`). Like a background
 * broadcast in ActivityManagerService's queue: the receivers are resolved when the intent is sent,
 * delivery happens later (next macrotask), in registration order, one intent after the other.
 */
import { ACTION_CARRIER_CONFIG_CHANGED, type BroadcastBus, type ComponentInfo, type Intent, type ReceiverCode } from '../platform';

/** Actions AOSP sends sticky (Context#sendStickyBroadcast); the bus remembers the last of each. */
export const STICKY_ACTIONS: ReadonlySet<string> = new Set([
  ACTION_CARRIER_CONFIG_CHANGED,
  'android.intent.action.SIM_STATE_CHANGED',
  'android.intent.action.ACTION_DEFAULT_DATA_SUBSCRIPTION_CHANGED',
  'android.intent.action.ACTION_DEFAULT_VOICE_SUBSCRIPTION_CHANGED',
  'android.intent.action.SERVICE_STATE',
]);

interface Registration {
  readonly actions: ReadonlySet<string>;
  readonly receiver: (intent: Intent) => void;
  active: boolean;
}

export interface DeliveryRecord {
  readonly intent: Intent;
  readonly receivers: number;
}

export class MemoryBroadcastBus implements BroadcastBus {
  private registrations: Registration[] = [];
  private readonly stickies = new Map<string, Intent>();
  private readonly queue: { intent: Intent; targets: Registration[] }[] = [];
  private scheduled = false;
  private readonly errorListeners: ((error: unknown, intent: Intent) => void)[] = [];
  private readonly sentListeners: ((intent: Intent) => void)[] = [];
  private receiverCode: ReceiverCode | undefined;

  send(intent: Intent): void {
    if (STICKY_ACTIONS.has(intent.action)) this.stickies.set(intent.action, intent);
    const targets = this.registrations.filter((r) => r.active && r.actions.has(intent.action));
    for (const listener of this.sentListeners) listener(intent);
    this.queue.push({ intent, targets });
    this.scheduleDrain();
  }

  register(actions: readonly string[], receiver: (intent: Intent) => void): () => void {
    const registration: Registration = { actions: new Set(actions), receiver, active: true };
    this.registrations.push(registration);
    return () => {
      registration.active = false;
      this.registrations = this.registrations.filter((r) => r !== registration);
    };
  }

  setReceiverCode(code: ReceiverCode): void {
    this.receiverCode = code;
  }

  runReceiver(receiver: ComponentInfo, intent: Intent): string | null {
    for (const listener of this.sentListeners) listener(intent);
    return this.receiverCode === undefined ? null : this.receiverCode(receiver, intent);
  }

  sticky(action: string): Intent | undefined {
    return this.stickies.get(action);
  }

  /** Intents sent but not yet delivered to every receiver (for idle detection). */
  pendingDeliveries(): number {
    return this.queue.length;
  }

  /** Receivers that throw are reported here (a crash of the receiving process in AOSP). */
  onReceiverError(listener: (error: unknown, intent: Intent) => void): void {
    this.errorListeners.push(listener);
  }

  /** Observes every intent as it is sent (the package manager's and `am`'s log lines). */
  onSent(listener: (intent: Intent) => void): void {
    this.sentListeners.push(listener);
  }

  /** A reboot: receivers die with their processes, sticky intents are forgotten. */
  reset(): void {
    for (const r of this.registrations) r.active = false;
    this.registrations = [];
    this.stickies.clear();
    this.queue.length = 0;
  }

  private scheduleDrain(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    const next = this.queue.shift();
    if (next === undefined) return;
    for (const target of next.targets) {
      // A receiver unregistered after the send no longer gets it (its process is gone).
      if (!target.active) continue;
      try {
        target.receiver(next.intent);
      } catch (error) {
        for (const listener of this.errorListeners) listener(error, next.intent);
      }
    }
    if (this.queue.length > 0) this.scheduleDrain();
  }
}
