/**
 * index.html as a person sees it: rendered in a real headless Chromium (Debian's /usr/bin/chromium
 * driven by playwright-core), opened from file:// like a downloaded CI artifact. Screenshots are
 * kept under reports/screenshots/ (git-ignored) for people to look at.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { DOC } from '../../docs/documentation';
import { projectPath } from '../../paths';
import { foldEvents, mergeRuns, type RunResult } from '../../results';
import { REFERENCE_DEVICE, runEvents } from '../../results/__tests__/fixtures/event-factory';
import { writeReports } from '../write-reports';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = projectPath('reports', 'screenshots');
const HOSTILE = '<script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=2">';
jest.setTimeout(120_000);

const describeWithChromium = fs.existsSync(CHROMIUM) ? describe : describe.skip;
const suiteName = fs.existsSync(CHROMIUM) ? 'index.html in Chromium' : `index.html in Chromium (skipped: ${CHROMIUM} is not installed)`;

describeWithChromium(suiteName, () => {
  let work: string;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-html-'));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('request', (r) => requests.push(r.url()));
    // Chromium reports every CSP violation on the console ("Refused to ... Content Security Policy").
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  });
  afterAll(async () => {
    await context?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  async function open(run: RunResult, name: string): Promise<void> {
    const paths = await writeReports(run, path.join(work, name));
    requests.length = 0;
    consoleErrors.length = 0;
    await page.goto(`file://${paths.html}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }
  const scenario = (id: string) => page.locator(`section.scenario[id="s-${id}"]`);

  it('shows the summary counts, the per-area table and the failures first', async () => {
    await open(foldEvents(runEvents()), 'complete-run');
    const counts = await page.locator('.count').allInnerTexts();
    expect(counts.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(['4 Passed', '3 Failed', '1 Waived', '1 Skipped', '1 Errors', '0 Incomplete', '2 Waived deviations']);
    await expect(page.locator('table.testsummary tr', { hasText: 'priority' }).innerText()).resolves.toMatch(/priority\s+1\s+1\s+0\s+0\s+0\s+2/);
    const failures = await page.locator('table.failures tbody tr').allInnerTexts();
    expect(failures[0]).toContain('slot 0 MMTEL: expected com.carrier.b.ims, observed com.oem.ims');
    expect(await page.getByText('INCOMPLETE RUN').count()).toBe(0);
    // Nothing but the file itself was loaded.
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
  });

  it('marks the differing cell with a word, shows each expected cell\'s reason and the cited sentence', async () => {
    const failing = scenario('priority.doc-table.carrier-b');
    const diffCell = failing.locator('td.cell.diff');
    await expect(diffCell.count()).resolves.toBe(1);
    const text = await diffCell.innerText();
    expect(text).toContain('✗ DIFFERS');
    expect(text).toMatch(/expected\s+com\.carrier\.b\.ims/);
    expect(text).toMatch(/observed\s+com\.oem\.ims/);
    expect(text).toContain('rule priority-carrier: carrier-b SIM in slot 0 names com.carrier.b.ims for MMTEL');
    await expect(failing.locator('ol.cites').innerText()).resolves.toContain('config_ims_[mmtel/rcs]_package_override_string');
    await failing.screenshot({ path: path.join(SCREENSHOTS, 'failing-scenario.png') });
  });

  it('marks waived cells "waived" with the waiver\'s justification, and lists the waiver', async () => {
    const waived = scenario('emergency.follows-mmtel').locator('td.cell.waived');
    const text = await waived.innerText();
    expect(text).toContain('⚠ WAIVED');
    expect(text).toContain('waived by aosp-emergency-follows-mmtel: AOSP binds EMERGENCY_MMTEL with the MMTEL service');
    await expect(page.locator('.waiver-entry').innerText()).resolves.toMatch(/aosp-emergency-follows-mmtel[\s\S]*emergency\.follows-mmtel/);
  });

  it('shows the grants table, the skip\'s missing capability and the retried attempts', async () => {
    const grants = scenario('single-registration.third-party-denied').locator('table.grants');
    await expect(grants.locator('tr', { hasText: 'PERFORM_IMS_SINGLE_REGISTRATION' }).innerText()).resolves.toMatch(/✗ DIFFERS[\s\S]*expected\s+denied[\s\S]*observed\s+granted/);
    await expect(scenario('multi-sim.two-sims').innerText()).resolves.toContain('Skipped: the target lacks msim-control (change the number of active SIM slots)');
    await expect(scenario('feature-update.rcs-to-mmtel').innerText()).resolves.toMatch(/2 attempts; the last one decides[\s\S]*attempt 1: ERROR — TimeoutError/);
  });

  it('folds the raw evidence away on screen and prints it expanded', async () => {
    const dumpsys = scenario('priority.doc-table.carrier-b').locator('details.evidence pre').first();
    expect(await dumpsys.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await dumpsys.isVisible()).toBe(true);
    await expect(dumpsys.innerText()).resolves.toContain('Slot 0: [MMTEL] -> com.oem.ims');
    await page.emulateMedia({ media: 'screen' });
  });

  it('draws the pictures as inline SVG: no script, nothing fetched, no CSP violation, every shape titled', async () => {
    await open(foldEvents(runEvents()), 'pictures');
    expect(await page.locator('svg.overview rect').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.bar').count()).toBeGreaterThan(3);
    // One matrix per binding checkpoint, one timeline per scenario that recorded steps.
    expect(await page.locator('svg.mx').count()).toBe(7);
    expect(await page.locator('svg.tl').count()).toBe(9);
    expect(await page.locator('svg script, svg foreignObject, svg image, svg [href]').count()).toBe(0);
    const rects = await page.locator('svg.pic rect').count();
    expect(await page.locator('svg.pic rect > title').count()).toBe(rects);
    // The matrix cells take their size from the stylesheet: they are drawn, not zero-sized.
    const box = await page.locator('svg.mx rect').first().boundingBox();
    expect(box?.width).toBeGreaterThan(20);
    expect(box?.height).toBeGreaterThan(10);
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
    await page.locator('svg.overview').screenshot({ path: path.join(SCREENSHOTS, 'area-overview.png') });
  });

  it('colours each checkpoint cell by its verdict, with expected and observed in the cell\'s title', async () => {
    const cells = scenario('priority.doc-table.carrier-b').locator('svg.mx rect');
    await expect(cells.nth(1).getAttribute('class')).resolves.toBe('v-fail');
    await expect(cells.nth(1).locator('title').textContent()).resolves.toBe('slot 0 MMTEL DIFFERS: expected com.carrier.b.ims, observed com.oem.ims · rule priority-carrier');
    await expect(cells.nth(0).getAttribute('class')).resolves.toBe('v-pass');
    await expect(scenario('emergency.follows-mmtel').locator('svg.mx rect').first().getAttribute('class')).resolves.toBe('v-waived');
  });

  it('draws each scenario\'s steps on a timeline: setup, stimuli, checks, restore, with durations', async () => {
    const timeline = scenario('priority.doc-table.carrier-b').locator('svg.tl');
    await expect(timeline.locator('text').allTextContents()).resolves.toEqual(expect.arrayContaining(['setup', 'stimuli', 'checks', 'restore']));
    const titles = await timeline.locator('rect title').allTextContents();
    expect(titles).toEqual(['step 0 insertSim — 40 ms', 'step 1 check — 47 ms']);
    await expect(timeline.locator('rect.check').getAttribute('class')).resolves.toBe('check s-fail');
    await timeline.screenshot({ path: path.join(SCREENSHOTS, 'timeline.png') });
  });

  it('shows the documentation coverage: per source a bar, per section the sentences with what rests on them', async () => {
    const coverage = page.locator('#documentation-coverage');
    expect(await coverage.isVisible()).toBe(true);
    await expect(page.locator('.coverage-line').innerText()).resolves.toMatch(new RegExp(`Documentation coverage: \\d+ of ${Object.keys(DOC).length} sentences`));
    const failed = page.locator('tr#doc-doc-table-carrier-b');
    await expect(failed.locator('.dstatus').innerText()).resolves.toBe('failed');
    await expect(failed.locator('a').first().getAttribute('href')).resolves.toBe('#s-priority.doc-table.carrier-b');
    await expect(page.locator('tr#doc-service-attributes').innerText()).resolves.toMatch(/not checkable[\s\S]*not checkable over adb: an introduction/);
    await expect(page.locator('section.doc-source h3').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^Implement IMS/), expect.stringMatching(/^IMS single registration/),
      expect.stringMatching(/^`cmd phone ims` help text/), expect.stringMatching(/^CTS ImsServiceConnector/),
    ]);
    // A passing checkpoint names its sentences by id, linking here; a differing one quotes them.
    await expect(scenario('priority.doc-table.carrier-a').locator('ol.cites a').first().getAttribute('href')).resolves.toBe('#doc-emergency-needs-mmtel');
    await expect(scenario('priority.doc-table.carrier-b').locator('ol.cites').innerText()).resolves.toContain('“1. The ImsService package name');
    await page.locator('section.doc-source').first().screenshot({ path: path.join(SCREENSHOTS, 'documentation-coverage.png') });
  });

  it('prints the pictures (print media: every SVG still drawn, colours kept)', async () => {
    await page.emulateMedia({ media: 'print' });
    const box = await scenario('priority.doc-table.carrier-b').locator('svg.mx').boundingBox();
    expect(box?.width).toBeGreaterThan(50);
    const adjust = await page.locator('svg.mx').first().evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { printColorAdjust: string } }).getComputedStyle(el).printColorAdjust);
    expect(adjust).toBe('exact');
    await page.emulateMedia({ media: 'screen' });
  });

  it('labels each difference as AOSP or vendor-specific when the run had a reference run, and counts both', async () => {
    await open(foldEvents(runEvents({ reference: true })), 'three-way');
    await expect(page.locator('p.three-way').innerText()).resolves.toMatch(/2 differing cell\(s\) as AOSP[\s\S]*2 vendor-specific/);
    const failing = scenario('priority.doc-table.carrier-b').locator('td.cell.diff');
    await expect(failing.innerText()).resolves.toMatch(/vendor-specific[\s\S]*expected\s+com\.carrier\.b\.ims[\s\S]*observed\s+com\.oem\.ims[\s\S]*reference\s+com\.carrier\.b\.ims/);
    const waived = scenario('emergency.follows-mmtel').locator('td.cell.waived');
    await expect(waived.innerText()).resolves.toMatch(/as AOSP[\s\S]*reference\s+com\.oem\.ims/);
    await expect(scenario('emergency.follows-mmtel').locator('svg.mx rect').first().getAttribute('class')).resolves.toBe('v-waived o-aosp');
    await expect(scenario('priority.doc-table.carrier-b').locator('svg.mx rect').nth(1).locator('title').textContent())
      .resolves.toMatch(/DIFFERS \(vendor-specific\): expected com\.carrier\.b\.ims, observed com\.oem\.ims, reference com\.carrier\.b\.ims/);
    await scenario('priority.doc-table.carrier-b').screenshot({ path: path.join(SCREENSHOTS, 'three-way-scenario.png') });
  });

  it('filters scenarios by status with its few lines of script', async () => {
    await open(foldEvents(runEvents()), 'complete-run-filter');
    const passing = scenario('binding.device-default.no-sim');
    expect(await passing.isVisible()).toBe(true);
    await page.locator('nav.filter input[value="pass"]').uncheck();
    expect(await passing.isVisible()).toBe(false);
    expect(await scenario('priority.doc-table.carrier-b').isVisible()).toBe(true);
  });

  it('shows the INCOMPLETE RUN banner for an interrupted run', async () => {
    await open(foldEvents(runEvents({ interruptAfter: 3 })), 'interrupted-run');
    const banner = page.locator('.banner');
    expect(await banner.isVisible()).toBe(true);
    await expect(banner.innerText()).resolves.toMatch(/INCOMPLETE RUN[\s\S]*1 scenario\(s\) were cut off mid-way; 6 planned scenario\(s\) never began/);
    await expect(scenario('emergency.follows-mmtel').locator('.badge').first().innerText()).resolves.toBe('INCOMPLETE');
  });

  it('shows a device string holding markup as text, and runs none of it', async () => {
    await open(foldEvents(runEvents({ deviceString: HOSTILE })), 'hostile-device-strings');
    await expect(page.locator('table.targets').innerText()).resolves.toContain(`${HOSTILE}/fingerprint`);
    await expect(scenario('priority.doc-table.carrier-b').locator('td.cell.diff').innerText()).resolves.toContain(HOSTILE);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
  });

  it('puts devices side by side, one column per target', async () => {
    await open(mergeRuns([foldEvents(runEvents()), foldEvents(runEvents({ runId: 'ref', target: REFERENCE_DEVICE }))]), 'two-devices');
    const header = await page.locator('table.devices thead th').allInnerTexts();
    expect(header).toEqual(['Scenario', 'emulator-5554', REFERENCE_DEVICE.serial]);
    await expect(page.locator('table.devices tr', { hasText: 'priority.doc-table.carrier-b' }).innerText()).resolves.toMatch(/FAIL\s+FAIL/);
    await expect(page.locator('table.targets').innerText()).resolves.toContain('split-emergency');
  });
});
