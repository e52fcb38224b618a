/**
 * The text AndroidManifest.xml of an ImsService app declared in a scenario (harness/model
 * ImsAppSpec + AppExtras). apk-writer.ts compiles it to binary XML, so a run needs no aapt.
 *
 * The app is the rig's ImsService app (android-apps/ims-service): the <service> names the DEX's
 * class RIG_APP.serviceClass whatever the scenario calls it, and the control receiver
 * (RIG_APP.receiverClass, protected by DUMP so only the shell reaches it) is declared next to it.
 * A compat app cannot be the rig's code (realAppGap): it keeps its declared class name, gets no
 * receiver and is written without a DEX.
 *
 * The service is written as the documentation's "Service definition" shows it (seed 000): the
 * ImsService (or compat) intent-filter action, android:permission BIND_IMS_SERVICE, directBootAware
 * on the <service>; persistent goes on <application>, where Android reads it (and only for system
 * apps, so data apps do not get it). Feature meta-data are booleans as ImsResolver reads them
 * (`getBoolean(key, false)`), and the fixture behaviour travels as `ims-rig.*` string meta-data.
 */
import {
  BIND_IMS_SERVICE_PERMISSION, FIXTURE_ANSWERS_METADATA, FIXTURE_BEHAVIOUR_METADATA, FIXTURE_CAPABILITIES_METADATA, FIXTURE_FEATURE_STATE_METADATA, formatAnswers,
  IMS_COMPAT_SERVICE_ACTION, IMS_SERVICE_ACTION, type ImsAppSpec, OVERRIDE_BIND_CHECK_METADATA, realAppGap, RIG_APP,
} from '../model/ims-app';
import { FEATURE_METADATA_KEY, normaliseFeatures } from '../model/feature';
import { type AppExtras } from '../model/scenario';

/** Escapes text for a double-quoted XML attribute. */
function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const metaData = (name: string, value: string): string =>
  `            <meta-data android:name="${attr(name)}" android:value="${attr(value)}"/>`;

/**
 * The four components TestRcsApp declares so it can hold the SMS role (SmsApplication requires
 * them before RoleManager lets an app be the default SMS app; reference aosp-imsresolver.md §5.2).
 */
export function smsRoleComponentsXml(): string {
  const schemes = ['sms', 'smsto', 'mms', 'mmsto'].map((s) => `                <data android:scheme="${s}"/>`).join('\n');
  return `        <receiver android:name=".SmsReceiver" android:exported="true"
            android:permission="android.permission.BROADCAST_SMS">
            <intent-filter>
                <action android:name="android.provider.Telephony.SMS_DELIVER"/>
            </intent-filter>
        </receiver>
        <receiver android:name=".MmsReceiver" android:exported="true"
            android:permission="android.permission.BROADCAST_WAP_PUSH">
            <intent-filter>
                <action android:name="android.provider.Telephony.WAP_PUSH_DELIVER"/>
                <data android:mimeType="application/vnd.wap.mms-message"/>
            </intent-filter>
        </receiver>
        <activity android:name=".ComposeSmsActivity" android:exported="true">
            <intent-filter>
                <action android:name="android.intent.action.SEND"/>
                <action android:name="android.intent.action.SENDTO"/>
                <category android:name="android.intent.category.DEFAULT"/>
                <category android:name="android.intent.category.BROWSABLE"/>
${schemes}
            </intent-filter>
        </activity>
        <service android:name=".HeadlessSmsSendService" android:exported="true"
            android:permission="android.permission.SEND_RESPOND_VIA_MESSAGE">
            <intent-filter>
                <action android:name="android.intent.action.RESPOND_VIA_MESSAGE"/>
                <category android:name="android.intent.category.DEFAULT"/>
${schemes}
            </intent-filter>
        </service>
`;
}

/** True when the app is written as the rig's code (its APK carries classes.dex), false for a compat app. */
export function rendersRigCode(spec: Pick<ImsAppSpec, 'action' | 'package'>): boolean {
  return realAppGap(spec) === undefined;
}

/** The control receiver every code-bearing app declares (android-apps/ims-service/AndroidManifest.xml). */
function controlReceiverXml(): string {
  return `        <receiver android:name="${RIG_APP.receiverClass}" android:exported="true" android:directBootAware="true"
            android:permission="${RIG_APP.controlPermission}">
            <intent-filter>
                <action android:name="${RIG_APP.controlAction}"/>
            </intent-filter>
        </receiver>
`;
}

/**
 * Renders the text manifest for `spec` (and its scenario extras: uses-permissions, SMS-role
 * components). Deterministic: the same spec gives the same text, so the same APK bytes.
 */
export function renderManifestXml(spec: ImsAppSpec, extras?: AppExtras): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<!-- Written by ims-rig for the scenario app ${attr(spec.package)}. -->`,
    '<manifest xmlns:android="http://schemas.android.com/apk/res/android"',
    `    package="${attr(spec.package)}" android:versionCode="1" android:versionName="1.0">`,
    // Without uses-sdk the target SDK is 1, and Android 14+ refuses to install it as an app
    // (INSTALL_FAILED_DEPRECATED_SDK_VERSION: "must target at least SDK version 24"). 30 is what
    // TestRcsApp declares (aosp-imsresolver.md §5.2); 35 is the reference device's Android 15.
    '    <uses-sdk android:minSdkVersion="30" android:targetSdkVersion="35"/>',
  ];
  for (const permission of extras?.permissions ?? []) lines.push(`    <uses-permission android:name="${attr(permission)}"/>`);
  const persistent = spec.location === 'data' ? '' : ' android:persistent="true"';
  const code = rendersRigCode(spec);
  // An app the rig's DEX cannot be (a compat app) carries no code and says so: a device installs
  // it (no "code is missing") and fails only if it ever binds it.
  const hasCode = code ? '' : ' android:hasCode="false"';
  lines.push(`    <application android:label="${attr(spec.package)}"${persistent}${hasCode}>`);
  const serviceAttributes = [
    `android:name="${attr(code ? RIG_APP.serviceClass : spec.service)}"`, 'android:exported="true"', `android:directBootAware="${String(spec.directBootAware)}"`,
    ...(spec.permission ? [`android:permission="${BIND_IMS_SERVICE_PERMISSION}"`] : []),
  ];
  lines.push(`        <service ${serviceAttributes.join('\n            ')}>`);
  if (spec.overrideBindCheck) lines.push(metaData(OVERRIDE_BIND_CHECK_METADATA, 'true'));
  for (const feature of normaliseFeatures(spec.metadata)) lines.push(metaData(FEATURE_METADATA_KEY[feature], 'true'));
  // Always written, "" included: the fixture's querySupportedImsFeatures answer is then explicit.
  lines.push(metaData(FIXTURE_ANSWERS_METADATA, formatAnswers(spec.answers)));
  if (spec.behaviour !== 'normal') lines.push(metaData(FIXTURE_BEHAVIOUR_METADATA, spec.behaviour));
  if (spec.capabilities !== undefined && spec.capabilities.length > 0) lines.push(metaData(FIXTURE_CAPABILITIES_METADATA, spec.capabilities.join(',')));
  if (spec.featureState !== undefined && spec.featureState !== 'READY') lines.push(metaData(FIXTURE_FEATURE_STATE_METADATA, spec.featureState));
  lines.push('            <intent-filter>');
  lines.push(`                <action android:name="${spec.action === 'compat' ? IMS_COMPAT_SERVICE_ACTION : IMS_SERVICE_ACTION}"/>`);
  lines.push('            </intent-filter>');
  lines.push('        </service>');
  const body = lines.join('\n') + '\n' + (code ? controlReceiverXml() : '');
  return body + (extras?.smsRoleComponents === true ? smsRoleComponentsXml() : '') + '    </application>\n</manifest>\n';
}
