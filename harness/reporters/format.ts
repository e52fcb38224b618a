/** Number, time and label formatting shared by the report formats. */
import { type RunResult, type ScenarioResult, type ScenarioStatus, type TargetInfo } from '../results';

/** JUnit's time unit: seconds with millisecond precision. */
export function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

/** A duration a person reads: `350 ms`, `1.6 s`, `2 min 05 s`. */
export function humanDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '-';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = String(totalSeconds % 60).padStart(2, '0');
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min ${s} s` : `${m} min ${s} s`;
}

/** `2025-03-01 10:00:00 UTC` from an ISO timestamp (the input unchanged when it is not one). */
export function humanTime(iso: string | undefined): string {
  if (iso === undefined) return '-';
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  return `${new Date(t).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '')} UTC`;
}

/** The word a report shows for a status; incomplete scenarios say so. */
export function statusLabel(scenario: Pick<ScenarioResult, 'status' | 'incomplete'>): string {
  if (scenario.incomplete) return 'INCOMPLETE';
  const labels: Record<ScenarioStatus, string> = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP', error: 'ERROR', waived: 'WAIVED' };
  return labels[scenario.status];
}

/** Every target of a run, the primary one first. */
export function targetsOf(run: RunResult): readonly TargetInfo[] {
  return run.targets && run.targets.length > 0 ? run.targets : [run.target];
}

/** Areas in the order the run met them. */
export function areasOf(scenarios: readonly ScenarioResult[]): string[] {
  return [...new Set(scenarios.map((s) => s.area))];
}

/** `ImsRigFeatureUpdate` from `feature-update`: a CTS-style module name. */
export function ctsModuleName(area: string): string {
  return `ImsRig${area.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}`;
}
