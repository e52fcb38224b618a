/**
 * Java toString() formats of the IMS types that apps and dumps print:
 * - MmTelFeature.MmTelCapabilities#toString (observability-and-test-apps.md §1.c.2): `MmTel
 *   Capabilities - [Voice: b Video: b UT: b SMS: b CALL_COMPOSER: b BUSINESS_COMPOSER_ONLY: b]`;
 *   Android 15 (API 35) appends BUSINESS_COMPOSER_ONLY (the reference marks the A15 source line
 *   UNVERIFIED; the reference device is API 35, so it prints it, and parsers accept both);
 * - ImsReasonInfo#toString in its recent form `ImsReasonInfo :: {code : NAME, extra, message}`
 *   (§1.c.1; both forms are accepted by the harness);
 * - AccessNetworkConstants#transportTypeToString (1 WWAN, 2 WLAN, -1 INVALID).
 */
import { type ImsReason, type MmTelCapabilities, type RegistrationTech } from '../telephony-apis';

export const TRANSPORT_WWAN = 1;
export const TRANSPORT_WLAN = 2;

/** REG_TECH_STRING of ImsRegistrationActivity (L152-157) and transportTypeToString. */
export const TRANSPORT_NAMES: Readonly<Record<number, string>> = { [-1]: 'NONE', 1: 'WWAN', 2: 'WLAN' };

/** ImsRegistrationImplBase: LTE registers over the WWAN transport, IWLAN over WLAN. */
export function transportOf(tech: RegistrationTech): number {
  return tech === 'IWLAN' ? TRANSPORT_WLAN : TRANSPORT_WWAN;
}

export function transportTypeToString(transport: number): string {
  return transport === 1 ? 'WWAN' : transport === 2 ? 'WLAN' : transport === -1 ? 'INVALID' : String(transport);
}

export function formatMmTelCapabilities(c: MmTelCapabilities): string {
  return `MmTel Capabilities - [Voice: ${c.voice} Video: ${c.video} UT: ${c.ut} SMS: ${c.sms} CALL_COMPOSER: false BUSINESS_COMPOSER_ONLY: false]`;
}

/** ImsReasonInfo code names the test app's reasons use most (ImsReasonInfo.java). */
const CODE_NAMES: Readonly<Record<number, string>> = {
  0: 'CODE_UNSPECIFIED', 1000: 'CODE_LOCAL_ILLEGAL_ARGUMENT', 1014: 'CODE_LOCAL_NETWORK_NO_SERVICE',
  1503: 'CODE_REGISTRATION_ERROR', 1600: 'CODE_LOCAL_IMS_SERVICE_DOWN',
};

export function formatImsReason(r: ImsReason): string {
  return `ImsReasonInfo :: {${r.code} : ${CODE_NAMES[r.code] ?? 'UNKNOWN_CODE'}, ${r.extraCode}, ${r.extraMessage}}`;
}

export const EMPTY_MMTEL_CAPABILITIES: MmTelCapabilities = { voice: false, video: false, ut: false, sms: false };
