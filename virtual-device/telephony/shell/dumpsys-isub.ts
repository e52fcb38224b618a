/**
 * `dumpsys isub`: SubscriptionManagerService.dump (OPT android-15.0.0_r23
 * src/java/com/android/internal/telephony/subscription/SubscriptionManagerService.java
 * L4952-5030), the parts a harness reads — the slot → subId mapping, the SIM states, and one
 * SubscriptionInfoInternal.toString() per subscription (SubscriptionInfoInternal.java L1346-1408;
 * int flags such as isEmbedded and areUiccApplicationsEnabled print as 0/1). A subscription that
 * is not active has simSlotIndex=-1 (SubscriptionManagerService.markSubscriptionsInactive).
 */
import { SIM_STATE_ABSENT, SIM_STATE_LOADED, SIM_STATE_NOT_READY, SIM_STATE_READY } from '../ims/resolver-environment';
import { type TelephonyState } from '../state/device-store';
import { type Subscriptions } from '../state/subscriptions';

/** TelephonyManager.simStateToString. */
function simStateToString(state: number): string {
  switch (state) {
    case SIM_STATE_ABSENT: return 'ABSENT';
    case SIM_STATE_READY: return 'READY';
    case SIM_STATE_NOT_READY: return 'NOT_READY';
    case SIM_STATE_LOADED: return 'LOADED';
    default: return 'UNKNOWN';
  }
}

function infoLine(id: number, iccid: string, slot: number, uiccEnabled: boolean): string {
  return `[SubscriptionInfoInternal: id=${id} iccId=${iccid} simSlotIndex=${slot} portIndex=${slot < 0 ? -1 : 0} isEmbedded=0`
    + ' isRemovableEmbedded=0 carrierId=1 displayName=T-Mobile carrierName=T-Mobile isOpportunistic=0 groupUuid= groupOwner='
    + ' displayNameSource=SIM_SPN iconTint=-16746133 number=15555215554 dataRoaming=0 mcc=310 mnc=260 ehplmns= hplmns='
    + ` cardString=${iccid} cardId=0 nativeAccessRules=null carrierConfigAccessRules=null countryIso=us profileClass=-1`
    + ` type=LOCAL_SIM areUiccApplicationsEnabled=${uiccEnabled ? 1 : 0} usageSetting=DEFAULT isEnhanced4GModeEnabled=-1`
    + ' isVideoTelephonyEnabled=-1 isWifiCallingEnabled=-1 isWifiCallingEnabledForRoaming=-1 wifiCallingMode=UNKNOWN'
    + ' wifiCallingModeForRoaming=UNKNOWN enabledMobileDataPolicies= imsi=310260000000000 rcsUceEnabled=0'
    + ' crossSimCallingEnabled=0 rcsConfig=null allowedNetworkTypesForReasons= deviceToDeviceStatusSharingPreference=0'
    + ' isVoImsOptInEnabled=0 deviceToDeviceStatusSharingContacts= numberFromCarrier= numberFromIms= userId=-10000'
    + ' isSatelliteEnabled=-1 satellite_attach_enabled_for_carrier=0 getOnlyNonTerrestrialNetwork=0 isGroupDisabled=false'
    + ' serviceCapabilities=7 transferStatus=0 satelliteEntitlementStatus=0 satelliteEntitlementPlmns='
    + ' isSatelliteESOSSupported=0 isSatelliteProvisionedForNonIpDatagram=0]';
}

export function writeDumpsysIsub(write: (text: string) => void, subscriptions: Subscriptions, state: TelephonyState): void {
  const lines: string[] = ['SubscriptionManagerService:', `Active modem count=${subscriptions.slotCount}`, 'Logical SIM slot sub id mapping:'];
  for (let slot = 0; slot < subscriptions.slotCount; slot++) {
    const subId = subscriptions.subId(slot);
    if (subId >= 0) lines.push(`  Logical SIM slot ${slot}: subId=${subId}`);
  }
  lines.push('ICCID:');
  for (let slot = 0; slot < subscriptions.slotCount; slot++) lines.push(`  slot ${slot}: ${state.sims[slot]?.iccid ?? ''}`);
  const defaultSub = subscriptions.defaultSubscriptionId();
  lines.push('', `defaultSubId=${defaultSub}`, `defaultVoiceSubId=${subscriptions.defaultVoiceSubId()}`, `defaultDataSubId=${subscriptions.defaultDataSubId()}`,
    `activeDataSubId=${subscriptions.defaultDataSubId()}`, `defaultSmsSubId=${defaultSub}`, 'areAllSubscriptionsLoaded=true', 'mUserIdToAvailableSubs={}', '');
  for (let slot = 0; slot < subscriptions.slotCount; slot++) lines.push(`mSimState[${slot}]=${simStateToString(subscriptions.simState(slot))}`);
  const disabled = new Set(state.uiccAppsDisabled ?? []);
  const all = Object.entries(state.subIdByIccid).sort(([, a], [, b]) => a - b).map(([iccid, id]) => {
    const slot = subscriptions.slotOf(id);
    return { id, active: slot >= 0, line: infoLine(id, iccid, slot, !disabled.has(iccid)) };
  });
  lines.push('', 'Active subscriptions:', ...all.filter((s) => s.active).map((s) => `  ${s.line}`));
  lines.push('', 'All subscriptions:', ...all.map((s) => `  ${s.line}`), '');
  lines.push('Embedded subscriptions: []', 'Opportunistic subscriptions: []', `getAvailableSubscriptionInfoList: [${all.filter((s) => s.active).map((s) => s.id).join(', ')}]`);
  write(`${lines.join('\n')}\n`);
}
