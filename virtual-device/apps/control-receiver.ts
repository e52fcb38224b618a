/**
 * The code of manifest receivers in the device's apps (the platform's ReceiverCode), as the rig
 * app's DEX runs it: org.imsrig.ims.ControlReceiver (ControlReceiver.smali) answers the control
 * broadcast with the same outcome words; a receiver class the APK's DEX does not define crashes the
 * app's process on start; other code sets no result (the reference device cannot know it).
 *
 *   --ez crash true          "killed", then the process dies
 *   --es features <answers>  "updated" | "stored" | "error: <Answers message>"
 *   --es behaviour <b>       "stored" | "error: unknown behaviour …"
 *   --es feature-state <S>   "updated" | "stored" | "error: unknown feature state …"
 *   none of them             "error: no crash, features, behaviour or feature-state extra"
 * The first of crash, features, behaviour, feature-state present wins. Contract and builder:
 * harness/android/control-broadcast.ts.
 */
import { type ComponentInfo, type Intent, type ReceiverCode } from '../android/platform';
import { APP_BEHAVIOURS, type AppBehaviour, CONTROL_EXTRA, FEATURE_STATE_ID, isFeatureStateName, RIG_APP } from '../../harness/model/ims-app';
import { parseAnswers } from './answers';
import { isOrExtends, receiverClassProblem } from './app-code';
import { type AppRegistry } from './app-registry';
import { type ImsAppProcess } from './ims-app-process';

const NO_EXTRA = 'error: no crash, features, behaviour or feature-state extra';

function stringExtra(intent: Intent, key: string): string | null {
  const value = intent.extras[key];
  return typeof value === 'string' ? value : null;
}

/** ControlReceiver#onReceive on `app` (running now). The outcome line. */
function controlReceive(app: ImsAppProcess, registry: AppRegistry, intent: Intent): string {
  if (intent.extras[CONTROL_EXTRA.crash] === true) {
    app.log('control: crash, killing own process');
    registry.kill(app, 'crash');
    return 'killed';
  }
  const features = stringExtra(intent, CONTROL_EXTRA.features);
  const behaviour = stringExtra(intent, CONTROL_EXTRA.behaviour);
  const state = stringExtra(intent, CONTROL_EXTRA.featureState);
  let outcome: string;
  if (features !== null) {
    const parsed = parseAnswers(features);
    outcome = !parsed.ok ? `error: ${parsed.error}` : app.setFeatures(parsed.features) === 'notified' ? 'updated' : 'stored';
  } else if (behaviour !== null) {
    if ((APP_BEHAVIOURS as readonly string[]).includes(behaviour)) {
      app.behaviourOverride = behaviour as AppBehaviour;
      outcome = 'stored';
    } else {
      outcome = `error: unknown behaviour "${behaviour}" (expected normal, null-binding, query-error or crash-on-bind)`;
    }
  } else if (state !== null) {
    outcome = isFeatureStateName(state) ? app.setFeatureState(FEATURE_STATE_ID[state]) : `error: unknown feature state "${state}" (expected READY, INITIALIZING or UNAVAILABLE)`;
  } else {
    outcome = NO_EXTRA;
  }
  app.log(`control: ${outcome}`);
  return outcome;
}

/** The ReceiverCode of the device's apps (registered on the platform's broadcast bus). */
export function appReceiverCode(registry: AppRegistry): ReceiverCode {
  return (receiver: ComponentInfo, intent: Intent): string | null => {
    const app = registry.get(receiver.packageName);
    const code = app.code();
    const problem = receiverClassProblem(code, receiver.className, app.codePath(), registry.simulateCodeless);
    if (problem !== undefined) {
      registry.crashOnStart(app, { packageName: receiver.packageName, className: receiver.className }, 'receiver', problem);
      return null;
    }
    // A manifest-only APK (simulated) or other code: nothing the reference device can run.
    if (!isOrExtends(code, receiver.className, RIG_APP.receiverClass)) return null;
    app.running = true; // the receiver runs in the app's process, started for it if need be
    return controlReceive(app, registry, intent);
  };
}
