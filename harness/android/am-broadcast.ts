/**
 * What `am broadcast` prints back, for the rig's two control receivers (./control-broadcast.ts,
 * ./observer-control.ts). ActivityManagerShellCommand's result receiver prints
 * `Broadcast completed: result=<code>` and, when a receiver set result data, `, data="<data>"`,
 * then `, extras: <Bundle>` when it set result extras (AOSP frameworks/base
 * ActivityManagerShellCommand IntentReceiver#performReceive); no `data=` means no receiver set any
 * (for the rig's receivers: none of them ran). Pure.
 */

/** What `am broadcast` printed: whether it completed, the result code, and the result data if any. */
export interface BroadcastResult {
  readonly completed: boolean;
  readonly resultCode?: number;
  /** undefined: no receiver set result data. */
  readonly data?: string;
}

const COMPLETED = /^Broadcast completed: result=(-?\d+)(?:, data="(.*?)")?(?:, extras: .*)?\s*$/m;

export function parseBroadcastResult(output: string): BroadcastResult {
  const m = COMPLETED.exec(output);
  if (!m) return { completed: false };
  return { completed: true, resultCode: Number(m[1]), ...(m[2] === undefined ? {} : { data: m[2] }) };
}
