/**
 * The three doc-table scenarios (seed 000, "Binding priority for multiple ImsService") load into
 * exactly the FullScenario the engine and the oracle expect.
 */
import * as path from 'node:path';
import { type FullScenario, type ImsAppSpec } from '../../model';
import { PROJECT_ROOT } from '../../paths';
import { loadScenario, loadScenarios } from '../loader';

const suite = (name: string): string => path.join(PROJECT_ROOT, 'suites', 'priority', name);

const oem: ImsAppSpec = {
  package: 'com.oem.ims' as ImsAppSpec['package'],
  service: 'com.oem.ims.OemImsService',
  action: 'ims',
  permission: true,
  overrideBindCheck: false,
  directBootAware: true,
  location: 'priv-app',
  metadata: ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'],
  answers: { '0': ['EMERGENCY_MMTEL', 'MMTEL', 'RCS'] },
  behaviour: 'normal',
  installed: true,
};
const carrierApp = (pkg: string, answers: ImsAppSpec['answers']): ImsAppSpec => ({
  ...oem,
  package: pkg as ImsAppSpec['package'],
  service: `${pkg}.ImsService`,
  metadata: [],
  answers,
});
const apps = [oem, carrierApp('com.carrier.a.ims', { '0': ['RCS'] }), carrierApp('com.carrier.b.ims', { '0': ['MMTEL', 'RCS'] })];

function expected(id: string, file: string, sims: FullScenario['world']['sims'], requires: FullScenario['requires']): Omit<FullScenario, 'title' | 'doc'> {
  return {
    id,
    area: 'priority',
    file: suite(file),
    displayFile: path.relative(process.cwd(), suite(file)),
    requires,
    world: { slots: 1, overlay: { mmtel: oem.package, rcs: oem.package }, apps, sims },
    appExtras: Object.fromEntries(apps.map((a) => [a.package, { package: a.package, permissions: [], smsRoleComponents: false }])),
    roles: {},
    systemFeatures: [],
    steps: [{ kind: 'check' }],
    waivers: [],
  };
}

describe('doc-table scenarios', () => {
  it('carrier A: the SIM carries the Carrier A profile (RCS override only)', async () => {
    const s = await loadScenario(suite('doc-table-carrier-a.yaml'));
    expect(s).toEqual({
      ...expected('priority.doc-table.carrier-a', 'doc-table-carrier-a.yaml', {
        '0': {
          name: 'carrier-a',
          file: path.join(PROJECT_ROOT, 'fixtures', 'carrier-configs', 'carrier-a.xml'),
          values: { carrier_name_string: 'Carrier A', carrier_volte_available_bool: true, config_ims_rcs_package_override_string: 'com.carrier.a.ims' },
        },
      }, ['app-realisation', 'priv-app-install', 'device-overlay', 'carrier-config']),
      title: 'Carrier A SIM - RCS from Carrier A, MMTEL from the OEM service',
      doc: expect.stringContaining('Carrier A'),
    });
  });

  it('carrier B: the SIM names Carrier B for MMTEL and RCS', async () => {
    const s = await loadScenario(suite('doc-table-carrier-b.yaml'));
    expect(s).toEqual({
      ...expected('priority.doc-table.carrier-b', 'doc-table-carrier-b.yaml', {
        '0': {
          name: 'carrier-b',
          file: path.join(PROJECT_ROOT, 'fixtures', 'carrier-configs', 'carrier-b.xml'),
          values: {
            carrier_name_string: 'Carrier B',
            carrier_volte_available_bool: true,
            config_ims_mmtel_package_override_string: 'com.carrier.b.ims',
            config_ims_rcs_package_override_string: 'com.carrier.b.ims',
          },
        },
      }, ['app-realisation', 'priv-app-install', 'device-overlay', 'carrier-config']),
      title: 'Carrier B SIM - RCS and MMTEL from Carrier B',
      doc: expect.stringContaining('Carrier B'),
    });
  });

  it('no SIM: no slot holds a SIM', async () => {
    const s = await loadScenario(suite('doc-table-no-sim.yaml'));
    expect(s).toEqual({
      ...expected('priority.doc-table.no-sim', 'doc-table-no-sim.yaml', {}, ['app-realisation', 'priv-app-install', 'device-overlay', 'sim-control']),
      title: 'No SIM - every feature from the OEM device default',
      doc: expect.stringContaining('no SIM card inserted'),
    });
  });

  it('loads the directory, sorted by file', async () => {
    const all = await loadScenarios([path.join(PROJECT_ROOT, 'suites', 'priority', 'doc-table-*.yaml')]);
    expect(all.map((s) => s.id)).toEqual(['priority.doc-table.carrier-a', 'priority.doc-table.carrier-b', 'priority.doc-table.no-sim']);
  });
});
