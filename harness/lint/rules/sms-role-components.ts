/**
 * PERFORM_IMS_SINGLE_REGISTRATION is granted only to a privileged app holding the default SMS role,
 * and RoleManager offers that role only to apps SmsApplication accepts: an SMS_DELIVER receiver
 * protected by BROADCAST_SMS, a WAP_PUSH_DELIVER receiver (mime application/vnd.wap.mms-message)
 * protected by BROADCAST_WAP_PUSH, a RESPOND_VIA_MESSAGE service (scheme smsto) protected by
 * SEND_RESPOND_VIA_MESSAGE and a SENDTO activity (scheme smsto) — the four components AOSP's
 * TestRcsApp declares "even if they are not implemented" (aosp-imsresolver.md §5.2; frameworks
 * SmsApplication#getApplicationCollectionInternal).
 */
import { type ComponentInfo, type ComponentKind } from '../../formats/android-manifest';
import { type RuleFinding } from '../finding';
import { type LintRule } from '../rule';
import { describeComponent, type LintSubject } from '../subject';

interface Requirement {
  readonly what: string;
  readonly kind: ComponentKind;
  readonly action: string;
  readonly permission?: string;
  readonly mimeType?: string;
  readonly scheme?: string;
}

const REQUIREMENTS: readonly Requirement[] = [
  { what: 'SMS_DELIVER receiver', kind: 'receiver', action: 'android.provider.Telephony.SMS_DELIVER', permission: 'android.permission.BROADCAST_SMS' },
  { what: 'MMS (WAP_PUSH_DELIVER) receiver', kind: 'receiver', action: 'android.provider.Telephony.WAP_PUSH_DELIVER', permission: 'android.permission.BROADCAST_WAP_PUSH', mimeType: 'application/vnd.wap.mms-message' },
  { what: 'SENDTO activity', kind: 'activity', action: 'android.intent.action.SENDTO', scheme: 'smsto' },
  { what: 'RESPOND_VIA_MESSAGE service', kind: 'service', action: 'android.intent.action.RESPOND_VIA_MESSAGE', permission: 'android.permission.SEND_RESPOND_VIA_MESSAGE', scheme: 'smsto' },
];
/** The schemes TestRcsApp's SENDTO activity and RESPOND_VIA_MESSAGE service list. */
const ALL_SCHEMES = ['sms', 'smsto', 'mms', 'mmsto'];

function filterMatches(c: ComponentInfo, r: Requirement): boolean {
  return c.intentFilters.some((f) => f.actions.includes(r.action) &&
    (r.mimeType === undefined || f.mimeTypes.includes(r.mimeType)) && (r.scheme === undefined || f.dataSchemes.includes(r.scheme)));
}

function checkRequirement(s: LintSubject, r: Requirement): RuleFinding[] {
  const sameKind = s.manifest.components.filter((c) => c.kind === r.kind);
  const good = sameKind.find((c) => filterMatches(c, r) && (r.permission === undefined || c.permission === r.permission));
  const spell = `<${r.kind}> with action ${r.action}${r.mimeType === undefined ? '' : ` and mimeType ${r.mimeType}`}` +
    `${r.scheme === undefined ? '' : ` and scheme ${r.scheme}`}${r.permission === undefined ? '' : `, protected by ${r.permission}`}`;
  if (good === undefined) {
    const near = sameKind.find((c) => c.intentFilters.some((f) => f.actions.includes(r.action)));
    return [{
      severity: 'error', line: near?.line ?? s.manifest.application?.line ?? s.manifest.line,
      element: near === undefined ? '<application>' : describeComponent(near),
      message: near === undefined
        ? `no ${r.what} (${spell}): the app cannot become the default SMS app, which PERFORM_IMS_SINGLE_REGISTRATION requires`
        : `the ${r.what} is not what the SMS role requires (${spell}): the app cannot become the default SMS app, which PERFORM_IMS_SINGLE_REGISTRATION requires`,
      basis: 'SmsApplication#getApplicationCollectionInternal; TestRcsApp manifest (aosp-imsresolver.md §5.2)',
    }];
  }
  if (r.scheme === undefined) return [];
  const schemes = new Set(good.intentFilters.filter((f) => f.actions.includes(r.action)).flatMap((f) => f.dataSchemes));
  const missing = ALL_SCHEMES.filter((x) => !schemes.has(x));
  return missing.length === 0 ? [] : [{
    severity: 'info', line: good.line, element: describeComponent(good),
    message: `the ${r.what} handles ${[...schemes].join(', ')} but not ${missing.join(', ')} (TestRcsApp lists sms, smsto, mms and mmsto)`,
  }];
}

export const smsRoleComponents: LintRule = {
  id: 'sms-role-components',
  title: 'a single-registration client declares the four components the default SMS role requires',
  doc: 'singleRegPermission',
  check: (s) => (s.singleRegistration ? REQUIREMENTS.flatMap((r) => checkRequirement(s, r)) : []),
};
