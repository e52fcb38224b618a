/**
 * Activities of the apps the reference device can show. An app with screens of its own (the two
 * AOSP test apps, ./apps) builds them from its package name; any other installed activity shows an
 * empty window, so `am start` of it works as on a device (io.appium.settings/.Settings).
 */
import { type LogBuffer } from '../android/platform';
import { type TelephonyApis } from '../telephony/telephony-apis';
import { type ViewNode } from './view';

export interface Activity {
  /** Fully qualified class name. */
  readonly className: string;
  /** The window title (android:label), drawn in the action bar. */
  readonly label: string;
  /** The content views, laid out top to bottom under the action bar. */
  readonly content: ViewNode[];
  /** A popup over the content (a Spinner's dropdown list), or undefined. */
  overlay?: ViewNode | undefined;
  /** Activity#onResume; a Java exception thrown here crashes the app (./window-manager.ts). */
  onResume?(): void;
  /** Activity#onPause. */
  onPause?(): void;
  /** Activity#onStop (also when the app is force-stopped). */
  onStop?(): void;
}

/** What an activity's code can do to the system (Context/Activity methods it uses). */
export interface AppContext {
  readonly packageName: string;
  /** startActivity(new Intent(this, <class>)) within the app. */
  startActivity(className: string): void;
  /** Activity#finish (the up arrow, back). */
  finish(): void;
  /** Toast.makeText(…).show(): kept as the window's last toast and logged. */
  toast(text: string): void;
  /** The telephony APIs (null when com.android.phone is not running). */
  telephony(): TelephonyApis | undefined;
  readonly log: LogBuffer;
  /** Runs work posted to the app's main thread (callbacks on getMainExecutor()). */
  post(task: () => void): void;
}

/** An app whose screens the device can draw. */
export interface UiApp {
  readonly packageName: string;
  /** Builds an activity of the app, or undefined for a class it does not have. */
  create(className: string, context: AppContext): Activity | undefined;
}
