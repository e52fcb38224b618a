/**
 * Property tests of the scenario and waiver readers (issue 11, item 4): every scenario of suites/
 * and the waiver list, mutated, plus YAML token soup. Each is read into a scenario (or a waiver
 * list) or refused with an InputError naming the file, in our words — no stack overflow, no alias
 * bomb, no JavaScript engine message. Fixed seed FUZZ_SEED; runs and budget per property below.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { SUITES_DIR } from '../../paths';
import { fuzzParameters, mutatedText, ourErrorOrValue, tokenText } from '../../testing/fuzz';
import { parseScenario } from '../loader';
import { parseWaivers } from '../waivers';

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== '__tests__') return yamlFiles(full);
    return e.isFile() && e.name.endsWith('.yaml') && e.name !== 'waivers.yaml' ? [fs.readFileSync(full, 'utf8')] : [];
  });
}

const SCENARIOS = yamlFiles(SUITES_DIR);
const WAIVERS = fs.readFileSync(path.join(SUITES_DIR, 'waivers.yaml'), 'utf8');
const TOKENS = [
  'id: a.b\n', 'title: t\n', 'area: priority\n', 'doc: d\n', 'steps:\n', '  - check: {}\n', '  - insertSim: { slot: 0, carrier: carrier-a }\n', 'apps:\n', '  - package: com.oem.ims\n',
  '    answers: { "0": [MMTEL, RCS] }\n', 'sims: { "0": carrier-b }\n', 'device:\n  slots: 2\n', '  overlay: oem-default\n', '&x ', '*x', '<<: ', '- ', ': ', '{', '}', '[', ']', '"', "'", '\n', '  ',
  'sims: { "0": ../../../etc/passwd }\n', 'sims: { "0": /dev/zero }\n', 'overlay: /proc/self/fd/0\n',
];

test('scenarios: a scenario or our error naming the file', () => {
  // Under suites/, so doc: is required and relative references resolve as for the real ones.
  const file = path.join(SUITES_DIR, 'fuzz', 'mutated.yaml');
  fc.assert(fc.property(fc.oneof(mutatedText(SCENARIOS), tokenText(TOKENS)), (text) => ourErrorOrValue(() => parseScenario(text, file))), fuzzParameters(400, 4_000));
});

test('the waiver list: waivers or our error naming the file', () => {
  fc.assert(fc.property(fc.oneof(mutatedText([WAIVERS]), tokenText(TOKENS)), (text) => ourErrorOrValue(() => parseWaivers(text, 'suites/waivers.yaml'))), fuzzParameters(300, 4_000));
});
