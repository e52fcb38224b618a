/**
 * The code behind apps' manifest receivers, for explicit broadcasts (`am broadcast -n pkg/cls`).
 * An APK on the reference device has no executable code; a model of an app's code registers the
 * receiver class it implements here (the observer app's ObserverReceiver, …), and ActivityManager
 * runs it when an explicit broadcast reaches an installed, enabled, exported receiver of that class
 * whose permission the sender holds and whose intent filter matches (Android 15 enforces the filter
 * for explicit intents to apps targeting 35). A receiver class no model implements behaves like a
 * class missing from the DEX: the app fails to instantiate it and no result data comes back.
 */
import { type ExtraValue } from '../platform';

/** What onReceive saw and what it set (BroadcastReceiver#setResult*). */
export interface ReceiverCall {
  readonly packageName: string;
  readonly className: string;
  readonly action: string | undefined;
  readonly extras: Readonly<Record<string, ExtraValue>>;
  /** The sender's uid (2000 shell, 0 root). */
  readonly callingUid: number;
}

export interface ReceiverResult {
  readonly resultCode: number;
  readonly data?: string;
}

export type ReceiverCode = (call: ReceiverCall) => ReceiverResult;

export class AppReceivers {
  private readonly code = new Map<string, ReceiverCode>();

  /** The model of a receiver class (fully qualified); registering the same class again replaces it. */
  register(className: string, code: ReceiverCode): void {
    this.code.set(className, code);
  }

  codeFor(className: string): ReceiverCode | undefined {
    return this.code.get(className);
  }
}
