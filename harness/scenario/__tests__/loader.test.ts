/** The loader resolves DESIGN.md's YAML into FullScenario: defaults, references, steps, file sets. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../../errors/errors';
import { PROJECT_ROOT } from '../../paths';
import { loadScenario, loadScenarios, parseScenario } from '../loader';

const FILE = 'suites/priority/x.yaml';
const HEAD = 'id: priority.example\ntitle: Example\narea: priority\ndoc: "a sentence"\n';

describe('parseScenario', () => {
  it('fills every default of the contract', () => {
    const s = parseScenario(`${HEAD}apps:\n  - package: com.oem.ims\nsteps:\n  - check: {}\n`, FILE);
    expect(s.requires).toEqual([]);
    expect(s.world).toEqual({
      slots: 1,
      overlay: { mmtel: '', rcs: '' },
      sims: {},
      apps: [{
        package: 'com.oem.ims', service: 'com.oem.ims.ImsService', action: 'ims', permission: true, overrideBindCheck: false,
        directBootAware: true, location: 'priv-app', metadata: [], answers: {}, behaviour: 'normal', installed: true,
      }],
    });
    expect(s.appExtras).toEqual({ 'com.oem.ims': { package: 'com.oem.ims', permissions: [], smsRoleComponents: false } });
    expect(s.roles).toEqual({});
    expect(s.systemFeatures).toEqual([]);
    expect(s.waivers).toEqual([]);
    expect(s.file).toBe(path.join(PROJECT_ROOT, FILE));
    expect(s.displayFile).toBe(FILE);
  });

  it('reads every field and every step kind, keeping features in ImsFeature order', () => {
    const s = parseScenario(`${HEAD}requires: [shell-override, msim-control]
device:
  slots: 1
  overlay: oem-mmtel-only
apps:
  - package: com.oem.ims
    service: com.oem.ims.impl.Service
    action: compat
    permission: false
    overrideBindCheck: true
    directBootAware: false
    location: system
    metadata: [RCS, MMTEL, MMTEL]
    answers: { 0: [RCS, EMERGENCY_MMTEL], "1": [] }
    behaviour: query-error
    apk: ../../apks/ImsTestService.apk
    permissions: [android.permission.PERFORM_IMS_SINGLE_REGISTRATION]
    smsRoleComponents: true
  - package: com.carrier.b.ims
    installed: false
roles: { sms: com.oem.ims, dialer: null }
systemFeatures: [android.hardware.telephony.ims.singlereg]
waivers: [aosp-quirk-6]
sims: { "0": { config_ims_mmtel_package_override_string: com.carrier.b.ims, carrier_volte_available_bool: true, list_int_array: [1, -2] } }
steps:
  - check
  - check:
  - install: { package: com.carrier.b.ims }
  - setSlotCount: 2
  - insertSim: { slot: 1, carrier: carrier-b }
  - setCarrierConfig: { slot: 1, values: { config_ims_rcs_package_override_string: null } }
  - updateApp: { package: com.oem.ims, metadata: [RCS, MMTEL] }
  - updateApp: { package: com.oem.ims, answers: { "1": [RCS] } }
  - setFeatures: { package: com.carrier.b.ims, features: { "1": [RCS, MMTEL] } }
  - override: { slot: 1, scope: device, features: [RCS, MMTEL], package: "" }
  - override: { slot: 0, scope: carrier, features: [MMTEL], package: none }
  - clearOverride: { slot: 1 }
  - crash: { package: com.oem.ims }
  - setBehaviour: { package: com.oem.ims, behaviour: normal }
  - restartPhone
  - reboot: {}
  - removeSim: { slot: 1 }
  - uninstall: { package: com.carrier.b.ims }
  - setRole: { role: sms, package: null }
  - checkGrants: { package: com.oem.ims }
  - check: { bindings: { "0": { MMTEL: com.oem.ims, RCS: null } } }
`, FILE);
    expect(s.requires).toEqual(['shell-override', 'msim-control']);
    expect(s.world.overlay).toEqual({ mmtel: 'com.oem.ims', rcs: '' });
    expect(s.world.apps[0]).toEqual({
      package: 'com.oem.ims', service: 'com.oem.ims.impl.Service', action: 'compat', permission: false, overrideBindCheck: true,
      directBootAware: false, location: 'system', metadata: ['MMTEL', 'RCS'], answers: { '0': ['EMERGENCY_MMTEL', 'RCS'], '1': [] },
      behaviour: 'query-error', installed: true, apk: path.join(PROJECT_ROOT, 'apks', 'ImsTestService.apk'),
    });
    expect(s.world.apps[1]?.installed).toBe(false);
    expect(s.world.sims).toEqual({
      '0': { name: 'inline', values: { config_ims_mmtel_package_override_string: 'com.carrier.b.ims', carrier_volte_available_bool: true, list_int_array: [1, -2] } },
    });
    expect(s.appExtras['com.oem.ims']).toEqual({ package: 'com.oem.ims', permissions: ['android.permission.PERFORM_IMS_SINGLE_REGISTRATION'], smsRoleComponents: true });
    expect(s.roles).toEqual({ sms: 'com.oem.ims', dialer: null });
    expect(s.systemFeatures).toEqual(['android.hardware.telephony.ims.singlereg']);
    expect(s.waivers).toEqual(['aosp-quirk-6']);
    expect(s.steps).toEqual([
      { kind: 'check' },
      { kind: 'check' },
      { kind: 'install', package: 'com.carrier.b.ims' },
      { kind: 'setSlotCount', slots: 2 },
      { kind: 'insertSim', slot: 1, carrier: expect.objectContaining({ name: 'carrier-b', file: path.join(PROJECT_ROOT, 'fixtures', 'carrier-configs', 'carrier-b.xml') }) },
      { kind: 'setCarrierConfig', slot: 1, values: { config_ims_rcs_package_override_string: null } },
      { kind: 'updateApp', package: 'com.oem.ims', metadata: ['MMTEL', 'RCS'] },
      { kind: 'updateApp', package: 'com.oem.ims', answers: { '1': ['RCS'] } },
      { kind: 'setFeatures', package: 'com.carrier.b.ims', features: { '1': ['MMTEL', 'RCS'] } },
      { kind: 'override', slot: 1, scope: 'device', features: ['MMTEL', 'RCS'], package: '' },
      { kind: 'override', slot: 0, scope: 'carrier', features: ['MMTEL'], package: 'none' },
      { kind: 'clearOverride', slot: 1 },
      { kind: 'crash', package: 'com.oem.ims' },
      { kind: 'setBehaviour', package: 'com.oem.ims', behaviour: 'normal' },
      { kind: 'restartPhone' },
      { kind: 'reboot' },
      { kind: 'removeSim', slot: 1 },
      { kind: 'uninstall', package: 'com.carrier.b.ims' },
      { kind: 'setRole', role: 'sms', package: null },
      { kind: 'checkGrants', package: 'com.oem.ims' },
      { kind: 'check', bindings: { '0': { MMTEL: 'com.oem.ims', RCS: null } } },
    ]);
  });

  it('uses real carrier configs as SIM profiles by relative path (AT&T, with "&" in its name; Verizon)', () => {
    const real = '../../fixtures/real-inputs/carrier-configs';
    const s = parseScenario(`${HEAD}sims: { "0": "${real}/aosp-carrier_config_carrierid_1187_AT&T.xml" }
steps:
  - check: {}
  - insertSim: { slot: 0, carrier: ${real}/aosp-carrier_config_carrierid_1839_Verizon-Wireless.xml }
  - check: {}
`, FILE);
    const att = s.world.sims['0'];
    expect(att?.name).toBe('aosp-carrier_config_carrierid_1187_AT&T');
    expect(att?.file).toBe(path.join(PROJECT_ROOT, 'fixtures', 'real-inputs', 'carrier-configs', 'aosp-carrier_config_carrierid_1187_AT&T.xml'));
    expect(att?.values['carrier_name_string']).toBe('AT&T');
    const insert = s.steps[1];
    expect(insert?.kind === 'insertSim' && insert.carrier.values['carrier_name_string']).toBe('Verizon');
    expect(insert?.kind === 'insertSim' && insert.carrier.values['lte_rsrp_thresholds_int_array']).toEqual([-115, -105, -95, -85]);
  });

  it('reads an overlay XML by path relative to the scenario', () => {
    const s = parseScenario(`${HEAD}device: { overlay: ../../fixtures/overlays/oem-default.xml }\nsteps: [ { check: {} } ]\n`, FILE);
    expect(s.world.overlay).toEqual({ mmtel: 'com.oem.ims', rcs: 'com.oem.ims' });
  });

  it('reads referenced files through the injected io (no file system)', () => {
    const seen: string[] = [];
    const io = { readText: (p: string) => (seen.push(p), p.endsWith('mine.xml') ? '<carrier_config><string name="config_ims_rcs_package_override_string">com.x.ims</string></carrier_config>' : undefined) };
    const s = parseScenario(`${HEAD}sims: { "0": mine }\nsteps: [ { check: {} } ]\n`, '/virtual/suite/y.yaml', { io, carrierConfigsDir: '/virtual/profiles' });
    expect(seen).toEqual(['/virtual/profiles/mine.xml']);
    expect(s.world.sims['0']).toEqual({ name: 'mine', file: '/virtual/profiles/mine.xml', values: { config_ims_rcs_package_override_string: 'com.x.ims' } });
  });
});

describe('loadScenario / loadScenarios', () => {
  let dir: string;
  const write = (rel: string, id: string): string => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, HEAD.replace('priority.example', id) + 'steps:\n  - check: {}\n');
    return file;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-scenarios-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('walks directories recursively (*.yaml, *.yml), skips waivers.yaml and hidden folders, sorts by path, loads each file once', async () => {
    write('b/two.yaml', 'b.two');
    write('a/one.yml', 'a.one');
    write('a/deeper/three.yaml', 'a.three');
    fs.writeFileSync(path.join(dir, 'waivers.yaml'), '[]\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a scenario');
    write('.hidden/four.yaml', 'hidden.four');
    const all = await loadScenarios([dir, path.join(dir, 'b', 'two.yaml')]);
    expect(all.map((s) => s.id)).toEqual(['a.three', 'a.one', 'b.two']);
  });

  it('expands globs', async () => {
    write('p/doc-1.yaml', 'p.one');
    write('p/doc-2.yaml', 'p.two');
    write('p/other.yaml', 'p.other');
    expect((await loadScenarios([path.join(dir, 'p', 'doc-*.yaml')])).map((s) => s.id)).toEqual(['p.one', 'p.two']);
    expect((await loadScenarios([path.join(dir, '**', 'other.yaml')])).map((s) => s.id)).toEqual(['p.other']);
    await expect(loadScenarios([path.join(dir, 'nothing-*.yaml')])).rejects.toThrow(`${path.join(dir, 'nothing-*.yaml')}: no scenario files match`);
  });

  it('rejects two scenarios with one id, naming both files', async () => {
    const first = write('a.yaml', 'same.id');
    const second = write('b.yaml', 'same.id');
    await expect(loadScenarios([dir])).rejects.toThrow(`${second}: id same.id is also the id of ${first} (ids must be unique)`);
  });

  it('an unreadable input is a bad input naming the file and the reason', async () => {
    await expect(loadScenario(path.join(dir, 'missing.yaml'))).rejects.toThrow(InputError);
    await expect(loadScenario(path.join(dir, 'missing.yaml'))).rejects.toThrow(`${path.join(dir, 'missing.yaml')}: cannot read: no such file`);
    await expect(loadScenario(dir)).rejects.toThrow(`${dir}: is a directory, not a file`);
    await expect(loadScenarios([path.join(dir, 'missing.yaml')])).rejects.toThrow('cannot read: no such file');
    await expect(loadScenarios([dir])).rejects.toThrow(`${dir}: no scenario files (*.yaml) in this directory`);
  });
});
