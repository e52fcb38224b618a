/** Waivers: schema, loading, and matching (every stated criterion must match; none stated is invalid). */
import * as path from 'node:path';
import { InputError } from '../../errors/errors';
import { findWaiver, loadWaivers, parseWaivers, toWaiverRef, waiversForScenario, type CellDiffLike, type GrantDiffLike } from '../waivers';

const FIXTURE = path.join(__dirname, 'fixtures', 'waivers.yaml');

const cell = (over: Partial<CellDiffLike> = {}): CellDiffLike => ({
  slot: '0', feature: 'EMERGENCY_MMTEL', expected: 'com.oem.ims', observed: null, rule: 'emergency-needs-mmtel', ...over,
});
const grant = (over: Partial<GrantDiffLike> = {}): GrantDiffLike => ({
  permission: 'android.permission.ACCESS_RCS_USER_CAPABILITY_EXCHANGE', expected: false, observed: true, rule: 'uce-permission', ...over,
});

describe('waivers', () => {
  it('loads the fixture with its criteria', async () => {
    const waivers = await loadWaivers(FIXTURE);
    expect(waivers.map((w) => w.id)).toEqual(['emergency-follows-mmtel', 'double-claim', 'uce-grant']);
    expect(waivers[0]?.match).toEqual({
      scenarios: ['priority.*'], rules: ['emergency-needs-mmtel'], cells: [{ slot: '0', feature: 'EMERGENCY_MMTEL' }], expected: 'com.oem.ims', observed: null,
    });
    expect(toWaiverRef(waivers[0]!)).toEqual({ id: 'emergency-follows-mmtel', justification: expect.stringContaining('ImsResolver'), reference: 'aosp-imsresolver.md §1.8 quirk 6' });
  });

  it('matches only when every stated criterion matches', async () => {
    const waivers = await loadWaivers(FIXTURE);
    expect(findWaiver(waivers, 'priority.doc-table.carrier-b', cell())?.id).toBe('emergency-follows-mmtel');
    expect(findWaiver(waivers, 'emergency.x', cell())).toBeUndefined(); // scenario glob
    expect(findWaiver(waivers, 'priority.x', cell({ rule: 'carrier-override' }))).toBeUndefined(); // rule
    expect(findWaiver(waivers, 'priority.x', cell({ slot: '1' }))).toBeUndefined(); // cell slot
    expect(findWaiver(waivers, 'priority.x', cell({ feature: 'MMTEL' }))).toBeUndefined(); // cell feature
    expect(findWaiver(waivers, 'priority.x', cell({ expected: 'com.carrier.b.ims' }))).toBeUndefined(); // expected
    expect(findWaiver(waivers, 'priority.x', cell({ observed: 'com.carrier.b.ims' }))).toBeUndefined(); // observed
  });

  it('matches a multi-claimed observed cell by its list of packages, in any order', async () => {
    const waivers = await loadWaivers(FIXTURE);
    expect(findWaiver(waivers, 'any.scenario', cell({ rule: 'two-per-slot', observed: ['com.carrier.b.ims', 'com.oem.ims'] }))?.id).toBe('double-claim');
    expect(findWaiver(waivers, 'any.scenario', cell({ rule: 'two-per-slot', observed: ['com.oem.ims'] }))).toBeUndefined();
  });

  it('matches grant diffs by permission and never by binding criteria', async () => {
    const waivers = await loadWaivers(FIXTURE);
    expect(findWaiver(waivers, 'single-registration.uce', grant())?.id).toBe('uce-grant');
    expect(findWaiver(waivers, 'single-registration.uce', grant({ permission: 'android.permission.READ_CONTACTS' }))).toBeUndefined();
    expect(findWaiver(waivers, 'priority.x', grant())).toBeUndefined();
    // a binding waiver never covers a grant diff, even with a matching rule
    expect(findWaiver(waivers, 'priority.x', grant({ rule: 'emergency-needs-mmtel' }))).toBeUndefined();
  });

  it('gives a scenario the waivers it lists plus those whose scenarios glob names it; an unknown id is a bad input', async () => {
    const waivers = await loadWaivers(FIXTURE);
    const ids = (id: string, listed: string[]) => waiversForScenario(waivers, { id, waivers: listed, displayFile: 'suites/x.yaml' }).map((w) => w.id);
    expect(ids('priority.a', [])).toEqual(['emergency-follows-mmtel']);
    expect(ids('compat.a', ['double-claim'])).toEqual(['double-claim']);
    expect(ids('compat.a', [])).toEqual([]);
    expect(() => ids('compat.a', ['nope'])).toThrow('suites/x.yaml: waivers[0] nope is not a waiver in the waiver file');
  });

  const invalid: [string, string, string][] = [
    ['no criteria', '- { id: a, title: t, justification: j, reference: r, match: {} }',
      '[0].match must name what it waives: rules, cells, expected, observed, permissions or callback (scenarios alone would waive every diff)'],
    ['scenarios alone', '- { id: a, title: t, justification: j, reference: r, match: { scenarios: ["x.*"] } }',
      '[0].match must name what it waives: rules, cells, expected, observed, permissions or callback (scenarios alone would waive every diff)'],
    ['grant and cell criteria mixed', '- { id: a, title: t, justification: j, reference: r, match: { permissions: [p.q], cells: [{ slot: 0 }] } }',
      '[0].match mixes criteria of different diffs (cells/expected/observed for bindings, permissions for grants, callback for state callbacks): it could never match'],
    ['callback and cell criteria mixed', '- { id: a, title: t, justification: j, reference: r, match: { callback: { feature: RCS }, observed: com.x } }',
      '[0].match mixes criteria of different diffs (cells/expected/observed for bindings, permissions for grants, callback for state callbacks): it could never match'],
    ['an empty cell', '- { id: a, title: t, justification: j, reference: r, match: { cells: [{}] } }', '[0].match.cells[0] must name a slot, a feature or both'],
    ['a bad slot', '- { id: a, title: t, justification: j, reference: r, match: { cells: [{ slot: 2 }] } }', '[0].match.cells[0].slot must be 0 or 1'],
    ['no justification', '- { id: a, title: t, reference: r, match: { rules: [x] } }', '[0].justification is required'],
    ['an unknown key', '- { id: a, title: t, justification: j, reference: r, match: { rule: [x] } }', '[0].match.rule is not a known key (did you mean rules?)'],
    ['an unsafe package', '- { id: a, title: t, justification: j, reference: r, match: { observed: "a;reboot" } }', '[0].match.observed "a;reboot" is not a valid Android package name'],
    ['a duplicate id', '- { id: a, title: t, justification: j, reference: r, match: { rules: [x] } }\n- { id: a, title: t, justification: j, reference: r, match: { rules: [y] } }',
      '[1].id a is also the id of [0] (ids must be unique)'],
  ];
  it.each(invalid)('rejects %s', (_what, yaml, message) => {
    expect(() => parseWaivers(yaml, 'suites/waivers.yaml')).toThrow(InputError);
    expect(() => parseWaivers(yaml, 'suites/waivers.yaml')).toThrow(`suites/waivers.yaml: ${message}`);
  });

  it('an empty file has no waivers; a missing file is a bad input', async () => {
    expect(parseWaivers('', 'w.yaml')).toEqual([]);
    expect(parseWaivers('[]', 'w.yaml')).toEqual([]);
    await expect(loadWaivers(path.join(__dirname, 'fixtures', 'nope.yaml'))).rejects.toThrow('cannot read: no such file');
  });
});
