/**
 * `dumpsys activity service com.android.phone/.TelephonyDebugService` (SVC TelephonyDebugService
 * → OPT DebugService#dump → PhoneFactory#dump), the parts observability-and-test-apps.md §1.c
 * describes: per phone, the GsmCdmaPhone header, then between `++++` separators the ImsPhone's own
 * Phone.dump with ImsPhoneCallTracker#dump (`mMmTelCapabilities=`, the Event Log) and
 * ImsManager#dump, then ImsPhone#dump (`mImsMmTelRegistrationState = <n>`, ` Registration Log:`).
 * Everything else those dumps print (hundreds of kB on a device) is left out; a parser matches
 * lines ignoring leading whitespace, as the reference advises.
 */
import { formatMmTelCapabilities } from '../java/ims-text';
import { type ImsPhone } from './ims-phone';

export const TELEPHONY_DEBUG_SERVICE = 'com.android.phone/.TelephonyDebugService';
const SEPARATOR = '++++++++++++++++++++++++++++++++';

export interface PhoneDumpInput {
  readonly phone: ImsPhone;
  readonly subId: number;
  readonly imsSupported: boolean;
  readonly conferenceEventPackageEnabled: boolean;
}

function indent(lines: readonly string[], by: string): string[] {
  return lines.map((l) => `${by}${l}`);
}

function phoneDump(input: PhoneDumpInput): string[] {
  const { phone, subId } = input;
  const lines: string[] = [];
  lines.push(`Phone: subId=${subId}`, ` mPhoneId=${phone.phoneId}`, ' mCi=com.android.internal.telephony.RIL', ' mDnsCheckDisabled=false', ' mDoesRilSendMultipleCallRing=true');
  lines.push(SEPARATOR);
  lines.push('ImsPhone extends:');
  lines.push(`Phone: subId=${subId}`, ` mPhoneId=${phone.phoneId}`);
  lines.push('ImsPhoneCallTracker extends:');
  lines.push(' mState=IDLE');
  lines.push(` mMmTelCapabilities=${formatMmTelCapabilities(phone.capabilities)}`);
  lines.push(` mIsConferenceEventPackageHandlingEnabled=${input.conferenceEventPackageEnabled}`);
  lines.push(' mSupportCepOnPeer=true');
  lines.push(' mSrvccTypeSupported=[]');
  lines.push(' Event Log:');
  lines.push(...indent(phone.operationLog.entries(), '  '));
  lines.push(SEPARATOR);
  lines.push('ImsManager:');
  lines.push(`  device supports IMS = ${input.imsSupported}`);
  lines.push(`  mPhoneId = ${phone.phoneId}`);
  lines.push(`  mImsServiceProxy = ${phone.listeningTo === null ? 'null' : 'com.android.ims.MmTelFeatureConnection@4c1e2d7'}`);
  lines.push('ImsPhone:');
  lines.push(`  mImsMmTelRegistrationState = ${phone.registrationState}`);
  lines.push('  mLastKnownRoamingState = 0');
  lines.push(' Registration Log:');
  lines.push(...indent(phone.registrationLog.entries(), '  '));
  lines.push(SEPARATOR);
  return lines;
}

/** The whole dump for the phones in phone-id order. */
export function telephonyDebugServiceDump(phones: readonly PhoneDumpInput[]): string {
  const lines = ['DebugService:', 'PhoneFactory:', ` sDefaultPhone=${phones.length > 0 ? 'Handler (com.android.internal.telephony.GsmCdmaPhone) {7a1b2c3}' : 'null'}`];
  for (const p of phones) lines.push(...phoneDump(p));
  return `${lines.join('\n')}\n`;
}
