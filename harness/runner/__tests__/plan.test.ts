import * as path from 'node:path';
import { InputError, UsageError } from '../../errors';
import { type Area } from '../../model';
import { SUITES_DIR } from '../../paths';
import { parseScenario } from '../../scenario/loader';
import { parseWaivers } from '../../scenario/waivers';
import { matchesSuite, parseNamePattern, parseShard, selectScenarios, validatePlan } from '../plan';

const entry = (id: string, area: Area = 'priority', file = `${area}/${id}.yaml`) => ({ id, title: `title of ${id}`, area, file: path.join(SUITES_DIR, file) });
const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);

describe('--shard', () => {
  const all = ['e', 'b', 'a', 'd', 'c', 'g', 'f'].map((id) => entry(id));

  it('parses i/n and refuses anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/2', '3/2', '1/0', 'x', '1/2/3', '-1/2']) expect(() => parseShard(bad)).toThrow(UsageError);
  });

  it('splits the id-sorted list deterministically, every scenario in exactly one shard', () => {
    const shards = [1, 2, 3].map((index) => ids(selectScenarios(all, { shard: { index, count: 3 } }).selected));
    expect(shards).toEqual([['a', 'd', 'g'], ['b', 'e'], ['c', 'f']]);
    expect(shards.flat().sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    // Input order does not matter.
    expect(ids(selectScenarios([...all].reverse(), { shard: { index: 1, count: 3 } }).selected)).toEqual(shards[0]);
  });

  it('keeps the unsharded position of each scenario (merging shards restores the order)', () => {
    const { order } = selectScenarios(all, { shard: { index: 2, count: 3 } });
    expect(order.get('b')).toBe(1);
    expect(order.get('g')).toBe(6);
  });
});

describe('filters', () => {
  const all = [entry('priority.doc-table.carrier-a'), entry('fallback.legacy-key', 'fallback'), entry('priority.sim-swap')];

  it('--suite takes an area name', () => {
    expect(ids(selectScenarios(all, { suites: ['fallback'] }).selected)).toEqual(['fallback.legacy-key']);
  });

  it('--suite takes a glob on the id or on the file under suites/', () => {
    expect(ids(selectScenarios(all, { suites: ['priority.doc-*'] }).selected)).toEqual(['priority.doc-table.carrier-a']);
    expect(matchesSuite(all[1]!, 'fallback/*.yaml')).toBe(true);
    expect(matchesSuite(all[1]!, 'priority/*.yaml')).toBe(false);
  });

  it('-t matches the id or the title; a bad pattern is a usage error', () => {
    expect(ids(selectScenarios(all, { namePattern: 'sim-sw' }).selected)).toEqual(['priority.sim-swap']);
    expect(ids(selectScenarios(all, { namePattern: 'title of fallback' }).selected)).toEqual(['fallback.legacy-key']);
    expect(() => parseNamePattern('(')).toThrow(UsageError);
  });
});

describe('validatePlan', () => {
  const file = path.join(SUITES_DIR, 'priority', 'pinned.yaml');
  const scenario = (pin: string, waivers = '[]') => parseScenario(`
id: t.pinned
title: t
area: priority
doc: d
device: { slots: 1, overlay: { mmtel: com.oem.ims, rcs: com.oem.ims } }
apps:
  - { package: com.oem.ims, metadata: [EMERGENCY_MMTEL, MMTEL, RCS], answers: { "0": [EMERGENCY_MMTEL, MMTEL, RCS] } }
waivers: ${waivers}
steps:
  - check: {}
  - check: { bindings: { "0": { MMTEL: ${pin} } } }
`, file);

  it('accepts a pin that agrees with the documented model', () => {
    expect(() => validatePlan([scenario('com.oem.ims')], [])).not.toThrow();
  });

  it('rejects a pin that disagrees, naming the file and the field (exit 2 before any device)', () => {
    let error: unknown;
    try {
      validatePlan([scenario('null')], []);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^suites\/priority\/pinned\.yaml: steps\[1\]\.check\.bindings disagrees with the documented model: slot 0 MMTEL: the scenario pins null, the documented model expects "com\.oem\.ims"/);
    expect((error as InputError).exitCode).toBe(2);
  });

  it('rejects a waiver id the waiver file does not have', () => {
    const waivers = parseWaivers('- { id: aosp-known, title: t, justification: j, reference: r, match: { rules: [device-default] } }\n', 'w.yaml');
    expect(() => validatePlan([scenario('com.oem.ims', '[aosp-known]')], waivers)).not.toThrow();
    expect(() => validatePlan([scenario('com.oem.ims', '[aosp-unknown]')], waivers)).toThrow(/waivers\[0\] aosp-unknown is not a waiver/);
  });
});
