import { type Checkpoint, foldEvents, mergeRuns, type RunResult, type StateCallbackCheck } from '../../results';
import { REFERENCE_DEVICE, runEvents } from '../../results/__tests__/fixtures/event-factory';
import { EVIDENCE_KINDS } from '../html/evidence-sections';
import { PAGE_TEMPLATE, PICTURE_PARTIAL } from '../html/html-template';
import { renderHtml } from '../html/html-reporter';

/** The run with its first scenario's first checkpoint turned into a checkStateCallbacks one. */
function withCallbacks(run: RunResult, check: StateCallbackCheck, status: Checkpoint['status']): RunResult {
  const [first, ...rest] = run.scenarios;
  const cp = first!.checkpoints[0]!;
  const callbacks: Checkpoint = { ...cp, status, expected: {}, observed: {}, diffs: [], reasons: {}, stateCallbacks: check, evidence: { dumpsys: 'ImsStateCallbackController:\n  MmTelFeatureListener: [0] subId=1 state=READY reason=READY hasConfig=true' } };
  return { ...run, scenarios: [{ ...first!, checkpoints: [callbacks] }, ...rest] };
}

const CALLBACK_ROW = {
  registration: 'mmtel0#1', slot: '0', feature: 'MMTEL', state: 'telephony-crashed', observed: { registered: 'ok', subId: 1, received: ['onAvailable'], last: 'onAvailable' },
  expected: [{ aspect: 'last', value: 'onError', rule: 'state-callback-telephony-crash', reason: 'the telephony process crashed', citation: 'In the unlikely event that the telephony process crashes', cites: ['telephony-crash'] }],
} as const;

describe('renderHtml', () => {
  it('shows a checkStateCallbacks checkpoint as the state-callbacks evidence kind: expected next to observed, cited, with the framework\'s section', () => {
    const run = foldEvents(runEvents());
    const failing = renderHtml(withCallbacks(run, {
      rows: [CALLBACK_ROW],
      diffs: [{ registration: 'mmtel0#1', feature: 'MMTEL', aspect: 'last', expected: 'onError', observed: 'onAvailable', rule: 'state-callback-telephony-crash' }],
      framework: { wrappers: [], listeners: [{ feature: 'MMTEL', slotId: 0, subId: 1, state: 'READY', reason: 'READY', hasConfig: true }] },
    }, 'fail'));
    expect(failing).toContain('callback registered by the observer app');
    expect(failing).toMatch(/<code>mmtel0#1<\/code>[\s\S]*✗ DIFFERS[\s\S]*<code>onError<\/code>/);
    expect(failing).toContain('“In the unlikely event that the telephony process crashes”');
    expect(failing).toContain('MMTEL slot 0: subId&#x3D;1 state&#x3D;READY reason&#x3D;READY hasConfig&#x3D;true');
    expect(failing).toContain('dumpsys phone (ImsStateCallbackController)');
    // As documented: the sentence is named by id (linked to the coverage section), the raw evidence stays in results.json.
    const passing = renderHtml(withCallbacks(run, { rows: [{ ...CALLBACK_ROW, observed: { registered: 'ok', subId: 1, received: ['onError'], last: 'onError' } }], diffs: [] }, 'pass'));
    expect(passing).toContain('<a href="#doc-telephony-crash">telephony-crash</a>');
    expect(passing).not.toContain('dumpsys phone (ImsStateCallbackController)');
    expect(renderHtml(run)).not.toContain('callback registered by the observer app');
  });

  it('never inserts a value unescaped (no triple-stash anywhere in the template, the picture or an evidence kind)', () => {
    for (const template of [PAGE_TEMPLATE, PICTURE_PARTIAL, ...EVIDENCE_KINDS.map((k) => k.template)]) expect(template).not.toMatch(/\{\{\{|\{\{&/);
  });

  it('shows an evidence kind only where its result field is present (summary.targetSeconds, the projected target time)', () => {
    const run = foldEvents(runEvents());
    expect(renderHtml(run)).not.toContain('Target time:');
    const withTime = { ...run, summary: { ...run.summary, targetSeconds: 754 } };
    expect(renderHtml(withTime)).toContain('Target time: <b>12 min 34 s</b> on the target\'s own clock');
  });

  it('escapes device strings: markup arrives as text', () => {
    const html = renderHtml(foldEvents(runEvents({ deviceString: '<script>alert(1)</script>' })));
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The page's own script is the only one.
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('is one file that loads nothing: no external URLs, a CSP that forbids fetching', () => {
    const html = renderHtml(foldEvents(runEvents()));
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none';/);
  });

  it('shows the incomplete banner only for an interrupted run', () => {
    expect(renderHtml(foldEvents(runEvents()))).not.toContain('INCOMPLETE RUN');
    expect(renderHtml(foldEvents(runEvents({ interruptAfter: 2 })))).toContain('INCOMPLETE RUN');
  });

  it('shows the target\'s own time over the run (summary.targetSeconds, reboots) only when it was measured', () => {
    const run = foldEvents(runEvents());
    const { targetSeconds: _measured, ...unmeasured } = run.summary;
    expect(renderHtml({ ...run, summary: unmeasured })).not.toContain('Target time');
    const html = renderHtml({ ...run, summary: { ...run.summary, targetSeconds: 459.6, targetReboots: 5 } });
    expect(html).toContain('Target time');
    expect(html).toContain('7 min 40 s of target uptime, 5 reboots');
  });

  it('shows devices side by side only when runs from several devices were merged', () => {
    expect(renderHtml(foldEvents(runEvents()))).not.toContain('Devices side by side');
    const merged = mergeRuns([foldEvents(runEvents()), foldEvents(runEvents({ runId: 'ref', target: REFERENCE_DEVICE }))]);
    expect(renderHtml(merged)).toContain('Devices side by side');
  });
});
