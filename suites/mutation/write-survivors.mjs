// Writes suites/mutation/survivors.md from Stryker's report (reports/mutation/mutation.json): the
// score per file and every mutant the suites did not kill (Survived, NoCoverage) with its
// disposition from DISPOSITIONS below — equivalent for the suites' observation (and why), a gap
// (the scenario that is owed), or not analysed yet. Run after `npm run mutation`:
//   node suites/mutation/write-survivors.mjs
// Plain JavaScript, like the ignorer: a report tool, not part of the rig.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const REPORT = process.argv[2] ?? path.join(ROOT, 'reports', 'mutation', 'mutation.json');
const OUT = path.join(ROOT, 'suites', 'mutation', 'survivors.md');

/** Kinds of disposition. `equivalent`: no verdict can change (the suites judge bindings read from dumpsys phone). */
const TEXT = 'equivalent — text only printed (dump/log), never judged: the suites judge the bound package per (slot, feature) cell';
const ORDER = 'equivalent — Java hash / ArraySet order emulation: it orders dump lines and feature sets; the rig reads them as sets';
const REPO = 'unobserved (a gap of observation, not of scenarios) — FeatureConnectionRepository state is written but nothing in these scenarios reads it back (getIfExists is never called; its only output is the dump\'s "Connection Repository Log"); ImsStateCallback (issue 9, branch state-callback) reads it, and its scenarios should kill these';

const APP = 'unobserved (a gap of observation) — what the controller does on the ImsService side (create/remove features, status callbacks, capabilities, subscription changes, enable/disable IMS) never reaches dumpsys phone\'s ImsResolver block: the rig\'s observed cell is the controller\'s assigned `features=` set while it is bound. Owed: reading the app side (the rig\'s ImsService app reporting the create/remove calls it received, e.g. through the control broadcast); the existing scenarios would then judge these';
const BIND = 'probably equivalent on the reference device — bind-guard / bind-failure bookkeeping: bindService never fails for an installed app here (see the notifyFailed gap)';
const CRASH = 'gap (absorbed by waivers) — connection lifecycle (disconnect, binding died, null binding): the crash-looping scenarios are waived whichever of the two AOSP outcomes a check sees (aosp-crash-looping-service-keeps-features and …-while-up), so a mutant that keeps the dead service "bound" or never marks it dead still gets the expected verdict. Owed: a check whose expectation is one outcome only (e.g. after the crash loop stops), like lifecycle.crash-on-bind-recovers';

const HOOK = 'equivalent on plain AOSP — a deviation hook (virtual-device/deviations) that is off on the default reference device; the deviation profiles\' own scenarios (suites.e2e "every deviation profile is caught") check it is caught when on';

/** [file suffix, first line, last line, disposition] — first match wins. */
const DISPOSITIONS = [
  ['binder.ts', 10, 19, TEXT + ' (exception class and name: logged only)'],
  ['binder.ts', 20, 38, TEXT + ' (capabilitiesString: capability names for logcat/LocalLog/repository log)'],
  ['component-name.ts', 13, 16, ORDER + ' (ComponentName.hashCode)'],
  ['exponential-backoff.ts', 30, 34, 'probably equivalent — stop() cancels a pending rebind; every caller (connected, unbind) runs when none is pending or the controller is dropped from the resolver, whose dump no longer lists it'],
  ['exponential-backoff.ts', 35, 42, 'gap — notifyFailed() runs only when Context.bindService returns false or throws; no scenario makes bindService itself fail for an installed service (the reference device has no such stimulus yet)'],
  ['exponential-backoff.ts', 43, 48, TEXT + ' (getCurrentDelay: logged delay)'],
  ['feature-slot-pair.ts', 28, 31, ORDER + ' (FeatureSlotPair.hashCode)'],
  ['feature-slot-pair.ts', 50, 52, TEXT + ' (HashSet toString for logs)'],
  ['feature-slot-pair.ts', 55, 62, ORDER + ' (ArraySet iteration order)'],
  ['feature-slot-pair.ts', 63, 72, TEXT + ' (feature lists for logs and the Cached ImsServices dump line)'],
  ['ims-feature-binder-repository.ts', 1, 35, TEXT + ' (repository log / state names)'],
  ['ims-feature-binder-repository.ts', 36, 101, REPO],
  ['ims-service-discovery.ts', 14, 14, TEXT + ' (log tag)'],
  ['ims-service-discovery.ts', 39, 39, 'equivalent on the default profile — compat services are searched there anyway; a deviation that ignores them is caught by the compat.* scenarios'],
  ['ims-service-discovery.ts', 49, 51, 'equivalent — an empty meta-data map and null give the same (no) features; they differ only on the NullPointerException path below, which no scenario reaches'],
  ['ims-service-discovery.ts', 56, 56, 'equivalent for bindings — ImsServiceController.bind sanitises EMERGENCY_MMTEL without MMTEL again (sanitizeFeatureConfig); the difference shows only in the Cached ImsServices dump line'],
  ['ims-service-discovery.ts', 59, 59, 'not analysed — featureFromMetadata for a device/compat service without features'],
  ['ims-service-discovery.ts', 66, 80, 'gap — a device ImsService without BIND_IMS_SERVICE and without any <meta-data> (AOSP: NullPointerException in searchForImsServices, aosp-imsresolver.md §1.8); no fixture app declares neither'],
  ['ims-service-discovery.ts', 81, 85, TEXT + ' (the BIND_IMS_SERVICE warning)'],
  ['ims-service-feature-query-manager.ts', 13, 13, TEXT + ' (log tag)'],
  ['ims-service-feature-query-manager.ts', 30, 52, 'not analysed — query bookkeeping (duplicate query, query in progress, active components for the dump)'],
  ['ims-service-feature-query-manager.ts', 70, 75, 'not analysed — a query whose bindService fails'],
  ['ims-service-feature-query-manager.ts', 80, 100, 'gap — a query connection that dies or is disconnected mid-query (no stimulus crashes an app during its feature query)'],
  ['ims-service-feature-query-manager.ts', 101, 114, 'not analysed — a compat binder answering the new-style query / a failing query'],
  ['ims-service-info.ts', 15, 25, 'not analysed — addFeatureForAllSlots bound'],
  ['ims-service-info.ts', 30, 39, TEXT + ' (ImsServiceInfo.toString: the Cached ImsServices dump line)'],
  ['ims-service-controller.ts', 37, 38, TEXT + ' (log tag)'],
  ['ims-service-controller.ts', 39, 43, APP + ' (the subscription ids handed to the service)'],
  ['ims-service-controller.ts', 86, 96, BIND + ' (the backoff task)'],
  ['ims-service-controller.ts', 101, 136, BIND],
  ['ims-service-controller.ts', 146, 185, APP],
  ['ims-service-controller.ts', 186, 194, APP],
  ['ims-service-controller.ts', 207, 227, TEXT + ' (rebind delay, controller LocalLog lines in the dump)'],
  ['ims-service-controller.ts', 228, 253, APP],
  ['ims-service-controller.ts', 254, 287, CRASH],
  ['ims-service-controller.ts', 288, 291, TEXT + ' (handler message label)'],
  ['ims-service-controller.ts', 292, 481, APP],
  ['ims-service-controller-compat.ts', 1, 24, TEXT],
  ['ims-service-controller-compat.ts', 25, 119, APP + ' (compat: android.telephony.ims.compat.ImsService calls)'],
  ['ims-service-connection.ts', 1, 26, CRASH],
  ['ims-resolver-core.ts', 20, 30, TEXT + ' (log tag, handler message names)'],
  ['ims-resolver-core.ts', 55, 58, TEXT + ' (slot count for the dump\'s Carrier section, which no check judges)'],
  ['ims-resolver-core.ts', 64, 68, TEXT + ' (handler message label)'],
  ['ims-resolver-core.ts', 86, 104, 'probably equivalent — de-duplicating a query already pending, a query for a name no longer cached: the same query runs or answers again with the same features'],
  ['ims-resolver-core.ts', 147, 159, TEXT + ' (active queries for the dump; an initialisation guard)'],
  ['ims-resolver-core.ts', 165, 165, HOOK],
  ['ims-resolver-core.ts', 188, 188, HOOK],
  ['ims-resolver-core.ts', 195, 195, HOOK],
  ['ims-resolver-core.ts', 213, 220, HOOK],
  ['ims-resolver-core.ts', 280, 334, 'equivalent on API 35 — the resolver\'s per-(slot, feature) bound-controller map (imsServiceFeatureCreated/Removed) is printed only in Android 11\'s "Bound Features" dump section; nothing on this device reads it back in these scenarios (controllersOnSlot / boundController are never called)'],
  ['resolver-configuration.ts', 17, 26, 'not analysed — slot maps at construction'],
  ['resolver-configuration.ts', 40, 45, TEXT + ' (device entries for the dump\'s Configurations section, which no check judges)'],
  ['resolver-configuration.ts', 59, 69, HOOK + ' / not analysed — carrier features and packages per slot'],
  ['ims-resolver.ts', 23, 29, TEXT + ' (log tag, handler message names)'],
  ['ims-resolver.ts', 76, 101, 'unobserved — getImsServiceConfiguration / enableIms / disableIms answer `cmd phone ims get-ims-service` and IMS enablement, which no scenario step reads (the rig reads dumpsys phone)'],
  ['ims-resolver-dump.ts', 1, 60, TEXT + ' (dump sections the parser reads as evidence but no check judges: configurations, cached services, repository and event logs; a mutant that breaks the parsed Active controllers block is killed)'],
  ['java-exception.ts', 1, 20, TEXT + ' (stack trace lines of the NullPointerException path, not reached)'],
];

function disposition(file, line) {
  const rule = DISPOSITIONS.find(([f, from, to]) => file.endsWith(f) && line >= from && line <= to);
  return rule ? rule[3] : 'not analysed (time)';
}

const report = JSON.parse(fs.readFileSync(REPORT, 'utf8'));
const rows = [];
const lines = [];
const total = {};
for (const [file, result] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const count = {};
  for (const m of result.mutants) count[m.status] = (count[m.status] ?? 0) + 1;
  for (const [s, n] of Object.entries(count)) total[s] = (total[s] ?? 0) + n;
  const c = (s) => count[s] ?? 0;
  const valid = result.mutants.length - c('Ignored') - c('CompileError') - c('RuntimeError');
  const detected = c('Killed') + c('Timeout');
  rows.push(`| ${path.basename(file)} | ${result.mutants.length} | ${c('Killed')} | ${c('Timeout')} | ${c('Survived')} | ${c('NoCoverage')} | ${c('Ignored')} | ${valid ? ((100 * detected) / valid).toFixed(1) : '-'} % |`);
  const open = result.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage');
  if (open.length === 0) continue;
  lines.push('', `## ${file}`, '');
  const src = result.source.split('\n');
  const byDisposition = new Map();
  for (const m of open.sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)) {
    const l = m.location.start.line;
    const d = disposition(file, l);
    const text = `L${l} ${m.mutatorName}${m.status === 'NoCoverage' ? ' (no coverage)' : ''}: \`${(src[l - 1] ?? '').trim().slice(0, 70).replace(/`/g, "'")}\` → \`${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 50).replace(/`/g, "'")}\``;
    byDisposition.set(d, [...(byDisposition.get(d) ?? []), text]);
  }
  for (const [d, ms] of byDisposition) {
    lines.push(`- **${d}**`);
    for (const t of ms) lines.push(`  - ${t}`);
  }
}
const t = (s) => total[s] ?? 0;
const all = Object.values(total).reduce((a, b) => a + b, 0);
const valid = all - t('Ignored') - t('CompileError') - t('RuntimeError');
const detected = t('Killed') + t('Timeout');
const header = [
  '# Mutants the suites let through (virtual-device/telephony/ims/), and why',
  '',
  'Generated by `node suites/mutation/write-survivors.mjs` from `reports/mutation/mutation.json`',
  '(`npm run mutation`); dispositions are the DISPOSITIONS table in that script. A mutant is killed',
  'when a scenario\'s verdict leaves its expected set (suites/verdicts.yaml); Ignored mutants sit',
  'inside logcat / LocalLog / event-log writes (suites/mutation/diagnostics-ignorer.mjs).',
  '',
  `Score: **${((100 * detected) / valid).toFixed(2)} %** (${detected} detected of ${valid}; ${t('Killed')} killed, ${t('Timeout')} timeout, ${t('Survived')} survived, ${t('NoCoverage')} no coverage); counting the ${t('Ignored')} ignored as survivors: ${((100 * detected) / (valid + t('Ignored'))).toFixed(2)} %.`,
  '',
  '| file | mutants | killed | timeout | survived | no coverage | ignored | score |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
];
fs.writeFileSync(OUT, `${[...header, ...lines].join('\n')}\n`);
process.stdout.write(`${OUT}: ${((100 * detected) / valid).toFixed(2)} % over ${Object.keys(report.files).length} files\n`);
