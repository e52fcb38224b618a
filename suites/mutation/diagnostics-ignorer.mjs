// A Stryker ignorer (stryker.config.json "ignorers": ["ims-diagnostics"]): mutants inside the
// reference device's diagnostic writes — logcat lines (`….logcat.write(…)`), the controllers'
// LocalLog (`….localLog.log(…)`) and the resolver's event log (`….eventLog.log(…)`) — are reported
// as Ignored, with this reason, instead of run. The conformance suites judge what the framework
// binds, read from `dumpsys phone`'s ImsResolver cells; logcat and those logs are evidence in the
// report, never a verdict (README "Observed means observed"; harness/scenario/engine-observe.ts).
// A changed log text is not a framework bug the suites are meant to catch, so it does not count
// for or against their score. Everything else, dump text included, is still mutated and counted.
// Plain JavaScript: Stryker imports plugins without a TypeScript loader.
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const REASON = 'diagnostic text (logcat / LocalLog / event log): evidence only, never judged by a scenario';

/** `logcat.write`, `x.logcat.write`, `x.localLog.log`, `x.eventLog.log`. */
const DIAGNOSTIC_SINKS = new Map([
  ['logcat', 'write'],
  ['localLog', 'log'],
  ['eventLog', 'log'],
]);

function nameOf(node) {
  if (node?.type === 'Identifier') return node.name;
  if (node?.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') return node.property.name;
  return undefined;
}

function isDiagnosticWrite(node) {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.computed) return false;
  const method = nameOf(node.callee);
  const sink = nameOf(node.callee.object);
  return sink !== undefined && DIAGNOSTIC_SINKS.get(sink) === method;
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'ims-diagnostics', {
    shouldIgnore(path) {
      return isDiagnosticWrite(path.node) ? REASON : undefined;
    },
  }),
];
