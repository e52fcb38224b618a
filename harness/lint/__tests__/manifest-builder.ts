/** Builds small test manifests and lints them, for the rule tests. */
import { parseManifestXml } from '../../formats/android-manifest';
import { type LintFinding } from '../finding';
import { lintManifest } from '../lint-manifest';

export const BIND = 'android:permission="android.permission.BIND_IMS_SERVICE"';
export const IMS_FILTER = '<intent-filter><action android:name="android.telephony.ims.ImsService"/></intent-filter>';
export const COMPAT_FILTER = '<intent-filter><action android:name="android.telephony.ims.compat.ImsService"/></intent-filter>';
export const meta = (name: string, value: string): string => `<meta-data android:name="${name}" android:value="${value}"/>`;
export const feature = (f: 'EMERGENCY_MMTEL' | 'MMTEL' | 'RCS', value = 'true'): string => meta(`android.telephony.ims.${f}_FEATURE`, value);

/** A complete, conformant ImsService element; `attrs` replace the defaults, `body` goes inside. */
export function imsService(options: { attrs?: string; body?: string; name?: string } = {}): string {
  const attrs = options.attrs ?? `android:exported="true" android:directBootAware="true" ${BIND}`;
  return `<service android:name="${options.name ?? '.ImsService'}" ${attrs}>${options.body ?? `${feature('EMERGENCY_MMTEL')}${feature('MMTEL')}${IMS_FILTER}`}</service>`;
}

export function manifest(options: { application?: string; appAttrs?: string; permissions?: readonly string[] } = {}): string {
  const perms = (options.permissions ?? []).map((p) => `<uses-permission android:name="${p}"/>`).join('\n');
  return `<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.test.app">\n${perms}\n` +
    `<application ${options.appAttrs ?? 'android:persistent="true"'}>\n${options.application ?? imsService()}\n</application>\n</manifest>\n`;
}

export function lint(text: string): LintFinding[] {
  return lintManifest(parseManifestXml(text, 'test.xml'));
}

/** Findings of one rule, as `severity` (or `severity: message` when asked). */
export function findingsOf(text: string, rule: string): LintFinding[] {
  return lint(text).filter((f) => f.rule === rule);
}
