/**
 * Test helpers for ImsStateCallback on the reference device: the rig's observer app staged as a
 * priv-app with its allowlist (as provisioning stages it), its control broadcast, and what it logged.
 */
import { OBSERVER_ACTION, OBSERVER_LOG_TAG, OBSERVER_PACKAGE, OBSERVER_PERMISSIONS, OBSERVER_RECEIVER_CLASS } from '../../../harness/model/observer-app';
import { buildObserverApk } from '../../../harness/targets/rig-app-files';
import { privappPermissionsPath, privappPermissionsXml, systemApkPath } from '../../../harness/targets/system-files';
import { type ReferenceDevice } from '../../android/reference-device';
import { settle, sh } from './reference-phone';

/** Stages the observer under /system/priv-app with READ_PRIVILEGED_PHONE_STATE allowlisted, and reboots. */
export async function installObserver(device: ReferenceDevice, options: { permissions?: readonly string[] } = {}): Promise<void> {
  device.root();
  device.remountAsRoot();
  const { apk } = systemApkPath(OBSERVER_PACKAGE, 'priv-app');
  const wrote = device.platform.fs.writeFile(apk, buildObserverApk(), 0o644, 0);
  if (wrote !== true) throw new Error(`cannot stage the observer: errno ${wrote}`);
  device.platform.fs.writeFile(privappPermissionsPath(OBSERVER_PACKAGE), Buffer.from(privappPermissionsXml(OBSERVER_PACKAGE, options.permissions ?? OBSERVER_PERMISSIONS)), 0o644, 0);
  device.reboot('');
  await device.whenBootCompleted();
  await settle(device);
}

/** Sends the control broadcast; returns the result data (undefined: no receiver ran). */
export async function observe(device: ReferenceDevice, extras: string): Promise<string | undefined> {
  const r = await sh(device, `am broadcast -n ${OBSERVER_PACKAGE}/${OBSERVER_RECEIVER_CLASS} -a ${OBSERVER_ACTION} ${extras}`);
  return /Broadcast completed: result=-?\d+, data="(.*)"/.exec(r.stdout)?.[1];
}

export const register = (device: ReferenceDevice, id: string, slot: number, feature: 'MMTEL' | 'RCS'): Promise<string | undefined> =>
  observe(device, `--es op register --es id ${id} --ei slot ${slot} --es feature ${feature}`);

/** `<event> <reg>[ <reason>]` of every observer line so far, oldest first. */
export function observerEvents(device: ReferenceDevice): string[] {
  return device.log.entries(['main']).filter((e) => e.tag === OBSERVER_LOG_TAG).map((e) => {
    const m = /^ev=(\S+) reg=(\S+) slot=\S+ sub=\S+ feature=\S+ reason=(\S+)$/.exec(e.message);
    return m ? `${m[1]} ${m[2]}${m[3] === '-' ? '' : ` ${m[3]}`}` : `unparsed: ${e.message}`;
  });
}

/** The ImsStateCallbackController section of `dumpsys phone`, lines trimmed on the right. */
export async function stateCallbackSection(device: ReferenceDevice): Promise<string[]> {
  await settle(device);
  const text = (await sh(device, 'dumpsys phone')).stdout;
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === 'ImsStateCallbackController:');
  const end = lines.findIndex((l, i) => i > start && l.trim() === 'DomainSelectionResolver:');
  return lines.slice(start, end).map((l) => l.trimEnd());
}
