/**
 * A scenario's trace: the sentence its doc: quotes, what it observes, and per check the sentences
 * the documented model cites for the cells it expects there — from the real suite files.
 */
import * as path from 'node:path';
import { SUITES_DIR } from '../../paths';
import { loadScenario } from '../loader';
import { traceScenario } from '../trace';

const file = (area: string, name: string): string => path.join(SUITES_DIR, area, `${name}.yaml`);

describe('traceScenario', () => {
  test('the documented table row: its doc sentence, bindings observed, each check with the sentences its cells rest on', async () => {
    const trace = traceScenario(await loadScenario(file('priority', 'doc-table-carrier-a')));
    expect(trace.doc).toBe('doc-table-carrier-a');
    expect(trace.observes).toEqual(['bindings']);
    expect(trace.checks.length).toBeGreaterThan(0);
    const cited = new Set(trace.checks.flatMap((c) => c.cites));
    // RCS from the carrier (carrier-override rule), MMTEL from the OEM default (device-default rule).
    for (const id of ['priority-carrier', 'carrier-override', 'two-per-slot', 'priority-device', 'device-default', 'emergency-needs-mmtel']) expect(cited).toContain(id);
  });

  test('a grants scenario observes grants, and its checkGrants step cites the single-registration sentences', async () => {
    const trace = traceScenario(await loadScenario(file('single-registration', 'privileged-sms-app-granted')));
    expect(trace.observes).toContain('grants');
    expect(trace.checks.flatMap((c) => c.cites)).toContain('single-reg-permission');
  });

  test('a state-callback scenario quotes a callback sentence yet observes only the bindings', async () => {
    const trace = traceScenario(await loadScenario(file('state-callback', 'telephony-process-restart')));
    expect(trace.doc).toBe('telephony-crash');
    expect(trace.observes).toEqual(['bindings']);
  });

  test('a scenario that checks state callbacks observes them, and each check cites what its callbacks are judged by', async () => {
    const trace = traceScenario(await loadScenario(file('state-callback', 'telephony-crash')));
    expect(trace.doc).toBe('telephony-crash');
    expect(trace.observes).toEqual(['bindings', 'state-callback']);
    const callbackSteps = trace.checks.filter((c) => [2, 4, 6, 8].includes(c.step));
    expect(callbackSteps.map((c) => c.step)).toEqual([2, 4, 6, 8]);
    expect(callbackSteps[0]?.cites).toEqual(expect.arrayContaining(['state-callback-api', 'register-first']));
    expect(callbackSteps[1]?.cites).toEqual(expect.arrayContaining(['telephony-crash', 'telephony-crash-recover']));
  });
  test('a ui step cites the sentences of the surfaces it declares (ui.surfaces), as its checkpoint will; undeclared, it cites none', async () => {
    const scenario = await loadScenario(file('single-registration', 'ui-gba'));
    const trace = traceScenario(scenario);
    expect(trace.observes).toContain('ui');
    const uiCheck = trace.checks.find((c) => c.step === 1);
    expect(uiCheck?.cites).toEqual(expect.arrayContaining(['single-reg-row-gba', 'single-reg-table', 'test-rcs-app']));
    expect(uiCheck?.cites).not.toContain('single-reg-row-uce');
    const undeclared = { ...scenario, steps: scenario.steps.map((step) => (step.kind === 'ui' ? { kind: step.kind, flow: step.flow, package: step.package, args: step.args } : step)) };
    expect(traceScenario(undeclared).checks.map((c) => c.step)).toEqual([0]);
  });
});
