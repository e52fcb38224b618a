/**
 * The screens of AOSP's ImsTestService (packages/services/Telephony testapps/ImsTestService,
 * package com.android.phone.testapps.imstestapp), with the resource ids, labels and behaviour of
 * observability-and-test-apps.md §2.a: the launcher (only the three launch buttons are wired),
 * IMS Registration, IMS Calling and IMS Config. What the buttons send goes to the framework through
 * the ImsService's own objects (TestImsRegistrationImpl, TestMmTelFeatureImpl), so it shows in
 * TelephonyDebugService only when the framework is bound to this app's MMTEL feature.
 *
 * AOSP's crash risks are kept (§2.a.2, §2.a.3): the Registration and Calling screens register
 * framework callbacks in onResume that need READ_PRIVILEGED_PHONE_STATE / READ_PRECISE_PHONE_STATE
 * (or carrier privilege), which the app does not request, and catch only IllegalArgumentException
 * and ImsException — so the SecurityException crashes the app; with no valid default voice sub,
 * onPause dereferences the null manager.
 */
import { type Activity, type AppContext, type UiApp } from '../activity';
import { JavaException, type ImsReason, type MmTelCapabilities, type RegistrationTech } from '../../telephony/telephony-apis';
import { view, type ViewNode } from '../view';
import { button, checkBox, configList, editText, label, spinner } from './widgets';
import { formatImsReason, formatMmTelCapabilities, TRANSPORT_NAMES } from '../../telephony/java/ims-text';

export const IMS_TEST_SERVICE_PACKAGE = 'com.android.phone.testapps.imstestapp';
const P = IMS_TEST_SERVICE_PACKAGE;
const cls = (name: string): string => `${P}.${name}`;

/** Per app process: TestImsConfigImpl's cached values (they outlive the activity, as the singleton does). */
class AppState {
  readonly configs = new Map<number, number>();
}

export function imsTestServiceApp(): UiApp {
  let state = new AppState();
  let statePid: unknown;
  return {
    packageName: P,
    create(className, ctx) {
      // A new process gets new singletons.
      if (statePid !== ctx) {
        statePid = ctx;
        state = new AppState();
      }
      switch (className) {
        case cls('ImsTestServiceApp'): return launcher(ctx);
        case cls('ImsRegistrationActivity'): return registration(ctx);
        case cls('ImsCallingActivity'): return calling(ctx);
        case cls('ImsConfigActivity'): return config(ctx, state);
        default: return undefined;
      }
    },
  };
}

function launcher(ctx: AppContext): Activity {
  const card = view(P, 'android.view.ViewGroup', { id: 'connection_info' }, [
    label(P, 'Registration Configuration'),
    checkBox(P, 'reg_check_mmtel', 'MmTel Feature'),
    checkBox(P, 'reg_check_rcs', 'RCS Feature'),
  ]);
  return {
    className: cls('ImsTestServiceApp'),
    label: 'ImsTestService',
    content: [
      view(P, 'android.widget.TextView', { id: 'features_main_text', text: 'Registration Configuration' }),
      checkBox(P, 'features_check_mmtel', 'MmTel Feature'),
      checkBox(P, 'features_check_rcs', 'RCS Feature'),
      // "Change Features" has no listener (§2.a.6): a click does nothing.
      button(P, 'features_change_button', 'Change Features', () => undefined),
      label(P, 'ImsService Controls'),
      button(P, 'control_launch_reg', 'Registration', () => ctx.startActivity(cls('ImsRegistrationActivity'))),
      button(P, 'control_launch_calling', 'Calling', () => ctx.startActivity(cls('ImsCallingActivity'))),
      button(P, 'control_launch_config', 'Config', () => ctx.startActivity(cls('ImsConfigActivity'))),
      view(P, 'android.widget.LinearLayout', { id: 'connections_list' }, [card]),
    ],
  };
}

/** construct_imsreasoninfo.xml included under `includeId`: three EditTexts. */
function reasonInfo(includeId: string): { node: ViewNode; read(ctx: AppContext): ImsReason } {
  const error = editText(P, 'imsreasoninfo_error', '0');
  const extra = editText(P, 'imsreasoninfo_extra', '0');
  const message = editText(P, 'imsreasoninfo_message', '');
  const node = view(P, 'android.widget.LinearLayout', { id: includeId }, [
    label(P, 'Construct ImsReasonInfo', true), label(P, 'Error Code'), error, label(P, 'Extra Code'), extra, label(P, 'Message'), message,
  ]);
  return {
    node,
    // ImsRegistrationActivity#getReasonInfo (L262-288): unparsable numbers default with a toast.
    read(ctx) {
      const parse = (text: string): number => {
        const n = Number.parseInt(text, 10);
        if (Number.isNaN(n)) {
          ctx.toast("Couldn't parse reason, defaulting to Unspecified.");
          return 0;
        }
        return n;
      };
      const result = { code: parse(error.text), extraCode: parse(extra.text), extraMessage: message.text };
      ctx.toast(`getReasonInfo: ${formatImsReason(result)}`);
      return result;
    },
  };
}

function registration(ctx: AppContext): Activity {
  const events = configList(P, 'reg_cb_list');
  const add = (key: string, value: string): void => ctx.post(() => events.add(`Registration Event: ${key}`, `Value: ${value}`));
  let unregister: (() => void) | null = null;
  let managerCreated = false;
  // ArrayMap order (§2.a.2): "LTE", "IWLAN"; LTE selected by default.
  const activity: Activity = {
    className: cls('ImsRegistrationActivity'),
    label: 'IMS Registration',
    content: [],
  };
  const tech = spinner(P, 'reg_tech_selector', ['LTE', 'IWLAN'], () => activity);
  const deregistered = reasonInfo('deregistered_imsreasoninfo');
  const changeFailed = reasonInfo('regchangefail_imsreasoninfo');
  const service = (): ReturnType<AppContext['telephony']> => ctx.telephony();
  const selectedTech = (): RegistrationTech => (tech.selected() === 'IWLAN' ? 'IWLAN' : 'LTE');
  activity.content.push(
    label(P, 'Registration Technology'),
    tech.node,
    button(P, 'reg_registered_button', 'Send Registered', () => service()?.imsService.onRegistered(P, 0, selectedTech())),
    button(P, 'reg_registering_button', 'Send Registering', () => service()?.imsService.onRegistering(P, 0, selectedTech())),
    deregistered.node,
    button(P, 'reg_deregistered_button', 'Send Deregistered Using Reason Above', () => service()?.imsService.onDeregistered(P, 0, deregistered.read(ctx))),
    changeFailed.node,
    button(P, 'reg_changefailed_button', 'Reg Change Failed Using Reason Above', () => service()?.imsService.onTechnologyChangeFailed(P, 0, selectedTech(), changeFailed.read(ctx))),
    label(P, 'Registration Callback Listener Events:'),
    events.node,
  );
  activity.onResume = () => {
    const apis = ctx.telephony();
    if (!apis) return;
    const subId = apis.app.defaultVoiceSubscriptionId();
    // ImsMmTelManager.createForSubscriptionId throws IllegalArgumentException for an invalid sub: caught (L182-188).
    if (subId < 0) return;
    managerCreated = true;
    unregister = apis.app.registerImsRegistrationCallback(P, subId, {
      onRegistered: (t) => add('Registered', TRANSPORT_NAMES[t] ?? String(t)),
      onRegistering: (t) => add('Registering', TRANSPORT_NAMES[t] ?? String(t)),
      onUnregistered: (r) => add('Deregistered', formatImsReason(r)),
      onTechnologyChangeFailed: (t, r) => add('TechnologyChangeFailed', `${TRANSPORT_NAMES[t] ?? String(t)} reason: ${formatImsReason(r)}`),
    });
  };
  activity.onPause = () => {
    if (!managerCreated) throw nullManager('unregisterImsRegistrationCallback');
    unregister?.();
    unregister = null;
  };
  return activity;
}

function calling(ctx: AppContext): Activity {
  const boxes = {
    voice: checkBox(P, 'call_cap_voice', 'Voice'),
    video: checkBox(P, 'call_cap_video', 'Video'),
    ut: checkBox(P, 'call_cap_ut', 'UT'),
    sms: checkBox(P, 'call_cap_sms', 'SMS'),
  };
  const enabledText = view(P, 'android.widget.TextView', { id: 'call_cap_enabled_text', text: '' });
  const events = configList(P, 'cap_cb_list');
  let unregister: (() => void) | null = null;
  let managerCreated = false;
  const refreshEnabled = (): void => {
    const enabled = ctx.telephony()?.imsService.enabledCapabilities(P, 0);
    const text = (c: MmTelCapabilities | null | undefined): string => (c ? formatMmTelCapabilities(c) : 'null');
    enabledText.text = `LTE: {${text(enabled?.LTE)}}, \nIWLAN: {${text(enabled?.IWLAN)}}, \nCROSS-SIM: {null}`;
  };
  const change = (): void => {
    const apis = ctx.telephony();
    if (!apis || !apis.imsService.isMmTelReady(P, 0)) {
      ctx.toast('Connection to Framework Unavailable');
      return;
    }
    const caps: MmTelCapabilities = { voice: boxes.voice.checked, video: boxes.video.checked, ut: boxes.ut.checked, sms: boxes.sms.checked };
    ctx.toast(`Sending Capabilities:{${formatMmTelCapabilities(caps)}}`);
    apis.imsService.notifyCapabilitiesStatusChanged(P, 0, caps);
  };
  const activity: Activity = {
    className: cls('ImsCallingActivity'),
    label: 'IMS Calling',
    content: [
      view(P, 'android.widget.LinearLayout', {}, [boxes.voice, boxes.video]),
      view(P, 'android.widget.LinearLayout', {}, [boxes.ut, boxes.sms]),
      button(P, 'call_cap_change', 'Change Capability Status', change),
      label(P, 'Enabled Capabilities', true),
      enabledText,
      label(P, 'Capability Changed Events:'),
      events.node,
    ],
    onResume: () => {
      refreshEnabled();
      const apis = ctx.telephony();
      if (!apis) return;
      const subId = apis.app.defaultVoiceSubscriptionId();
      if (subId < 0) return;
      managerCreated = true;
      unregister = apis.app.registerMmTelCapabilityCallback(P, subId, (caps) => ctx.post(() => events.add('Capability Event: cap changed: ', `Value: ${formatMmTelCapabilities(caps)}`)));
    },
    onPause: () => {
      if (!managerCreated) throw nullManager('unregisterMmTelCapabilityCallback');
      unregister?.();
      unregister = null;
    },
  };
  return activity;
}

function config(ctx: AppContext, state: AppState): Activity {
  const item = editText(P, 'set_config_item', '0');
  const value = editText(P, 'set_config_value', '0');
  const list = configList(P, 'config_list');
  const refresh = (): void => list.set([...state.configs.entries()].map(([k, v]) => [`Item: ${k}`, `Value: ${v}`]));
  refresh();
  const set = (): void => {
    // Integer.parseInt of an empty or non-numeric field throws NumberFormatException: a crash (§2.a.4).
    const parse = (text: string): number => {
      if (!/^-?\d+$/.test(text)) throw new JavaException('java.lang.NumberFormatException', `For input string: "${text}"`);
      return Number(text);
    };
    state.configs.set(parse(item.text), parse(value.text));
    refresh();
    ctx.log.write('I', 'ImsConfigActivity', `setConfigValue: ${item.text}=${value.text}`);
  };
  return {
    className: cls('ImsConfigActivity'),
    label: 'IMS Config',
    content: [
      view(P, 'android.widget.TextView', { id: 'textView2', text: 'Set Configuration Value', bold: true }),
      label(P, 'Item'), item, label(P, 'Value'), value,
      button(P, 'config_button', 'Set', set),
      label(P, 'Cached Config Values', true),
      list.node,
    ],
  };
}

function nullManager(method: string): JavaException {
  return new JavaException('java.lang.NullPointerException', `Attempt to invoke virtual method 'void android.telephony.ims.ImsMmTelManager.${method}(...)' on a null object reference`);
}
