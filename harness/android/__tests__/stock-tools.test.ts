/**
 * The stock tools the rig drives on a target without ims-rig-device: dumpsys isub, cmd overlay,
 * cmd phone disable/enable-physical-subscription, /proc/uptime, pidof/kill, pm clear. Fixtures
 * are in the exact formats of the AOSP sources cited in each parser.
 */
import { parsePackageName } from '../../model';
import { physicalSubscriptionCommand } from '../cmd-phone-cc';
import { overlayListCommand, overlaySetEnabledCommand, parseOverlayList } from '../cmd-overlay';
import { dumpsysIsubCommand, parseDumpsysIsub, physicalSubscription } from '../dumpsys-isub';
import { pmClearCommand } from '../pm';
import { killCommand, parsePidof, parseUptime, pidofCommand, uptimeCommand } from '../proc';

const info = (id: number, slot: number, uicc: 0 | 1, embedded: 0 | 1 = 0): string =>
  `[SubscriptionInfoInternal: id=${id} iccId=89014103211118510720 simSlotIndex=${slot} portIndex=${slot < 0 ? -1 : 0} isEmbedded=${embedded} isRemovableEmbedded=0 carrierId=1 displayName=T-Mobile carrierName=T-Mobile areUiccApplicationsEnabled=${uicc} usageSetting=DEFAULT]`;

/** SubscriptionManagerService.dump with one active SIM (android-15.0.0_r23 L4952-5030). */
const ACTIVE = [
  'SubscriptionManagerService:', 'Active modem count=1', 'Logical SIM slot sub id mapping:', '  Logical SIM slot 0: subId=1', 'ICCID:', '  slot 0: 89014103211118510720', '',
  'defaultSubId=1', 'defaultVoiceSubId=1', 'defaultDataSubId=1', 'activeDataSubId=1', 'defaultSmsSubId=1', 'areAllSubscriptionsLoaded=true', 'mUserIdToAvailableSubs={}', '',
  'mSimState[0]=LOADED', '', 'Active subscriptions:', `  ${info(1, 0, 1)}`, '', 'All subscriptions:', `  ${info(1, 0, 1)}`, '',
  'Embedded subscriptions: []', 'Opportunistic subscriptions: []', 'getAvailableSubscriptionInfoList: [1]', '',
].join('\n');

/** The same SIM with its UICC applications switched off: no mapping, NOT_READY, inactive. */
const SWITCHED_OFF = [
  'SubscriptionManagerService:', 'Active modem count=1', 'Logical SIM slot sub id mapping:', 'ICCID:', '  slot 0: ', '',
  'defaultSubId=-1', '', 'mSimState[0]=NOT_READY', '', 'Active subscriptions:', '', 'All subscriptions:', `  ${info(1, -1, 0)}`, `  ${info(2, -1, 1, 1)}`, '',
].join('\n');

describe('dumpsys isub', () => {
  it('reads the slot mapping, the SIM states and every subscription', () => {
    expect(dumpsysIsubCommand().line).toBe('dumpsys isub');
    const dump = parseDumpsysIsub(ACTIVE);
    expect([...dump.activeSubIds]).toEqual([[0, 1]]);
    expect(dump.simStates.get(0)).toBe('LOADED');
    expect(dump.subscriptions).toEqual([{ id: 1, simSlotIndex: 0, embedded: false, uiccApplicationsEnabled: true }]);
  });

  it('finds the physical SIM of slot 0 whether its applications are on or off; an eSIM is never it', () => {
    expect(physicalSubscription(parseDumpsysIsub(ACTIVE), 0)).toEqual({ subId: 1, enabled: true });
    expect(physicalSubscription(parseDumpsysIsub(SWITCHED_OFF), 0)).toEqual({ subId: 1, enabled: false });
    expect(physicalSubscription(parseDumpsysIsub(''), 0)).toBeUndefined();
  });
});

describe('cmd overlay', () => {
  it('list: [x] enabled, [ ] disabled, --- not applicable; the target line is not an overlay', () => {
    expect(overlayListCommand('com.android.phone').line).toBe('cmd overlay list com.android.phone');
    expect(parseOverlayList('com.android.phone\n[x] org.imsrig.overlay.t0123456789\n[ ] com.vendor.phone.overlay\n--- com.broken.overlay\n')).toEqual([
      { packageName: 'org.imsrig.overlay.t0123456789', state: 'enabled' },
      { packageName: 'com.vendor.phone.overlay', state: 'disabled' },
      { packageName: 'com.broken.overlay', state: 'unavailable' },
    ]);
    expect(overlaySetEnabledCommand('org.imsrig.overlay.t0123456789', false).line).toBe('cmd overlay disable --user 0 org.imsrig.overlay.t0123456789');
  });
});

describe('the SIM, the clock and processes', () => {
  it('switches a physical subscription by subId', () => {
    expect(physicalSubscriptionCommand(1, false).line).toBe('cmd phone disable-physical-subscription 1');
    expect(physicalSubscriptionCommand(3, true).line).toBe('cmd phone enable-physical-subscription 3');
  });

  it('/proc/uptime: seconds since boot, then idle seconds', () => {
    expect(uptimeCommand().line).toBe('cat /proc/uptime');
    expect(parseUptime('350735.47 234388.90\n')).toBe(350735.47);
    expect(parseUptime('cat: /proc/uptime: No such file or directory')).toBeUndefined();
  });

  it('pidof, kill and pm clear', () => {
    expect(pidofCommand('com.android.phone').line).toBe('pidof com.android.phone');
    expect(parsePidof('1234\n')).toEqual([1234]);
    expect(parsePidof('')).toEqual([]);
    expect(killCommand(1234).line).toBe('kill 1234');
    expect(pmClearCommand(parsePackageName('com.oem.ims')).line).toBe('pm clear com.oem.ims');
  });
});
