/**
 * The screens of AOSP's TestRcsApp (testapps/TestRcsApp/TestApp, package
 * com.google.android.sample.rcsclient) with the ids, labels and result texts of
 * observability-and-test-apps.md §2.b: MainActivity, ProvisioningActivity, DelegateActivity,
 * UceActivity, and GbaActivity. Every call uses SmsManager.getDefaultSmsSubscriptionId(); with no
 * valid default-SMS sub Provisioning and Delegate silently do nothing and UCE NPEs on click
 * (§2.b). Only ImsException is caught, so a SecurityException from a missing permission crashes
 * the app [code-reading, kept as AOSP has it].
 *
 * GbaActivity is not described by the reference note: its ids here (`gba_naf_url`,
 * `gba_bootstrap_btn`, `gba_result`) are the rig's own, UNVERIFIED against AOSP's layout.
 */
import { type Activity, type AppContext, type UiApp } from '../activity';
import { JavaException, type DelegateListener, type SipDelegateHandle } from '../../telephony/telephony-apis';
import { view, type ViewNode } from '../view';
import { button, checkBox, editText, label, spinner } from './widgets';

export const TEST_RCS_APP_PACKAGE = 'com.google.android.sample.rcsclient';
const P = TEST_RCS_APP_PACKAGE;
const cls = (name: string): string => `${P}.${name}`;

/** DelegateActivity's checkboxes and the feature tag each adds (L56-80, L255-288). */
export const DELEGATE_TAGS: readonly (readonly [id: string, text: string, tag: string])[] = [
  ['standalone-pager', 'Standalone Pager', '+g.3gpp.icsi-ref="urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.msg"'],
  ['standalone-large', 'Standalone Large', '+g.3gpp.icsi-ref="urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.largemsg"'],
  ['standalone-deferred', 'Standalone Deferred', '+g.3gpp.icsi-ref="urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.deferred"'],
  ['standalone-pager-large', 'Standalone Large Pager', '+g.gsma.rcs.cpm.pager-large'],
  ['chat', 'Chat', '+g.3gpp.icsi-ref="urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.session"'],
  ['file_transfer', 'File Transfer', '+g.3gpp.iari-ref="urn%3Aurn-7%3A3gpp-application.ims.iari.rcs.fthttp"'],
  ['geolocation_sms', 'Geolocation SMS', '+g.3gpp.iari-ref="urn%3Aurn-7%3A3gpp-application.ims.iari.rcs.geosms"'],
  ['chatbot_session', 'Chatbot Session', '+g.3gpp.iari-ref="urn%3Aurn-7%3A3gpp-application.ims.iari.rcs.chatbot"'],
  ['chatbot_standalone', 'Chatbot Standalone', '+g.3gpp.iari-ref="urn%3Aurn-7%3A3gpp-application.ims.iari.rcs.chatbot.sa"'],
  ['chatbot_version', 'Chatbot Version', '+g.gsma.rcs.botversion="#=1,#=2"'],
];

/** SipDelegateManager.SIP_DELEGATE_DESTROY_REASON_REQUESTED_BY_APP. */
export const DESTROY_REASON_REQUESTED_BY_APP = 2;

export function testRcsApp(): UiApp {
  return {
    packageName: P,
    create(className, ctx) {
      switch (className) {
        case cls('MainActivity'): return main(ctx);
        case cls('ProvisioningActivity'): return provisioning(ctx);
        case cls('DelegateActivity'): return delegate(ctx);
        case cls('UceActivity'): return uce(ctx);
        case cls('GbaActivity'): return gba(ctx);
        default: return undefined;
      }
    },
  };
}

function upArrow(ctx: AppContext): ViewNode {
  return view(P, 'android.widget.ImageButton', { desc: 'Navigate up', onClick: () => ctx.finish() });
}

function main(ctx: AppContext): Activity {
  const go = (name: string) => () => ctx.startActivity(cls(name));
  return {
    className: cls('MainActivity'),
    label: 'RcsClient',
    content: [
      button(P, 'provision', 'Provisioning Test', go('ProvisioningActivity')),
      button(P, 'delegate', 'Delegate Test', go('DelegateActivity')),
      button(P, 'uce', 'UCE Test', go('UceActivity')),
      button(P, 'gba', 'GBA Test', go('GbaActivity')),
      button(P, 'msgClient', 'TestMessageClient', go('ContactListActivity')),
      button(P, 'uploadFile', 'Upload File with GBA', go('FileUploadActivity')),
      button(P, 'setCarrierLockMode', 'CarrierLock', go('carrierLock.CarrieLockModeListActivity')),
      view(P, 'android.widget.TextView', { id: 'version_info', text: 'Version: 1.0.13' }),
    ],
  };
}

/** The default SMS subscription, or undefined when there is none (the screens then do nothing). */
function smsSub(ctx: AppContext): number | undefined {
  const sub = ctx.telephony()?.app.defaultSmsSubscriptionId() ?? -1;
  return sub >= 0 ? sub : undefined;
}

function isImsException(e: unknown): e is JavaException {
  return e instanceof JavaException && e.javaClass === 'android.telephony.ims.ImsException';
}

function provisioning(ctx: AppContext): Activity {
  const singleRegResult = view(P, 'android.widget.TextView', { id: 'provisioning_singlereg_result', text: 'Result:' });
  const callbackResult = view(P, 'android.widget.TextView', { id: 'provisioning_callback_result', text: 'Callback Result:' });
  const activity: Activity = { className: cls('ProvisioningActivity'), label: 'RcsClient', content: [] };
  const profile = spinner(P, 'rcs_profile_list', ['UP_1.0', 'UP_2.3'], () => activity);
  const register = button(P, 'provisioning_register_btn', 'registerProvisioningCallback', () => {
    // setRcsClientConfiguration + registerRcsProvisioningCallback (L174-192): the button greys out.
    register.clickable = false;
    unregister.clickable = true;
  });
  const unregister = button(P, 'provisioning_unregister_btn', 'unRegisterProvisioningCallback', () => {
    register.clickable = true;
  });
  const singleReg = button(P, 'provisioning_singlereg_btn', 'isRcsVolteSingleRegCapable', () => {
    const sub = smsSub(ctx);
    const apis = ctx.telephony();
    if (sub === undefined || !apis) return;
    try {
      singleRegResult.text = String(apis.app.isRcsVolteSingleRegistrationCapable(P, sub));
    } catch (e) {
      // ImsException is only logged (L201-211): the text stays "Result:". Anything else escapes.
      if (!isImsException(e)) throw e;
      ctx.log.write('E', 'TestRcsApp.ProvisioningActivity', `isRcsVolteSingleRegistrationCapable: ${String(e)}`);
    }
  });
  activity.content.push(upArrow(ctx), label(P, 'RcsProfile:'), profile.node, register, unregister, singleReg, singleRegResult, callbackResult);
  return activity;
}

function delegate(ctx: AppContext): Activity {
  const boxes = DELEGATE_TAGS.map(([id, text]) => checkBox(P, id, text, id === 'chat'));
  const result = view(P, 'android.widget.TextView', { id: 'delegate_callback_result', text: 'Callback Result:' });
  let connection: SipDelegateHandle | null = null;
  let output = '';
  const show = (text: string): void => {
    output += text;
    result.text = output;
  };
  const listener: DelegateListener = {
    onCreated: () => ctx.post(() => show('onCreated\r\n\r\n')),
    onFeatureTagStatusChanged: (registered, denied) => ctx.post(() => show(`onFeatureTagStatusChanged  deniedFeatureTags:[${denied.map((d) => `${d.tag} ${d.reason}`).join('')}] registeredFT:[${registered.map((t) => `${t} `).join('')}]\r\n\r\n`)),
    onDestroyed: (reason) => ctx.post(() => {
      output = `onDestroyed reason:${reason}`;
      result.text = output;
      connection = null;
    }),
  };
  const init = button(P, 'init_btn', 'initializeSipDelegate', () => {
    output = '';
    result.text = '';
    const sub = smsSub(ctx);
    const apis = ctx.telephony();
    if (sub === undefined || !apis) return;
    const tags = DELEGATE_TAGS.filter((_t, i) => boxes[i]?.checked === true).map(([, , tag]) => tag);
    try {
      connection = apis.app.createSipDelegate(P, sub, tags, listener);
      init.clickable = false;
      destroy.clickable = true;
    } catch (e) {
      if (!isImsException(e)) throw e;
      show(String(e));
    }
  });
  const destroy = view(P, 'android.widget.Button', {
    id: 'destroy_btn', text: 'destroySipDelegate', clickable: false,
    onClick: () => {
      output = '';
      result.text = '';
      connection?.destroy(DESTROY_REASON_REQUESTED_BY_APP);
      init.clickable = true;
      destroy.clickable = false;
    },
  });
  return {
    className: cls('DelegateActivity'),
    label: 'RcsClient',
    content: [upArrow(ctx), ...boxes, init, destroy, result],
    // onStop destroys the delegate (L317-328).
    onStop: () => connection?.destroy(DESTROY_REASON_REQUESTED_BY_APP),
  };
}

function uce(ctx: AppContext): Activity {
  const numbers = editText(P, 'number_list', '', '+16505551212,+16505551213');
  const result = view(P, 'android.widget.TextView', { id: 'capability_result', text: 'Result:' });
  // initLayout runs before mImsRcsManager is set; with no valid SMS sub it stays null (L57-79).
  const managerSub = smsSub(ctx);
  const request = (): void => {
    const uris = numbers.text.split(',').map((n) => n.trim()).filter((n) => n !== '').map((n) => `tel:${n}`);
    if (uris.length === 0) return;
    const apis = ctx.telephony();
    if (managerSub === undefined || !apis) {
      throw new JavaException('java.lang.NullPointerException', "Attempt to invoke virtual method 'android.telephony.ims.RcsUceAdapter android.telephony.ims.ImsRcsManager.getUceAdapter()' on a null object reference");
    }
    result.text = 'pending...\n';
    try {
      apis.app.requestCapabilities(P, managerSub, uris, {
        onCapabilitiesReceived: (contacts) => ctx.post(() => {
          result.text += `onCapabilitiesReceived:\n${contacts.map((c) => `RcsContactUceCapability: uri=${c.uri}, requestResult=${c.requestResult}, sourceType=${c.sourceType}\n`).join('')}\n`;
        }),
        onComplete: () => ctx.post(() => { result.text += 'onComplete'; }),
        onError: (code, retry) => ctx.post(() => { result.text += `onError() errorCode:${code} retryAfterMs:${retry}\n`; }),
      });
    } catch (e) {
      if (!isImsException(e)) throw e;
      result.text = `ImsException:${String(e)}`;
    }
  };
  return {
    className: cls('UceActivity'),
    label: 'RcsClient',
    content: [
      upArrow(ctx),
      label(P, "Enter the number to query capability and separate by ',' if multiple ones."),
      label(P, 'Number: '), numbers,
      button(P, 'capability_btn', 'requestCapability', request),
      button(P, 'availability_btn', 'requestNetworkAvailability (1st number)', request),
      result,
    ],
  };
}

function gba(ctx: AppContext): Activity {
  const naf = editText(P, 'gba_naf_url', 'https://3GPP-bootstrapping.msc.mnc001.mcc001.pub.3gppnetwork.org');
  const result = view(P, 'android.widget.TextView', { id: 'gba_result', text: 'Result:' });
  const bootstrap = (): void => {
    const sub = smsSub(ctx);
    const apis = ctx.telephony();
    if (sub === undefined || !apis) return;
    result.text = 'pending...';
    apis.app.bootstrapAuthenticationRequest(P, sub, naf.text, {
      onKeysAvailable: () => ctx.post(() => { result.text = 'onKeysAvailable'; }),
      onAuthenticationFailure: (reason) => ctx.post(() => { result.text = `onAuthenticationFailure reason:${reason}`; }),
    });
  };
  return {
    className: cls('GbaActivity'),
    label: 'RcsClient',
    content: [upArrow(ctx), label(P, 'NAF URL:'), naf, button(P, 'gba_bootstrap_btn', 'bootstrapAuthenticationRequest', bootstrap), result],
  };
}
