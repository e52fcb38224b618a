/**
 * Loads a flow (flows/<name>.ts) at run time with ts-node, transpile-only (the type check is
 * `npm run typecheck`'s job), so a user adds a flow without a build step. The module's default
 * export must be a flow: `{ activity: string, run(browser, args, kit) }` (flows/lib/flow.ts).
 */
import * as fs from 'node:fs';
import { type FlowArgs, type FlowOutcome } from '../model';

export interface LoadedFlow {
  readonly activity: string;
  run(browser: unknown, args: FlowArgs, kit: { package: string; screen(label: string): Promise<void>; inForeground(): Promise<boolean> }): Promise<FlowOutcome>;
}

let registered = false;

function registerTsNode(): void {
  if (registered) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tsNode = require('ts-node') as { register(options: Record<string, unknown>): unknown };
  tsNode.register({ transpileOnly: true, compilerOptions: { module: 'commonjs' }, skipProject: true });
  registered = true;
}

export function loadFlow(file: string): LoadedFlow {
  if (!fs.existsSync(file)) throw new Error(`no flow ${file}`);
  registerTsNode();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as { default?: Partial<LoadedFlow> };
  const flow = mod.default;
  if (flow === undefined || typeof flow.activity !== 'string' || typeof flow.run !== 'function') {
    throw new Error(`${file}: its default export is not a flow (defineFlow({ activity, run }))`);
  }
  return flow as LoadedFlow;
}
