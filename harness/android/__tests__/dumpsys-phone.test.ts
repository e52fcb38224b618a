import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES_DIR } from '../../paths';
import { parseDumpsysPhone, type ImsResolverDump } from '../dumpsys-phone';

const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES_DIR, 'captured', 'dumpsys-phone', `${name}.txt`), 'utf8');

function found(text: string, options = {}): ImsResolverDump {
  const result = parseDumpsysPhone(text, options);
  if (!result.found) throw new Error(`expected an ImsResolver block: ${result.reason}`);
  return result;
}

describe('parseDumpsysPhone on format-exact text per Android version', () => {
  it('Android 11: Bound Features layout, carrier MMTEL + device RCS', () => {
    const dump = found(fixture('android-11'));
    expect(dump.layout).toBe('android-11');
    expect(dump.observed).toEqual({ '0': { EMERGENCY_MMTEL: 'com.carrier.a.ims', MMTEL: 'com.carrier.a.ims', RCS: 'com.oem.ims' } });
    expect(dump.boundFeatures).toEqual({ '0': { EMERGENCY_MMTEL: 'com.carrier.a.ims', MMTEL: 'com.carrier.a.ims', RCS: 'com.oem.ims' } });
    expect(dump.carrier).toEqual({ '0': { EMERGENCY_MMTEL: 'com.carrier.a.ims', MMTEL: 'com.carrier.a.ims', RCS: null } });
    expect(dump.repositoryLog).toEqual([]);
    expect(dump.unparsed).toEqual([]);
  });

  it('Android 12: a dynamic-query device service (ImsTestService) with no SIM', () => {
    const dump = found(fixture('android-12'));
    expect(dump.layout).toBe('android-12-15');
    const pkg = 'com.android.phone.testapps.imstestapp';
    expect(dump.observed).toEqual({ '0': { EMERGENCY_MMTEL: pkg, MMTEL: pkg, RCS: pkg } });
    expect(dump.device).toEqual({ EMERGENCY_MMTEL: pkg, MMTEL: pkg, RCS: pkg });
    expect(dump.cachedServices[0]).toMatchObject({ featureFromMetadata: false, component: { package: pkg, className: `${pkg}.TestImsService` } });
    expect(dump.repositoryLog[0]).toMatch(/\[-1\] FeatureConnectionRepository - created$/);
    expect(dump.eventLog).toHaveLength(5);
    expect(dump.unparsed).toEqual([]);
  });

  it('Android 13: dual SIM, device MMTEL on both slots, no RCS configured (empty device value)', () => {
    const dump = found(fixture('android-13'));
    expect(dump.observed).toEqual({
      '0': { EMERGENCY_MMTEL: 'com.oem.ims', MMTEL: 'com.oem.ims', RCS: null },
      '1': { EMERGENCY_MMTEL: 'com.oem.ims', MMTEL: 'com.oem.ims', RCS: null },
    });
    expect(dump.device.RCS).toBe('');
    expect(dump.pending).toBe(false);
  });

  it('Android 14: a controller re-binding after a crash is pending and observes nothing', () => {
    const dump = found(fixture('android-14'));
    expect(dump.observed).toEqual({ '0': { EMERGENCY_MMTEL: 'com.legacy.ims', MMTEL: 'com.legacy.ims', RCS: null } });
    expect(dump.pending).toBe(true);
    const oem = dump.controllers.find((c) => c.component.package === 'com.oem.ims');
    expect(oem).toMatchObject({ isBinding: true, isBound: false, rebindDelayMs: 2000 });
    expect(oem?.log).toContain('2024-01-20T16:42:57.706 - onBindingDiedInternal, retrying in 2000 mS');
  });

  it('Android 15: the documentation\'s Carrier A row (RCS from the carrier, MMTEL from the OEM)', () => {
    const dump = found(fixture('android-15'));
    expect(dump.observed).toEqual({ '0': { EMERGENCY_MMTEL: 'com.oem.ims', MMTEL: 'com.oem.ims', RCS: 'com.carrier.a.ims' } });
    expect(dump.excerpt.split('\n')[0]).toBe('    ImsResolver:');
    expect(dump.excerpt).toContain('Event Log:');
    expect(dump.excerpt).not.toContain('RcsProvisioningMonitor');
    expect(dump.eventLog.some((l) => l.includes('putImsController - [0, RCS]'))).toBe(true);
  });

  it('Android 15 QPR2 / main: user-aware strings (user=, boundUser=, slotToSubIdMap=)', () => {
    const dump = found(fixture('android-15-qpr2'));
    expect(dump.layout).toBe('user-aware');
    expect(dump.observed).toEqual({
      '0': { EMERGENCY_MMTEL: 'com.oem.ims', MMTEL: 'com.oem.ims', RCS: 'com.carrier.a.ims' },
      '1': { EMERGENCY_MMTEL: 'com.carrier.b.ims', MMTEL: 'com.carrier.b.ims', RCS: 'com.oem.ims' },
    });
    expect(dump.cachedServices.map((s) => s.users)).toEqual(['[UserHandle{0}]', '[UserHandle{0}]', '[UserHandle{0}]']);
    expect(dump.controllers[0]).toMatchObject({ boundUser: 'UserHandle{0}', slotToSubId: { 0: 1, 1: 2 } });
    expect(dump.unparsed).toEqual([]);
  });

  it('Android 10 has no ImsResolver block: not found, with the reason', () => {
    const result = parseDumpsysPhone(fixture('android-10'));
    expect(result.found).toBe(false);
    expect(!result.found && result.reason).toMatch(/no ImsResolver block/);
  });

  it('reports a DUMP permission denial as the reason', () => {
    const result = parseDumpsysPhone(fixture('permission-denied'));
    expect(!result.found && result.reason).toMatch(/^Permission Denial: can't dump Phone/);
  });
});

describe('parseDumpsysPhone details', () => {
  const block = (controllers: string[], carrierSlots = 1): string => [
    'ImsResolver:',
    '  ImsResolver:',
    '    Configurations:',
    '      Device:',
    '        MMTEL -> com.oem.ims',
    '      Carrier: ',
    ...Array.from({ length: carrierSlots }, (_, s) => [`        slot=${s}, feature=MMTEL: `, '          none']).flat(),
    '    Cached ImsServices:',
    '    Active controllers:',
    ...controllers.map((c) => `      ${c}`),
    '    Event Log:',
  ].join('\n');
  const ctrl = (pkg: string, features: string, bound = true): string =>
    `[ImsServiceController: componentName=ComponentInfo{${pkg}/${pkg}.S}, features=[${features}], isBinding=false, isBound=${bound}, serviceController=null, rebindDelay=2000]`;

  it('lists every package when several bound services claim one cell (itself a conformance failure)', () => {
    const dump = found(block([ctrl('com.b.ims', '{s=0, f=RCS}'), ctrl('com.a.ims', '{s=0, f=MMTEL}, {s=0, f=RCS}')]));
    expect(dump.observed['0']).toEqual({ EMERGENCY_MMTEL: null, MMTEL: 'com.a.ims', RCS: ['com.a.ims', 'com.b.ims'] });
  });

  it('ignores controllers that are not bound', () => {
    const dump = found(block([ctrl('com.a.ims', '{s=0, f=MMTEL}', false)]));
    expect(dump.observed['0']?.MMTEL).toBeNull();
  });

  it('accepts the numeric FeatureSlotPair rendering of older builds ({s=0, f=1})', () => {
    const dump = found(block([ctrl('com.a.ims', '{s=0, f=0}, {s=0, f=1}')]));
    expect(dump.observed['0']).toEqual({ EMERGENCY_MMTEL: 'com.a.ims', MMTEL: 'com.a.ims', RCS: null });
  });

  it('takes the slot count from the Carrier section, or from the caller', () => {
    expect(Object.keys(found(block([], 2)).observed)).toEqual(['0', '1']);
    expect(Object.keys(found(block([]), { slotCount: 2 }).observed)).toEqual(['0', '1']);
  });

  it('keeps lines it cannot read in `unparsed` instead of guessing', () => {
    const dump = found(block(['ImsServiceController@5e1b3c2']));
    expect(dump.unparsed).toEqual(['ImsServiceController@5e1b3c2']);
    expect(dump.observed['0']?.MMTEL).toBeNull();
  });

  it('copes with CRLF line ends (captured on Windows hosts)', () => {
    const dump = found(block([ctrl('com.a.ims', '{s=0, f=MMTEL}')]).replace(/\n/g, '\r\n'));
    expect(dump.observed['0']?.MMTEL).toBe('com.a.ims');
  });
});
