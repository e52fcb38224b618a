/**
 * examples/github-actions/ims-rig-emulator.yml is a workflow users copy as is: it must boot the
 * emulator the README promises (API 35, google_apis, x86_64, -writable-system), keep the reports
 * and publish junit.xml, and every ims-rig command it runs must exist — each is parsed by the CLI's
 * own commander program (an unknown command or option fails here, not in someone's CI).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseShell } from 'shell-quote';
import { parse as parseYaml } from 'yaml';
import { buildProgram } from '../main';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const WORKFLOW = path.join(ROOT, 'examples', 'github-actions', 'ims-rig-emulator.yml');

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}

function steps(): Step[] {
  const doc = parseYaml(fs.readFileSync(WORKFLOW, 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
  return Object.values(doc.jobs).flatMap((job) => job.steps);
}

/** The shell lines of every `run:` and emulator-runner `script:`. */
function shellLines(): string[] {
  return steps()
    .flatMap((s) => [s.run, typeof s.with?.script === 'string' ? s.with.script : undefined])
    .filter((text): text is string => text !== undefined)
    .flatMap((text) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')));
}

/** The arguments after `ims-rig` in a line that runs it (`npx ims-rig …`, `node bin/ims-rig.js …`). */
function imsRigArgs(line: string): string[] | undefined {
  const words = parseShell(line).filter((w): w is string => typeof w === 'string');
  const at = words.findIndex((w) => w === 'ims-rig' || /(^|\/)ims-rig(\.js)?$/.test(w));
  return at < 0 ? undefined : words.slice(at + 1);
}

function parses(args: readonly string[]): { ok: boolean; error?: string } {
  let ran = false;
  const program = buildProgram(() => {
    ran = true;
  });
  const quiet = { writeErr: (): void => undefined, writeOut: (): void => undefined, outputError: (): void => undefined };
  for (const command of [program, ...program.commands]) command.configureOutput(quiet);
  try {
    program.parse([...args], { from: 'user' });
    return { ok: ran };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

describe('examples/github-actions/ims-rig-emulator.yml', () => {
  test('boots an API 35 google_apis x86_64 emulator with a writable system with reactivecircus/android-emulator-runner', () => {
    const runner = steps().find((s) => s.uses?.startsWith('reactivecircus/android-emulator-runner@'));
    expect(runner?.with).toMatchObject({ 'api-level': 35, target: 'google_apis', arch: 'x86_64' });
    expect(String(runner?.with?.['emulator-options'])).toMatch(/(^|\s)-writable-system(\s|$)/);
    expect(String(runner?.with?.script)).toMatch(/^npx ims-rig run --target emulator-5554\b/m);
  });

  test('uploads reports/ and publishes the junit.xml the run writes, even when the run fails', () => {
    const upload = steps().find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload).toMatchObject({ if: 'always()', with: { path: 'reports/' } });
    const out = imsRigArgs(shellLines().find((l) => imsRigArgs(l)?.[0] === 'run') ?? '') ?? [];
    const outDir = out[out.indexOf('--out') + 1];
    const junit = steps().find((s) => JSON.stringify(s.with ?? {}).includes('junit.xml'));
    expect(junit).toMatchObject({ if: 'always()' });
    expect(JSON.stringify(junit?.with)).toContain(`${outDir}/junit.xml`);
  });

  test('every ims-rig command it runs exists and parses (the CLI\'s own commander program)', () => {
    const commands = shellLines().map(imsRigArgs).filter((a): a is string[] => a !== undefined);
    expect(commands.length).toBeGreaterThanOrEqual(1);
    for (const args of commands) expect({ args, ...parses(args) }).toMatchObject({ args, ok: true });
  });

  test('the check itself: an unknown command or option does not parse', () => {
    expect(parses(['run', '--target', 'emulator-5554', '--no-such-option']).ok).toBe(false);
    expect(parses(['runn', '--target', 'emulator-5554']).ok).toBe(false);
  });
});
