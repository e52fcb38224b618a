/**
 * Loads scenario files (DESIGN.md "Scenario files") into FullScenario. Every fault is an
 * InputError (exit 2) whose message names the file and the field:
 *   `suites/priority/x.yaml: steps[3].insertSim.slot must be 0 or 1`
 *   `suites/priority/x.yaml:7:3: YAML: Map keys must be unique`
 * Public API: parseScenario (text in, pure but for the files it refers to), loadScenario,
 * loadScenarios (files, directories, globs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';
import { InputError } from '../errors/errors';
import { describeReadFailure, LIMITS, readInputText } from '../inputs';
import { type FullScenario } from '../model';
import { scenarioError, zodInputError } from './format-error';
import { displayPath, nodeIo, type ScenarioIo } from './loader-sources';
import { resolveScenario } from './loader-resolve';
import { scenarioSchema } from './schema';
import { parseYamlFile } from './yaml-text';

export { displayPath, type ScenarioIo } from './loader-sources';

export interface ParseOptions {
  /** Reads referenced files (carrier configs, overlays); default: the file system. */
  readonly io?: ScenarioIo;
  /** Where profile names resolve; default fixtures/carrier-configs. */
  readonly carrierConfigsDir?: string;
  /** Where overlay names resolve; default fixtures/overlays. */
  readonly overlaysDir?: string;
}

export { parseYamlFile } from './yaml-text';

/**
 * Parses scenario text as if read from `file` (relative references resolve against its folder).
 * Throws InputError naming the file and field.
 */
export function parseScenario(text: string, file: string, options: ParseOptions = {}): FullScenario {
  const absolute = path.resolve(file);
  const displayFile = displayPath(absolute);
  const data = parseYamlFile(text, displayFile);
  if (data === null || data === undefined) throw scenarioError(displayFile, [], 'is empty; a scenario needs id, title, area, doc and steps');
  if (typeof data !== 'object' || Array.isArray(data)) throw scenarioError(displayFile, [], 'must be a map of scenario fields (id, title, area, doc, steps, …)');
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) throw zodInputError(displayFile, parsed.error, scenarioSchema);
  return resolveScenario(
    {
      file: absolute,
      displayFile,
      io: options.io ?? nodeIo,
      ...(options.carrierConfigsDir === undefined ? {} : { carrierConfigsDir: options.carrierConfigsDir }),
      ...(options.overlaysDir === undefined ? {} : { overlaysDir: options.overlaysDir }),
    },
    parsed.data,
  );
}

/**
 * Reads and parses one scenario file. Throws InputError (unreadable file: file + reason; a FIFO,
 * a device or a file over the size cap is refused before anything is read from it).
 */
export async function loadScenario(file: string, options: ParseOptions = {}): Promise<FullScenario> {
  const absolute = path.resolve(file);
  const text = await readInputText(absolute, { ...LIMITS.scenario, display: displayPath(absolute) });
  return parseScenario(text, absolute, options);
}

const SCENARIO_EXTENSIONS = ['.yaml', '.yml'];
/** suites/waivers.yaml and suites/verdicts.yaml sit among the scenarios but are lists, not scenarios. */
const NOT_SCENARIOS = new Set(['waivers.yaml', 'waivers.yml', 'verdicts.yaml']);
const GLOB_MAGIC = /[*?[\]{}!]/;

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.promises.readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile() && SCENARIO_EXTENSIONS.includes(path.extname(entry.name)) && !NOT_SCENARIOS.has(entry.name)) out.push(full);
  }
  return out;
}

/** The fixed folder a glob starts from: its segments up to the first with a wildcard. */
function globBase(absolutePattern: string): string {
  const segments = absolutePattern.split(path.sep);
  const fixed: string[] = [];
  for (const s of segments) {
    if (GLOB_MAGIC.test(s)) break;
    fixed.push(s);
  }
  return fixed.join(path.sep) || path.sep;
}

async function expandInput(input: string): Promise<string[]> {
  const absolute = path.resolve(input);
  if (GLOB_MAGIC.test(input)) {
    const base = globBase(absolute);
    const candidates = await walk(base).catch(() => [] as string[]);
    const matched = candidates.filter((f) => minimatch(f, absolute));
    if (matched.length === 0) throw new InputError(`${input}: no scenario files match`, { file: input });
    return matched;
  }
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(absolute);
  } catch (e) {
    throw new InputError(`${displayPath(absolute)}: cannot read: ${describeReadFailure(e)}`, { file: input, cause: e });
  }
  if (!stat.isDirectory()) return [absolute];
  const found = await walk(absolute);
  if (found.length === 0) throw new InputError(`${displayPath(absolute)}: no scenario files (*.yaml) in this directory`, { file: input });
  return found;
}

/**
 * Loads scenarios from files, directories (recursively, *.yaml / *.yml, skipping waivers.yaml) and
 * globs, in path order, each file once. Two scenarios with one id are an InputError naming both.
 */
export async function loadScenarios(inputs: readonly string[], options: ParseOptions = {}): Promise<FullScenario[]> {
  const files = [...new Set((await Promise.all(inputs.map(expandInput))).flat())].sort();
  const scenarios = await Promise.all(files.map((f) => loadScenario(f, options)));
  const byId = new Map<string, FullScenario>();
  for (const s of scenarios) {
    const other = byId.get(s.id);
    if (other) throw scenarioError(s.displayFile, ['id'], `${s.id} is also the id of ${other.displayFile} (ids must be unique)`);
    byId.set(s.id, s);
  }
  return scenarios;
}
