import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES_DIR } from '../../paths';
import { parseDumpsysPhone } from '../dumpsys-phone';
import { type ImsStateCallbackSection, parseCallbackWrapperLine, parseImsStateCallbackDump, parseListenerLine } from '../ims-state-callback-dump';

const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES_DIR, 'captured', 'dumpsys-phone', `${name}.txt`), 'utf8');

function section(text: string): ImsStateCallbackSection {
  const result = parseImsStateCallbackDump(text);
  if (!result.found) throw new Error(result.reason);
  return result;
}

describe('the ImsStateCallbackController section, per Android version', () => {
  it('Android 15 (r23): before DomainSelectionResolver, one slot, MMTEL ready, RCS not configured', () => {
    const s = section(fixture('ims-state-callback-android-15'));
    expect(s.present).toBe(true);
    expect(s.wrappers).toEqual([
      { subId: 1, feature: 'RCS', reason: 'NO_IMS_SERVICE_CONFIGURED', pkg: 'org.imsrig.observer' },
      { subId: 1, feature: 'MMTEL', reason: 'READY', pkg: 'org.imsrig.observer' },
    ]);
    expect(s.mmtel).toEqual([{ feature: 'MMTEL', slotId: 0, subId: 1, state: 'READY', reason: 'READY', hasConfig: true }]);
    expect(s.rcs).toEqual([{ feature: 'RCS', slotId: 0, subId: 1, state: 'UNAVAILABLE', reason: 'NO_IMS_SERVICE_CONFIGURED', hasConfig: false, isReady: false, hasFeatures: false }]);
    expect(s.recentLogs[0]).toBe('2025-03-01T10:00:00.530 - ImsStateCallbackController created');
    expect(s.recentLogs).toHaveLength(7);
    expect(s.unparsed).toEqual([]);
    expect(s.excerpt.split('\n')[0]).toBe('  ImsStateCallbackController:');
    expect(s.excerpt).not.toContain('DomainSelectionResolver');
    // The ImsResolver parser still reads the same text.
    expect(parseDumpsysPhone(fixture('ims-state-callback-android-15')).found).toBe(true);
  });

  it('Android 14: two slots, wrappers in HashMap order, a never-notified wrapper (reason empty), the RCS readiness quirk', () => {
    const s = section(fixture('ims-state-callback-android-14'));
    expect(s.wrappers.map((w) => `${w.subId}/${w.feature}/${w.reason}/${w.pkg}`)).toEqual([
      '2/RCS/NO_IMS_SERVICE_CONFIGURED/org.imsrig.observer', '1/MMTEL/READY/org.imsrig.observer', '5/MMTEL//com.example.stale', '2/MMTEL/READY/org.imsrig.observer',
    ]);
    expect(s.mmtel.map((l) => [l.slotId, l.subId, l.state])).toEqual([[0, 1, 'READY'], [1, 2, 'READY']]);
    expect(s.rcs.map((l) => [l.slotId, l.state, l.isReady, l.hasFeatures])).toEqual([[0, 'READY', false, false], [1, 'READY', false, false]]);
    expect(s.recentLogs).toHaveLength(10);
    expect(s.unparsed).toEqual([]);
  });

  it('Android 13: the last PhoneGlobals section, ended by "------- End PhoneGlobals -------"', () => {
    const s = section(fixture('ims-state-callback-android-13'));
    expect(s.wrappers).toEqual([]);
    expect(s.mmtel).toEqual([{ feature: 'MMTEL', slotId: 0, subId: -1, state: 'UNAVAILABLE', reason: 'IMS_SERVICE_DISCONNECTED', hasConfig: true }]);
    expect(s.rcs[0]?.reason).toBe('IMS_SERVICE_DISCONNECTED');
    expect(s.recentLogs).toEqual(['2023-04-02T08:15:28.455 - ImsStateCallbackController created', '2023-04-02T08:15:28.456 - updateFeatures: oldSlots=0, newNumSlots=1']);
    expect(s.excerpt).not.toContain('End PhoneGlobals');
  });

  it('without android.hardware.telephony.ims: the header alone', () => {
    const s = section(fixture('ims-state-callback-no-ims-feature'));
    expect(s.present).toBe(false);
    expect([s.wrappers, s.mmtel, s.rcs, s.recentLogs, s.unparsed]).toEqual([[], [], [], [], []]);
  });

  it('Android 12 and older, and a refused dump: no section, with the reason', () => {
    const old = parseImsStateCallbackDump(fixture('android-12'));
    expect(old).toEqual({ found: false, reason: expect.stringContaining('Android 12 or older') as unknown });
    const denied = parseImsStateCallbackDump(fixture('permission-denied'));
    expect(denied).toEqual({ found: false, reason: expect.stringContaining('android.permission.DUMP') as unknown });
  });
});

describe('tolerant of indentation', () => {
  it('reads the section whatever the writers did to the leading whitespace', () => {
    const text = fixture('ims-state-callback-android-15').split('\n').map((l) => l.trimStart()).join('\n');
    const s = section(text);
    expect(s.wrappers).toHaveLength(2);
    expect(s.mmtel).toHaveLength(1);
    expect(s.rcs).toHaveLength(1);
    expect(s.recentLogs).toHaveLength(7);
    const deeper = fixture('ims-state-callback-android-14').split('\n').map((l) => `\t${l}`).join('\r\n');
    expect(section(deeper).wrappers).toHaveLength(4);
  });

  it('a line it does not know inside the section is kept as unparsed, never dropped silently', () => {
    const s = section(['  ImsStateCallbackController:', '    CallbackWrappers:', '      CallbackWrapper={subId=1, feature=MMTEL}', '    MmTelFeatureListeners:', '      Listener={slotId=0}', '  DomainSelectionResolver:'].join('\n'));
    expect(s.unparsed).toEqual(['CallbackWrapper={subId=1, feature=MMTEL}', 'Listener={slotId=0}']);
  });
});

describe('single lines', () => {
  it('an MMTEL listener, an RCS listener (told apart by its fields), a wrapper', () => {
    expect(parseListenerLine('Listener={slotId=1, subId=3, state=UNAVAILABLE, reason=, hasConfig=false}', 'MMTEL'))
      .toEqual({ feature: 'MMTEL', slotId: 1, subId: 3, state: 'UNAVAILABLE', reason: '', hasConfig: false });
    expect(parseListenerLine('Listener={slotId=0, subId=-1, state=null, reason=IMS_SERVICE_NOT_READY, hasConfig=true, isReady=true, hasFeatures=true}', 'MMTEL')?.feature).toBe('RCS');
    expect(parseCallbackWrapperLine('CallbackWrapper={subId=1, feature=null, reason=SUBSCRIPTION_INACTIVE, pkg=}')).toEqual({ subId: 1, feature: 'null', reason: 'SUBSCRIPTION_INACTIVE', pkg: '' });
    expect(parseCallbackWrapperLine('CallbackWrapper={subId=1}')).toBeUndefined();
  });
});
