import { DOC } from '../../docs/documentation';
import { foldEvents } from '../../results';
import { runEvents } from '../../results/__tests__/fixtures/event-factory';
import { formatTerminalSummary } from '../terminal-summary';

describe('formatTerminalSummary', () => {
  it('prints the counts, each failure with its first differing cell, and the report path', () => {
    const text = formatTerminalSummary(foldEvents(runEvents()), { htmlPath: 'reports/x/index.html' });
    expect(text).toContain('IMS-RIG 0.1.0 on emulator-5554 (emulator, SDK 35, userdebug)');
    expect(text).toContain('10 scenarios: 4 passed, 3 failed, 1 waived, 1 skipped, 1 error, 2 deviations waived');
    expect(text).toMatch(/FAIL +priority\.doc-table\.carrier-b: slot 0 MMTEL: expected com\.carrier\.b\.ims, observed com\.oem\.ims/);
    expect(text).toMatch(/FAIL +single-registration\.third-party-denied: com\.thirdparty\.chat android\.permission\.PERFORM_IMS_SINGLE_REGISTRATION: expected denied, observed granted/);
    expect(text).toMatch(/ERROR +lifecycle\.crash-rebind: DeviceUnavailableError/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('Report: reports/x/index.html');
    expect(text).not.toContain('\x1b[');
  });

  it('says how much of the documentation the run checked, and — with a reference run — whose each difference is', () => {
    const plain = formatTerminalSummary(foldEvents(runEvents()));
    expect(plain).toMatch(new RegExp(` {2}documentation: \\d+ of ${Object.keys(DOC).length} sentences checked \\(\\d+ held, [1-9]\\d* failed, \\d+ waived, \\d+ not run\\), \\d+ not covered`));
    expect(plain).not.toContain('against the AOSP reference device');
    const threeWay = formatTerminalSummary(foldEvents(runEvents({ reference: true })));
    expect(threeWay).toContain('  against the AOSP reference device: 2 differing cell(s) as AOSP, 2 vendor-specific');
  });

  it('says when the run is incomplete', () => {
    const text = formatTerminalSummary(foldEvents(runEvents({ interruptAfter: 3 })));
    expect(text).toContain('INCOMPLETE RUN');
    expect(text).toContain('6 planned scenario(s) did not run');
    expect(text).toMatch(/INCOMPLETE +emergency\.follows-mmtel: run ended before this scenario finished/);
  });

  it('colours only when asked, and never passes device control characters through', () => {
    const run = foldEvents(runEvents({ deviceString: 'evil\u001b]0;pwned\u0007' }));
    const coloured = formatTerminalSummary(run, { color: true });
    expect(coloured).toContain('\x1b[31m');
    expect(coloured).not.toContain('\u001b]0;');
    expect(coloured).toContain('observed evil?]0;pwned?');
  });
});
