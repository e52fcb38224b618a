/**
 * The observer app's AndroidManifest.xml (contract: harness/model/observer-app.ts). The package
 * requests the one permission registerImsStateCallback needs for both features
 * (READ_PRIVILEGED_PHONE_STATE, signature|privileged: the app is staged under /system/priv-app with
 * a privapp-permissions allowlist), declares the control receiver protected by DUMP so only the
 * shell (and root) may drive it, and is persistent, so its process — and the callbacks it holds —
 * is not reclaimed between the rig's broadcasts (persistent works for system apps only, which it is).
 */
import {
  OBSERVER_ACTION, OBSERVER_PACKAGE, OBSERVER_PERMISSIONS, OBSERVER_RECEIVER_CLASS, OBSERVER_RECEIVER_PERMISSION,
} from '../model/observer-app';

export function renderObserverManifestXml(): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- The ims-rig observer app: registers ImsStateCallbacks on request and logs every callback. -->',
    '<manifest xmlns:android="http://schemas.android.com/apk/res/android"',
    `    package="${OBSERVER_PACKAGE}" android:versionCode="1" android:versionName="1.0">`,
    // registerImsStateCallback is API 33 (Android 13); the rig's apps target the reference device's 35.
    '    <uses-sdk android:minSdkVersion="33" android:targetSdkVersion="35"/>',
    ...OBSERVER_PERMISSIONS.map((p) => `    <uses-permission android:name="${p}"/>`),
    `    <application android:label="${OBSERVER_PACKAGE}" android:persistent="true">`,
    `        <receiver android:name="${OBSERVER_RECEIVER_CLASS}" android:exported="true"`,
    `            android:permission="${OBSERVER_RECEIVER_PERMISSION}">`,
    '            <intent-filter>',
    `                <action android:name="${OBSERVER_ACTION}"/>`,
    '            </intent-filter>',
    '        </receiver>',
    '    </application>',
    '</manifest>',
    '',
  ].join('\n');
}
