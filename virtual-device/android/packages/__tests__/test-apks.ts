/** Test APKs: a text manifest compiled by the rig's own APK writer (tests may use harness code). */
import { buildApk } from '../../../../harness/formats/apk-writer';

export interface TestApp {
  readonly pkg: string;
  readonly versionCode?: number;
  readonly targetSdk?: number | null;
  readonly permissions?: readonly string[];
  readonly body?: string;
  readonly applicationAttributes?: string;
}

export const IMS_SERVICE = (name = '.ImsService', meta = '', extra = 'android:directBootAware="true"'): string => `
    <service android:name="${name}" android:exported="true" android:permission="android.permission.BIND_IMS_SERVICE" ${extra}>
      ${meta}
      <intent-filter><action android:name="android.telephony.ims.ImsService"/></intent-filter>
    </service>`;

/** The four components the SMS role requires (roles.xml), as TestRcsApp declares them. */
export const SMS_ROLE_COMPONENTS = `
    <receiver android:name=".SmsReceiver" android:exported="true" android:permission="android.permission.BROADCAST_SMS">
      <intent-filter><action android:name="android.provider.Telephony.SMS_DELIVER"/></intent-filter>
    </receiver>
    <receiver android:name=".MmsReceiver" android:exported="true" android:permission="android.permission.BROADCAST_WAP_PUSH">
      <intent-filter><action android:name="android.provider.Telephony.WAP_PUSH_DELIVER"/><data android:mimeType="application/vnd.wap.mms-message"/></intent-filter>
    </receiver>
    <activity android:name=".ComposeSmsActivity" android:exported="true">
      <intent-filter><action android:name="android.intent.action.SENDTO"/><category android:name="android.intent.category.DEFAULT"/><data android:scheme="smsto"/></intent-filter>
    </activity>
    <service android:name=".HeadlessSmsSendService" android:exported="true" android:permission="android.permission.SEND_RESPOND_VIA_MESSAGE">
      <intent-filter><action android:name="android.intent.action.RESPOND_VIA_MESSAGE"/><category android:name="android.intent.category.DEFAULT"/><data android:scheme="smsto"/></intent-filter>
    </service>`;

export function manifestXml(app: TestApp): string {
  const sdk = app.targetSdk === null ? '' : `<uses-sdk android:minSdkVersion="29" android:targetSdkVersion="${app.targetSdk ?? 34}"/>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="${app.pkg}" android:versionCode="${app.versionCode ?? 1}" android:versionName="1.${app.versionCode ?? 1}">
  ${sdk}
  ${(app.permissions ?? []).map((p) => `<uses-permission android:name="${p.includes('.') ? p : `android.permission.${p}`}"/>`).join('\n  ')}
  <application android:label="${app.pkg}" ${app.applicationAttributes ?? ''}>${app.body ?? ''}
  </application>
</manifest>
`;
}

export function testApk(app: TestApp): Promise<Buffer> {
  return Promise.resolve(buildApk(manifestXml(app), `${app.pkg}.xml`));
}

/** What the dialer role requires (roles.xml DIALER <required-components>, targetSdk >= 33). */
export const DIALER_ROLE_COMPONENTS = `
    <activity android:name=".DialActivity" android:exported="true">
      <intent-filter><action android:name="android.intent.action.DIAL"/><category android:name="android.intent.category.DEFAULT"/></intent-filter>
      <intent-filter><action android:name="android.intent.action.DIAL"/><category android:name="android.intent.category.DEFAULT"/><data android:scheme="tel"/></intent-filter>
    </activity>
    <service android:name=".InCall" android:exported="true" android:permission="android.permission.BIND_INCALL_SERVICE">
      <meta-data android:name="android.telecom.IN_CALL_SERVICE_UI" android:value="true"/>
      <intent-filter><action android:name="android.telecom.InCallService"/></intent-filter>
    </service>`;
