/**
 * Scenario and waiver YAML bounded (issue 11, item 3): alias bombs and deep nesting are
 * InputErrors naming the file (and the line), in our words — not the yaml library's ReferenceError
 * (which used to end a run with exit 3) or the engine's "Maximum call stack size exceeded".
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../../errors';
import { MAX_YAML_ALIASES, MAX_YAML_DEPTH } from '../../inputs';
import { engineWordsIn } from '../../testing/engine-words';
import { yamlAliasBomb } from '../../testing/hostile-inputs';
import { loadScenario, parseScenario } from '../loader';
import { parseWaivers } from '../waivers';
import { bracketDepthBound, parseYamlFile, tooDeepAt } from '../yaml-text';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect(engineWordsIn((e as Error).message)).toBeUndefined();
    return (e as Error).message;
  }
  throw new Error('accepted');
}

const aliasBomb = (): string => yamlAliasBomb();

test('an alias bomb is refused, naming the file', () => {
  expect(refusal(() => parseYamlFile(aliasBomb(), 'suites/bomb.yaml')))
    .toBe(`suites/bomb.yaml: YAML: more than ${MAX_YAML_ALIASES} alias references (*name) to resolve; ims-rig refuses alias bombs`);
  expect(refusal(() => parseScenario(aliasBomb(), 'bomb.yaml'))).toMatch(/^bomb\.yaml: YAML: more than 100 alias references/);
  expect(refusal(() => parseWaivers(`- ${aliasBomb().replace(/\n/g, '\n  ')}`, 'waivers.yaml'))).toMatch(/^waivers\.yaml: YAML: more than 100 alias/);
});

test('a few aliases are still fine', () => {
  expect(parseYamlFile('a: &x [1]\nb: *x\n', 'x.yaml')).toEqual({ a: [1], b: [1] });
});

test.each([
  ['flow, just over the limit', `id: x\nsteps: ${'['.repeat(MAX_YAML_DEPTH)}${']'.repeat(MAX_YAML_DEPTH)}\n`, 2],
  ['block maps', Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'), MAX_YAML_DEPTH + 1],
  ['block sequences', Array.from({ length: 40 }, (_, i) => `${' '.repeat(2 * i)}-`).join('\n'), MAX_YAML_DEPTH + 1],
])('%s: refused with the line where it gets too deep', (_what, text, line) => {
  expect(refusal(() => parseYamlFile(text, 'deep.yaml'))).toBe(`deep.yaml:${line}: YAML: collections nested more than ${MAX_YAML_DEPTH} levels deep (a scenario needs a handful)`);
});

test('a megabyte of [ is refused from the text alone, before any parser recursion', () => {
  const text = `id: ${'['.repeat(500_000)}${']'.repeat(500_000)}`;
  expect(bracketDepthBound(text)).toBe(500_000);
  expect(refusal(() => parseYamlFile(text, 'deep.yaml'))).toMatch(/^deep\.yaml: YAML: brackets nested more than 1000 deep/);
});

test('tooDeepAt measures collection nesting, not scalars', () => {
  expect(tooDeepAt('a: {b: [1, {c: d}]}\ne:\n  - f: 1\n', 4)).toBeUndefined();
  expect(tooDeepAt('a: {b: [1, {c: d}]}\n', 3)).toBe(11);
  expect(bracketDepthBound('a: "[[[" # ]\n')).toBe(3);
});

(process.platform === 'win32' ? test.skip : test)('a scenario whose carrier config is a FIFO is refused at once, naming both files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-yaml-'));
  execFileSync('mkfifo', [path.join(dir, 'cc.xml')]);
  const scenario = path.join(dir, 's.yaml');
  fs.writeFileSync(scenario, 'id: a.b\ntitle: t\narea: priority\ndoc: d\nsims: { "0": ./cc.xml }\nsteps:\n  - check: {}\n');
  return expect(loadScenario(scenario)).rejects.toThrow(/s\.yaml: sims\.0 .*cc\.xml: is a named pipe \(FIFO\), not a regular file$/);
});
