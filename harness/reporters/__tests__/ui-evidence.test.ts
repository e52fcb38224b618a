import { foldEvents, type Checkpoint, type RunResult, type StepRecord } from '../../results';
import { runEvents } from '../../results/__tests__/fixtures/event-factory';
import { evidenceFor } from '../html/evidence-sections';
import { renderHtml } from '../html/html-reporter';

// Two distinct (tiny, not decoded here) base64 payloads, so the order on the page is visible.
const FIRST = 'iVBORw0KGgoAAAAFIRST';
const SECOND = 'iVBORw0KGgoAAASECOND';

const uiStep: StepRecord = {
  index: 1, kind: 'ui', description: 'ui testrcsapp/provisioning', status: 'ok', startedAt: '2026-12-02T23:00:00.000Z', durationMs: 1200,
  ui: {
    flow: 'testrcsapp/provisioning', package: 'com.google.android.sample.rcsclient', args: {},
    session: { sessionId: 'abcd1234-5678', serverUrl: 'http://127.0.0.1:4723', serverVersion: '3.8.0', driver: 'UiAutomator2 (appium-uiautomator2-driver 8.7.0)', server: 'started-by-ims-rig', createMs: 850 },
    screenshots: [{ label: 'main <screen>', activity: '.MainActivity', png: FIRST }, { label: 'provisioning', png: SECOND }],
    outcome: { notes: ['isRcsVolteSingleRegistrationCapable: true'] },
  },
};

function checkpoint(observedAccess: boolean, waived: boolean): Checkpoint {
  const diffs = observedAccess ? [] : [{ key: 'rcs-provisioning.access', expected: true, observed: false, rule: 'single-reg-surface-access', ...(waived ? { waiver: { id: 'w-1', justification: 'known' } } : {}) }];
  return {
    step: 1, expected: {}, observed: {}, diffs: [], status: observedAccess ? 'pass' : waived ? 'waived' : 'fail',
    ui: {
      flow: 'testrcsapp/provisioning', package: 'com.google.android.sample.rcsclient',
      expected: { 'rcs-provisioning.access': true, 'rcs-provisioning.note': null },
      observed: { 'rcs-provisioning.access': observedAccess, 'rcs-provisioning.note': 'x' },
      reasons: { 'rcs-provisioning.access': { rule: 'single-reg-surface-access', reason: 'privileged, SMS role', citation: 'single-reg-permission: "…"', cites: ['single-reg-permission'] } },
      diffs,
    },
  };
}

function withUi(run: RunResult, cp: Checkpoint): RunResult {
  const [first, ...rest] = run.scenarios;
  if (first === undefined) throw new Error('fixture run has no scenario');
  return { ...run, scenarios: [{ ...first, steps: [...(first.steps ?? []), uiStep], checkpoints: [...first.checkpoints, cp] }, ...rest] };
}

describe('UI evidence kinds', () => {
  it('a ui step shows its session and its screens in order, as data: PNGs, labels escaped', () => {
    const html = renderHtml(withUi(foldEvents(runEvents()), checkpoint(true, false)));
    expect(html).toContain('Appium session abcd1234-5678 · Appium 3.8.0 (started by ims-rig) · UiAutomator2 (appium-uiautomator2-driver 8.7.0)');
    const first = html.indexOf(`data:image/png;base64,${FIRST}`);
    const second = html.indexOf(`data:image/png;base64,${SECOND}`);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(html).toContain('1. main &lt;screen&gt; (.MainActivity)');
    expect(html).toContain('isRcsVolteSingleRegistrationCapable: true');
  });

  it('a ui checkpoint shows each value expected vs observed, the silent ones as observed only, cites linking to the coverage', () => {
    const [item] = evidenceFor('checkpoint', checkpoint(true, false));
    expect(item?.partial).toBe('ui-check');
    const html = renderHtml(withUi(foldEvents(runEvents()), checkpoint(true, false)));
    expect(html).toContain('(documentation silent: observed only)');
    expect(html).toContain('<a href="#doc-single-reg-permission">single-reg-permission</a>');
  });

  it('a differing value is marked DIFFERS, a waived one WAIVED with its waiver', () => {
    expect(renderHtml(withUi(foldEvents(runEvents()), checkpoint(false, false)))).toMatch(/ui-check[\s\S]*✗ DIFFERS[\s\S]*privileged, SMS role/);
    expect(renderHtml(withUi(foldEvents(runEvents()), checkpoint(false, true)))).toMatch(/ui-check[\s\S]*⚠ WAIVED[\s\S]*waived by <b>w-1<\/b>/);
  });

  it('adds nothing to steps and checkpoints without UI', () => {
    expect(evidenceFor('step', { ...uiStep, ui: undefined } as unknown as StepRecord)).toEqual([]);
    expect(evidenceFor('checkpoint', { ...checkpoint(true, false), ui: undefined } as unknown as Checkpoint).map((e) => e.partial)).not.toContain('ui-check');
  });
});
