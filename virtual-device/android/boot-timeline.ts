/**
 * When each boot milestone happens, in device ms after the package scan. The order is AOSP's:
 * the persistent phone process starts while the user is still locked (it is direct-boot aware),
 * adbd comes up before boot completes (so `adb wait-for-device` returns while
 * sys.boot_completed is still 0), LOCKED_BOOT_COMPLETED, the user unlocks (no lock screen
 * credential on this device), then ACTION_BOOT_COMPLETED and sys.boot_completed=1.
 */
export type BootStep = 'phone' | 'lockedBootCompleted' | 'adbd' | 'unlock' | 'bootCompleted';

const FRACTIONS: readonly { readonly step: BootStep; readonly at: number }[] = [
  { step: 'phone', at: 0.3 },
  { step: 'lockedBootCompleted', at: 0.4 },
  { step: 'adbd', at: 0.5 },
  { step: 'unlock', at: 0.7 },
  { step: 'bootCompleted', at: 0.85 },
];

export function bootTimeline(totalMs: number): { readonly step: BootStep; readonly atMs: number }[] {
  return FRACTIONS.map(({ step, at }) => ({ step, atMs: Math.round(totalMs * at) }));
}
