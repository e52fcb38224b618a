/**
 * suites/verdicts.yaml against a run (the suites e2e test and `npm run bench -- suite` both hold
 * runs to it). The file lists each scenario's verdict on the default reference device with
 * everything a run there has — the UI scenarios' included, since `ims-rig run` starts Appium when
 * adb is installed. A run without Appium (in process, or no adb binary) skips those that require it
 * (the reason is checked elsewhere); for them the expected verdict is then `skip`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SUITES_DIR } from '../paths';
import { type RunResult } from '../results';

export function expectedVerdicts(): Record<string, string> {
  return parseYaml(fs.readFileSync(path.join(SUITES_DIR, 'verdicts.yaml'), 'utf8')) as Record<string, string>;
}

/** `id: expected -> got` for every listed scenario whose verdict changed (`a|b`: either). */
export function verdictChanges(run: RunResult, expected: Readonly<Record<string, string>> = expectedVerdicts()): string[] {
  const withoutAppium = (run.target.missingCapabilities ?? []).includes('appium');
  const changes: string[] = [];
  for (const [id, listed] of Object.entries(expected)) {
    const scenario = run.scenarios.find((s) => s.id === id);
    const verdict = withoutAppium && (scenario?.requires ?? []).includes('appium') ? 'skip' : listed;
    const got = scenario?.status ?? 'not run';
    if (!verdict.split('|').includes(got)) changes.push(`${id}: ${verdict} -> ${got}`);
  }
  return changes;
}
