/**
 * `dumpsys phone` → the `ImsStateCallbackController:` section (Android 13+; format, state machine
 * and reason words in observability-and-test-apps.md §1a). PhoneGlobals.dump prints the header
 * after `RcsService:` and before `DomainSelectionResolver:` (A14+; A13 ends PhoneGlobals with it),
 * and ImsStateCallbackController.dump (SVC L1187-1219, the same method in A13, A14 and A15):
 *
 *   ImsStateCallbackController:
 *     CallbackWrappers:
 *       CallbackWrapper={subId=1, feature=MMTEL, reason=READY, pkg=org.imsrig.observer}
 *     MmTelFeatureListeners:
 *       Listener={slotId=0, subId=1, state=READY, reason=READY, hasConfig=true}
 *     RcsFeatureListeners:
 *       Listener={slotId=0, subId=1, state=UNAVAILABLE, reason=IMS_SERVICE_DISCONNECTED, hasConfig=true, isReady=false, hasFeatures=false}
 *     Most recent logs:
 *       2025-01-22T10:11:12.345 - [0, MMTEL] connectionReady 1
 *
 * Nested IndentingPrintWriters re-wrap each other, so lines are matched ignoring their leading
 * whitespace (§1.0) and the section ends at the next PhoneGlobals line it cannot hold. Without
 * android.hardware.telephony.ims the header prints with nothing under it. Pure.
 */

/** One MmTelFeatureListener / RcsFeatureListener line. */
export interface StateListenerLine {
  readonly feature: 'MMTEL' | 'RCS';
  readonly slotId: number;
  readonly subId: number;
  /** ImsFeature.STATE_LOG_MAP word (`READY`, `UNAVAILABLE`, `INITIALIZING`) or `null`. */
  readonly state: string;
  /** imsStateReasonToString word; '' for NOT_INITIALIZED. */
  readonly reason: string;
  readonly hasConfig: boolean;
  /** RCS only: TelephonyRcsService's view (observability §1a "RCS readiness"). */
  readonly isReady?: boolean;
  readonly hasFeatures?: boolean;
}

/** One registered app callback (HashMap order: the dump does not order them). */
export interface CallbackWrapperLine {
  readonly subId: number;
  /** FEATURE_LOG_MAP word, or `null`. */
  readonly feature: string;
  /** Its last notified reason; '' before the first notification. */
  readonly reason: string;
  readonly pkg: string;
}

export interface ImsStateCallbackSection {
  readonly found: true;
  /** The controller printed its body (false: only the header, no android.hardware.telephony.ims). */
  readonly present: boolean;
  readonly wrappers: readonly CallbackWrapperLine[];
  readonly mmtel: readonly StateListenerLine[];
  readonly rcs: readonly StateListenerLine[];
  /** "Most recent logs:" lines, timestamp included. */
  readonly recentLogs: readonly string[];
  /** The section as printed (evidence). */
  readonly excerpt: string;
  /** Lines inside the section that no rule understood. */
  readonly unparsed: readonly string[];
}

export type ImsStateCallbackDumpResult = ImsStateCallbackSection | { readonly found: false; readonly reason: string };

const HEADER = 'ImsStateCallbackController:';
const HEADINGS = ['CallbackWrappers:', 'MmTelFeatureListeners:', 'RcsFeatureListeners:', 'Most recent logs:'] as const;
type Heading = (typeof HEADINGS)[number];
/** PhoneGlobals lines that follow the section in A13 (end), A14+ (DomainSelectionResolver) and A15 r23. */
const AFTER = [/^DomainSelectionResolver:/, /^------- End PhoneGlobals -------/, /^mShownNotificationReasons=/, /^mPrevRoamingOperatorNumerics/];

const LISTENER = /^Listener=\{slotId=(-?\d+), subId=(-?\d+), state=(\w+), reason=(\w*), hasConfig=(true|false)(?:, isReady=(true|false), hasFeatures=(true|false))?\}$/;
const WRAPPER = /^CallbackWrapper=\{subId=(-?\d+), feature=(\w+), reason=(\w*), pkg=([^}]*)\}$/;
/** LocalLog: `LocalDateTime.now() + " - " + msg` (minutes, seconds and millis as LocalDateTime prints them). */
const LOCAL_LOG = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)? - /;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

export function parseListenerLine(text: string, under: 'MMTEL' | 'RCS'): StateListenerLine | undefined {
  const m = LISTENER.exec(text.trim());
  if (!m) return undefined;
  const rcsFields = m[6] !== undefined;
  return {
    // The RCS form carries isReady/hasFeatures; position under the headings decides otherwise.
    feature: rcsFields ? 'RCS' : under,
    slotId: Number(m[1]), subId: Number(m[2]), state: m[3] ?? '', reason: m[4] ?? '', hasConfig: m[5] === 'true',
    ...(rcsFields ? { isReady: m[6] === 'true', hasFeatures: m[7] === 'true' } : {}),
  };
}

export function parseCallbackWrapperLine(text: string): CallbackWrapperLine | undefined {
  const m = WRAPPER.exec(text.trim());
  if (!m) return undefined;
  return { subId: Number(m[1]), feature: m[2] ?? '', reason: m[3] ?? '', pkg: m[4] ?? '' };
}

export function parseImsStateCallbackDump(text: string): ImsStateCallbackDumpResult {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === HEADER);
  if (start < 0) {
    return { found: false, reason: /Permission Denial: can't dump Phone/.test(text) ? 'dumpsys phone was refused (no android.permission.DUMP)' : 'dumpsys phone has no ImsStateCallbackController section (Android 12 or older)' };
  }
  const headerIndent = indentOf(lines[start] ?? '');
  const body: string[] = [];
  let heading: Heading | undefined;
  const wrappers: CallbackWrapperLine[] = [];
  const mmtel: StateListenerLine[] = [];
  const rcs: StateListenerLine[] = [];
  const recentLogs: string[] = [];
  const unparsed: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const t = raw.trim();
    if (t === '') continue;
    if (AFTER.some((re) => re.test(t))) break;
    const known = (HEADINGS as readonly string[]).includes(t) || LISTENER.test(t) || WRAPPER.test(t) || (heading === 'Most recent logs:' && LOCAL_LOG.test(t));
    // A line back at (or left of) the header's indentation that is none of ours belongs to PhoneGlobals.
    if (!known && indentOf(raw) <= headerIndent) break;
    body.push(raw);
    if ((HEADINGS as readonly string[]).includes(t)) {
      heading = t as Heading;
      continue;
    }
    if (heading === 'CallbackWrappers:') {
      const w = parseCallbackWrapperLine(t);
      if (w) wrappers.push(w);
      else unparsed.push(t);
    } else if (heading === 'MmTelFeatureListeners:' || heading === 'RcsFeatureListeners:') {
      const l = parseListenerLine(t, heading === 'RcsFeatureListeners:' ? 'RCS' : 'MMTEL');
      if (l) (l.feature === 'RCS' ? rcs : mmtel).push(l);
      else unparsed.push(t);
    } else if (heading === 'Most recent logs:') {
      recentLogs.push(t);
    } else {
      unparsed.push(t);
    }
  }
  return {
    found: true,
    present: body.some((l) => l.trim() === 'CallbackWrappers:'),
    wrappers, mmtel, rcs, recentLogs,
    excerpt: [lines[start] ?? HEADER, ...body].join('\n'),
    unparsed,
  };
}
