/**
 * `dumpsys activity service com.android.phone/.TelephonyDebugService`: IMS registration state and
 * MmTel capability status per phone, as observability-and-test-apps.md §1.c says they print
 * (ImsPhone#dump, ImsPhoneCallTracker#dump): `mImsMmTelRegistrationState = <0|1|2>`, the
 * ` Registration Log:` lines, and `mMmTelCapabilities=MmTel Capabilities - [Voice: b Video: b UT: b
 * SMS: b CALL_COMPOSER: b( BUSINESS_COMPOSER_ONLY: b)?]`, one of each per phone in phone-id order.
 * Lines are matched ignoring leading whitespace (the nested IndentingPrintWriters re-wrap each
 * other). Pure.
 */
import { shellCommand, type ShellCommand } from '../adb';

export const TELEPHONY_DEBUG_SERVICE = 'com.android.phone/.TelephonyDebugService';

export function telephonyDebugServiceCommand(): ShellCommand {
  return shellCommand('dumpsys', 'activity', 'service', TELEPHONY_DEBUG_SERVICE);
}

export interface MmTelCapabilityStatus {
  readonly voice: boolean;
  readonly video: boolean;
  readonly ut: boolean;
  readonly sms: boolean;
  readonly callComposer: boolean;
}

export interface ImsPhoneDump {
  /** 0 NOT_REGISTERED, 1 REGISTERING, 2 REGISTERED (ImsRegistrationCallbackHelper). */
  readonly registrationState?: number;
  readonly capabilities?: MmTelCapabilityStatus;
  /** Registration Log lines, oldest first, without their timestamps. */
  readonly registrationLog: readonly string[];
}

const CAPS = /mMmTelCapabilities=MmTel Capabilities - \[Voice: (true|false) Video: (true|false) UT: (true|false) SMS: (true|false) CALL_COMPOSER: (true|false)(?: BUSINESS_COMPOSER_ONLY: (?:true|false))?\]/;
const STATE = /^mImsMmTelRegistrationState = (\d+)$/;
const LOG_LINE = /^\d{4}-\d{2}-\d{2}T[\d:.]+ - (.*)$/;

/** The phones in order; a phone is opened by its ImsPhoneCallTracker block. */
export function parseTelephonyDebugService(text: string): ImsPhoneDump[] {
  const phones: { registrationState?: number; capabilities?: MmTelCapabilityStatus; registrationLog: string[] }[] = [];
  let current: (typeof phones)[number] | undefined;
  let inRegistrationLog = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const caps = CAPS.exec(line);
    if (caps) {
      current = { registrationLog: [] };
      phones.push(current);
      current.capabilities = { voice: caps[1] === 'true', video: caps[2] === 'true', ut: caps[3] === 'true', sms: caps[4] === 'true', callComposer: caps[5] === 'true' };
      inRegistrationLog = false;
      continue;
    }
    if (current === undefined) continue;
    const state = STATE.exec(line);
    if (state) {
      current.registrationState = Number(state[1]);
      continue;
    }
    if (line === 'Registration Log:') {
      inRegistrationLog = true;
      continue;
    }
    if (inRegistrationLog) {
      const entry = LOG_LINE.exec(line);
      if (entry?.[1] !== undefined) current.registrationLog.push(entry[1]);
      else inRegistrationLog = false;
    }
  }
  return phones;
}

const TRANSPORT_LINES = {
  registered: /^handleImsRegistered: onImsMmTelConnected imsTransportType=(\S+)$/,
  registering: /^handleImsRegistering: onImsMmTelProgressing imsRadioTech=(\S+)$/,
} as const;

/**
 * The transport of the last `handleImsRegistered … imsTransportType=WWAN` (or, for `registering`,
 * `handleImsRegistering … imsRadioTech=WWAN`) line of the Registration Log (ImsPhone.java L2509, L2538).
 */
export function lastTransport(phone: ImsPhoneDump, event: keyof typeof TRANSPORT_LINES): string | undefined {
  for (let i = phone.registrationLog.length - 1; i >= 0; i--) {
    const m = TRANSPORT_LINES[event].exec(phone.registrationLog[i] ?? '');
    if (m) return m[1];
  }
  return undefined;
}
