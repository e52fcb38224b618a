/**
 * `dumpsys isub` — SubscriptionManagerService.dump (OPT android-15.0.0_r23
 * src/java/com/android/internal/telephony/subscription/SubscriptionManagerService.java
 * L4952-5030): `Logical SIM slot <s>: subId=<id>` per active slot, `mSimState[<s>]=<STATE>`
 * (TelephonyManager.simStateToString), and under `All subscriptions:` one
 * SubscriptionInfoInternal.toString() per known subscription (`[SubscriptionInfoInternal: id=1
 * iccId=… simSlotIndex=0 … isEmbedded=0 … areUiccApplicationsEnabled=1 …]`,
 * SubscriptionInfoInternal.java L1346-1408). A subscription whose SIM applications were switched
 * off is inactive: simSlotIndex=-1 and areUiccApplicationsEnabled=0. Pure.
 */
import { shellCommand, type ShellCommand } from '../adb';

export function dumpsysIsubCommand(): ShellCommand {
  return shellCommand('dumpsys', 'isub');
}

export interface SubscriptionRecord {
  readonly id: number;
  readonly simSlotIndex: number;
  readonly embedded: boolean;
  readonly uiccApplicationsEnabled: boolean;
}

export interface IsubDump {
  /** Active slot → subId. */
  readonly activeSubIds: ReadonlyMap<number, number>;
  /** Slot → SIM state name (LOADED, ABSENT, NOT_READY, …). */
  readonly simStates: ReadonlyMap<number, string>;
  readonly subscriptions: readonly SubscriptionRecord[];
}

function field(line: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s|\\[SubscriptionInfoInternal: )${name}=(\\S*)`).exec(line)?.[1];
}

export function parseDumpsysIsub(stdout: string): IsubDump {
  const activeSubIds = new Map<number, number>();
  const simStates = new Map<number, string>();
  const byId = new Map<number, SubscriptionRecord>();
  let inAll = false;
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trim();
    const mapping = /^Logical SIM slot (\d+): subId=(-?\d+)$/.exec(line);
    if (mapping) activeSubIds.set(Number(mapping[1]), Number(mapping[2]));
    const state = /^mSimState\[(\d+)\]=(\w+)$/.exec(line);
    if (state) simStates.set(Number(state[1]), state[2] ?? 'UNKNOWN');
    if (/^All subscriptions:$/.test(line)) inAll = true;
    else if (/^[A-Z][A-Za-z ]*subscriptions:|^getAvailableSubscriptionInfoList/.test(line)) inAll = false;
    if (!line.startsWith('[SubscriptionInfoInternal:')) continue;
    const id = Number(field(line, 'id'));
    if (!Number.isInteger(id)) continue;
    // "Active subscriptions:" repeats lines of "All subscriptions:"; the latter is complete.
    if (!inAll && byId.has(id)) continue;
    byId.set(id, {
      id,
      simSlotIndex: Number(field(line, 'simSlotIndex') ?? -1),
      embedded: field(line, 'isEmbedded') === '1' || field(line, 'isEmbedded') === 'true',
      uiccApplicationsEnabled: field(line, 'areUiccApplicationsEnabled') !== '0' && field(line, 'areUiccApplicationsEnabled') !== 'false',
    });
  }
  return { activeSubIds, simStates, subscriptions: [...byId.values()].sort((a, b) => a.id - b.id) };
}

/**
 * The physical SIM of a slot as the rig can switch it: the active subscription of the slot, or —
 * when its SIM applications are off — the one physical subscription that is switched off (a
 * stock single-SIM emulator has exactly one).
 */
export function physicalSubscription(dump: IsubDump, slot: number): { readonly subId: number; readonly enabled: boolean } | undefined {
  const active = dump.activeSubIds.get(slot);
  if (active !== undefined) {
    const record = dump.subscriptions.find((s) => s.id === active);
    return record?.embedded ? undefined : { subId: active, enabled: true };
  }
  const off = dump.subscriptions.filter((s) => !s.embedded && !s.uiccApplicationsEnabled);
  const [only] = off;
  return off.length === 1 && only !== undefined ? { subId: only.id, enabled: false } : undefined;
}
