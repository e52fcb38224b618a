/**
 * `doc:` (issue 11, item 7): required for the project's scenarios in suites/, optional for a
 * user's scenario elsewhere, which then carries a warning (printed on stderr by the CLI and kept in
 * the report).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SUITES_DIR } from '../../paths';
import { parseScenario } from '../loader';
import { isSuiteScenario } from '../loader-resolve';

const DOC_TABLE = path.join(SUITES_DIR, 'priority', 'doc-table-carrier-a.yaml');
const withoutDoc = fs.readFileSync(DOC_TABLE, 'utf8').replace(/^doc: .*\n/m, '');

test('a user scenario outside suites/ may leave doc out: it loads with a warning', () => {
  const s = parseScenario(withoutDoc, path.join(path.dirname(SUITES_DIR), 'my-scenarios', 'carrier-a.yaml'));
  expect(s.doc).toBeUndefined();
  expect(s.warnings).toEqual(['no doc: the report cannot cite the documentation this scenario checks (add doc: "<the sentence or table row>")']);
});

test('a scenario in suites/ must have doc: a bad input naming the field', () => {
  expect(() => parseScenario(withoutDoc, path.join(SUITES_DIR, 'priority', 'new.yaml')))
    .toThrow(/suites\/priority\/new\.yaml: doc is required for scenarios in suites\/: the sentence or table row of the documentation the scenario checks$/);
});

test('a scenario with doc has no warning, wherever it is', () => {
  expect(parseScenario(fs.readFileSync(DOC_TABLE, 'utf8'), '/tmp/elsewhere.yaml').warnings).toBeUndefined();
});

test('what counts as suites/', () => {
  expect(isSuiteScenario(path.join(SUITES_DIR, 'a', 'b.yaml'))).toBe(true);
  expect(isSuiteScenario(SUITES_DIR)).toBe(false);
  expect(isSuiteScenario(`${SUITES_DIR}-copy/b.yaml`)).toBe(false);
});
