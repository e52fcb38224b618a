/**
 * The observer app's ObserverReceiver among the device's manifest receivers (the platform's
 * ReceiverCode, virtual-device/apps/control-receiver.ts): a receiver whose class is (or extends)
 * org.imsrig.observer.ObserverReceiver in its APK's DEX runs the observer's onReceive and answers
 * with its outcome; a class the DEX lacks crashes the app on start, as for any receiver; every
 * other receiver is the next code's.
 */
import { OBSERVER_RECEIVER_CLASS } from '../../../harness/model/observer-app';
import { type ComponentInfo, type Intent, type ReceiverCode } from '../../android/platform';
import { isOrExtends, receiverClassProblem } from '../app-code';
import { type AppRegistry } from '../app-registry';
import { type ObserverApp } from './observer-app';

export function withObserverReceiver(next: ReceiverCode, registry: AppRegistry, observer: ObserverApp): ReceiverCode {
  return (receiver: ComponentInfo, intent: Intent): string | null => {
    const app = registry.get(receiver.packageName);
    const code = app.code();
    // A manifest-only observer APK is simulated where the profile simulates code-less apps.
    const observerClass = code === null || code === undefined ? receiver.className === OBSERVER_RECEIVER_CLASS : isOrExtends(code, receiver.className, OBSERVER_RECEIVER_CLASS);
    if (!observerClass) return next(receiver, intent);
    const problem = receiverClassProblem(code, receiver.className, app.codePath(), registry.simulateCodeless);
    if (problem !== undefined) {
      registry.crashOnStart(app, { packageName: receiver.packageName, className: receiver.className }, 'receiver', problem);
      return null;
    }
    return observer.onReceive(intent.extras).data;
  };
}
