/**
 * The TelephonyDebugService parser on text shaped as observability-and-test-apps.md §1.c gives it
 * (ImsPhone#dump, ImsPhoneCallTracker#dump; constructed from the format strings), with the nested
 * writers' inconsistent indentation, one phone registered and one not.
 */
import { lastTransport, parseTelephonyDebugService } from '../telephony-debug-service';

const DUMP = `DebugService:
PhoneFactory:
Phone: subId=1
 mPhoneId=0
++++++++++++++++++++++++++++++++
ImsPhone extends:
Phone: subId=1
ImsPhoneCallTracker extends:
 mState=IDLE
 mMmTelCapabilities=MmTel Capabilities - [Voice: true Video: false UT: false SMS: true CALL_COMPOSER: false BUSINESS_COMPOSER_ONLY: false]
 mIsConferenceEventPackageHandlingEnabled=true
 Event Log:
  2026-12-02T10:11:12.345 - startListeningForCalls - Connecting to ImsService
++++++++++++++++++++++++++++++++
ImsManager:
  device supports IMS = true
ImsPhone:
  mDefaultPhone = Handler (com.android.internal.telephony.GsmCdmaPhone) {7a1b2c3}
  mImsMmTelRegistrationState = 2
  mLastKnownRoamingState = 0
 Registration Log:
  2026-12-02T10:11:13.000 - handleImsRegistering: onImsMmTelProgressing imsRadioTech=WWAN
    2026-12-02T10:11:14.000 - handleImsRegistered: onImsMmTelConnected imsTransportType=WLAN
++++++++++++++++++++++++++++++++
Phone: subId=-1
ImsPhoneCallTracker extends:
 mMmTelCapabilities=MmTel Capabilities - [Voice: false Video: false UT: false SMS: false CALL_COMPOSER: false]
ImsPhone:
  mImsMmTelRegistrationState = 0
 Registration Log:
`;

describe('parseTelephonyDebugService', () => {
  it('reads registration state, capabilities and the registration log per phone', () => {
    const [first, second] = parseTelephonyDebugService(DUMP);
    expect(first?.registrationState).toBe(2);
    expect(first?.capabilities).toEqual({ voice: true, video: false, ut: false, sms: true, callComposer: false });
    expect(first?.registrationLog).toEqual(['handleImsRegistering: onImsMmTelProgressing imsRadioTech=WWAN', 'handleImsRegistered: onImsMmTelConnected imsTransportType=WLAN']);
    expect(first && lastTransport(first, 'registered')).toBe('WLAN');
    expect(first && lastTransport(first, 'registering')).toBe('WWAN');
    // Pre-API-35 frameworks print no BUSINESS_COMPOSER_ONLY.
    expect(second?.capabilities?.voice).toBe(false);
    expect(second?.registrationState).toBe(0);
    expect(second?.registrationLog).toEqual([]);
  });

  it('finds no phone in text without a call tracker (IMS not supported)', () => {
    expect(parseTelephonyDebugService('DebugService:\nPhoneFactory:\n')).toEqual([]);
  });
});
