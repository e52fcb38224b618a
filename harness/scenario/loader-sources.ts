/**
 * The files a scenario refers to: carrier profiles (fixtures/carrier-configs/<name>.xml, a path to
 * a carrier-config XML relative to the scenario, or inline values) and device overlays
 * (fixtures/overlays/<name>.xml, a path, or inline packages).
 */
import * as path from 'node:path';
import { parseCarrierProfile } from '../formats/carrier-config-xml';
import { parseDeviceOverlay } from '../formats/overlay-xml';
import { isImsRigError } from '../errors/errors';
import { LIMITS, readInputTextSync, type ReadLimits } from '../inputs';
import { type CarrierConfigValue, type CarrierProfile, type DeviceOverlay } from '../model';
import { FIXTURES_DIR } from '../paths';
import { scenarioError, type IssuePath } from './format-error';
import { carrierEntryProblem } from './schema-fields';

/**
 * Reads the files a scenario refers to; replaceable in tests. `undefined`: the file does not exist.
 * `limits` bounds the read (regular files only, a size cap per kind).
 */
export interface ScenarioIo {
  readText(absolutePath: string, limits?: ReadLimits): string | undefined;
}

export const nodeIo: ScenarioIo = {
  readText(p, limits = { kind: 'file', maxBytes: LIMITS.carrierConfig.maxBytes }) {
    try {
      return readInputTextSync(p, { ...limits, display: displayPath(p) });
    } catch (e) {
      const cause = (e as { cause?: { code?: unknown } }).cause;
      if (cause?.code === 'ENOENT') return undefined;
      throw e;
    }
  },
};

/** Where a scenario is being read from, for resolving references and wording errors. */
export interface SourceContext {
  readonly file: string;
  readonly displayFile: string;
  readonly io: ScenarioIo;
  readonly carrierConfigsDir?: string;
  readonly overlaysDir?: string;
}

/** The path of a file as people see it (relative to the working directory). */
export function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel === '' || rel.startsWith('..') ? p : rel;
}

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A reference is a path when it looks like one; otherwise it names a fixture. */
function isPathReference(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || ref.toLowerCase().endsWith('.xml');
}

interface Located {
  readonly absolute: string;
  readonly stem: string;
  readonly text: string;
}

function locate(ctx: SourceContext, at: IssuePath, ref: string, what: string, fixtureDir: string, limits: ReadLimits): Located {
  let absolute: string;
  if (isPathReference(ref)) {
    absolute = path.resolve(path.dirname(ctx.file), ref);
  } else {
    if (!PROFILE_NAME.test(ref)) throw scenarioError(ctx.displayFile, at, `${JSON.stringify(ref)} is not a valid ${what} name`);
    absolute = path.join(fixtureDir, `${ref}.xml`);
  }
  let text: string | undefined;
  try {
    text = ctx.io.readText(absolute, limits);
  } catch (e) {
    // Bounded reads name the file themselves (`fixtures/x.xml: is a named pipe (FIFO), …`).
    throw scenarioError(ctx.displayFile, at, isImsRigError(e) ? e.message : `cannot read ${displayPath(absolute)}`, e);
  }
  if (text === undefined) {
    const kind = isPathReference(ref) ? `${what} file` : what;
    throw scenarioError(ctx.displayFile, at, `${kind} ${JSON.stringify(ref)} not found (no ${displayPath(absolute)})`);
  }
  return { absolute, stem: path.basename(absolute).replace(/\.xml$/i, ''), text };
}

/** Re-words a fault inside a referenced file under the scenario field that referred to it. */
function wrap<T>(ctx: SourceContext, at: IssuePath, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (isImsRigError(e)) throw scenarioError(ctx.displayFile, at, e.message, e);
    throw e;
  }
}

/**
 * Resolves a SIM's carrier: profile name, XML path or inline values. Profiles read from XML are
 * checked like inline ones (key grammar; IMS package keys hold a package name, "" or null),
 * because their values reach the device (cmd phone cc).
 */
export function resolveCarrier(ctx: SourceContext, at: IssuePath, source: string | Readonly<Record<string, CarrierConfigValue>>): CarrierProfile {
  if (typeof source !== 'string') return { name: 'inline', values: { ...source } };
  const dir = ctx.carrierConfigsDir ?? path.join(FIXTURES_DIR, 'carrier-configs');
  const found = locate(ctx, at, source, 'carrier profile', dir, LIMITS.carrierConfig);
  const shown = displayPath(found.absolute);
  const profile = wrap(ctx, at, () => parseCarrierProfile(found.text, found.absolute, found.stem, shown));
  for (const [key, value] of Object.entries(profile.values)) {
    const problem = carrierEntryProblem(key, value);
    if (problem) throw scenarioError(ctx.displayFile, at, `${shown}: carrier-config key ${JSON.stringify(key)} ${problem}`);
  }
  return profile;
}

/** Resolves the device overlay: inline packages, or an overlay XML by name or path. */
export function resolveOverlay(ctx: SourceContext, at: IssuePath, source: string | DeviceOverlay): DeviceOverlay {
  if (typeof source !== 'string') return source;
  const dir = ctx.overlaysDir ?? path.join(FIXTURES_DIR, 'overlays');
  const found = locate(ctx, at, source, 'overlay', dir, LIMITS.overlay);
  return wrap(ctx, at, () => parseDeviceOverlay(found.text, displayPath(found.absolute)));
}
