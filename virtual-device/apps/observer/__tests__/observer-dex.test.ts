/**
 * The observer's DEX, run on the JVM (android-apps/observer/jvm), against the reference device's
 * model of it (../observer-app.ts): the driver's behaviours, and one script run through both — the
 * DEX under the stand-ins' fake telephony, the model under an equivalent fake — must give the same
 * result data and the same log lines, line for line. Also: the framework members the DEX
 * references are the ones the README lists, and the compiled manifest says what the contract says.
 */
import { readFileSync } from 'node:fs';
import { readApkManifest } from '../../../../harness/formats/apk-reader';
import {
  OBSERVER_ACTION, OBSERVER_LOG_TAG, OBSERVER_PACKAGE, OBSERVER_PERMISSIONS, OBSERVER_RECEIVER_CLASS, OBSERVER_RECEIVER_PERMISSION,
} from '../../../../harness/model';
import { type ExtraValue } from '../../../android/platform';
import { projectPath } from '../../../../harness/paths';
import { buildObserverApk } from '../../../../harness/targets/rig-app-files';
import { JVM_CHECK_SKIP, OBSERVER_JVM_CHECK, runJvmCheck } from '../../../../harness/testing/rig-app-jvm';
import { readDexReferences } from '../../../android/packages/dex-file';
import { RemoteException } from '../../../telephony/ims/binder';
import { type ImsStateCallbackBinder } from '../../../telephony/ims-state/callback-wrapper';
import { SecurityException, ServiceSpecificException } from '../../../telephony/ims-state/phone-interface';
import { ObserverApp, type TelephonyServer } from '../observer-app';

const DEX = projectPath('android-apps', 'observer', 'prebuilt', 'classes.dex');

/** Every op, outcome and reason word, a phone death with failed and unregistered callbacks, a process death. */
const SCRIPT = [
  'sims 0=1 1=2',
  'send op=register id=mmtel0 slot=0 feature=MMTEL',
  'send op=register id=rcs0 slot=0 feature=RCS',
  'send op=register id=two slot=1 feature=MMTEL',
  ...[1, 2, 3, 4, 5, 6, 7, 0].map((r) => `unavailable 1 MMTEL ${r}`),
  'available 1 MMTEL',
  'unavailable 1 RCS 6',
  'available 2 MMTEL',
  'available 2 RCS',
  'fail ImsException:3',
  'send op=register id=bad slot=0 feature=MMTEL',
  'fail SecurityException',
  'send op=register id=denied slot=1 feature=RCS',
  'send op=register id=gone slot=1 feature=RCS',
  'send op=unregister id=gone',
  'sims 0=1',
  'send op=register id=nosim slot=1 feature=MMTEL',
  'send op=register id=mmtel0 slot=0 feature=MMTEL',
  'phone-died',
  'phone-died',
  'available 1 MMTEL',
  'send op=reregister id=mmtel0',
  'send op=reregister id=bad',
  'send op=reregister id=never',
  'send op=unregister id=never',
  'send op=unregister id=rcs0',
  'available 1 MMTEL',
  'send op=register id=x feature=RCS',
  'send op=register id=x slot=0 feature=IMS',
  'send op=register id=x slot=0',
  'send op=register id=Upper slot=0 feature=RCS',
  'send op=register id=a-very-long-id-of-25-char slot=0 feature=RCS',
  'send op=register slot=0 feature=RCS',
  'send op=reset',
  'available 1 MMTEL',
  'send op=register id=mmtel0 slot=0 feature=MMTEL',
  'send op=register id=rcs0 slot=1 feature=RCS',
  'send op=drop id=x',
  'send',
  'process-died',
  'available 1 MMTEL',
  'send op=unregister id=mmtel0',
  'send op=register id=mmtel0 slot=0 feature=MMTEL',
  'unavailable 1 MMTEL 3',
];

const FEATURES: Readonly<Record<string, number>> = { MMTEL: 1, RCS: 2 };

/** The script through the reference device's model, with a fake telephony that does what the stand-ins do. */
function referenceOutput(script: readonly string[]): string[] {
  const out: string[] = [];
  let sims = new Map<number, number>();
  let held: Array<{ subId: number; feature: number; binder: ImsStateCallbackBinder }> = [];
  let nextError: Error | undefined;
  const telephony: TelephonyServer = {
    subscriptionId: (slot) => sims.get(slot) ?? -1,
    registerImsStateCallback: (subId, feature, binder) => {
      const e = nextError;
      nextError = undefined;
      if (e !== undefined) throw e;
      held.push({ subId, feature, binder });
    },
    unregisterImsStateCallback: (binder) => void (held = held.filter((h) => h.binder !== binder)),
  };
  let hashes = 0;
  const app = new ObserverApp({
    pm: { isPermissionGranted: () => true } as never,
    logcat: { write: (priority, tag, message) => void out.push(tag === OBSERVER_LOG_TAG && priority === 'I' ? `log ${message}` : `other ${priority}/${tag}: ${message}`) },
    identities: { next: (javaClass) => ({ description: `${javaClass}@${(hashes += 1).toString(16)}` }) },
    telephony: () => telephony,
    errorOnPhoneDeath: () => true,
  });
  // Telephony calls a callback's binder; a dead process's binder throws and telephony drops it.
  const call = (sub: number, feature: number, f: (b: ImsStateCallbackBinder) => void): void => {
    held = held.filter((h) => {
      if (h.subId !== sub || h.feature !== feature) return true;
      try {
        f(h.binder);
        return true;
      } catch (e) {
        if (e instanceof RemoteException) return false;
        throw e;
      }
    });
  };
  for (const line of script) {
    const [cmd = '', ...w] = line.trim().split(/ +/);
    switch (cmd) {
      case 'sims':
        sims = new Map(w.map((kv) => kv.split('=').map(Number) as [number, number]));
        break;
      case 'send': {
        const extras: Record<string, ExtraValue> = {};
        for (const kv of w) {
          const [k = '', v = ''] = kv.split('=');
          extras[k] = k === 'slot' ? Number(v) : v;
        }
        // The driver prints the result data before the lines the broadcast logged.
        const at = out.length;
        out.splice(at, 0, `data ${app.onReceive(extras).data}`);
        break;
      }
      case 'available':
        call(Number(w[0]), FEATURES[w[1] ?? ''] ?? 0, (b) => b.onAvailable());
        break;
      case 'unavailable':
        call(Number(w[0]), FEATURES[w[1] ?? ''] ?? 0, (b) => b.onUnavailable(Number(w[2])));
        break;
      case 'fail':
        nextError = w[0] === 'SecurityException' ? new SecurityException('from telephony') : new ServiceSpecificException(Number((w[0] ?? '').split(':')[1]));
        break;
      case 'phone-died':
        held = [];
        app.onPhoneDied();
        break;
      case 'process-died':
        app.processDied();
        break;
      default:
        throw new Error(`unknown script line: ${line}`);
    }
  }
  return out;
}

const jvmDescribe = JVM_CHECK_SKIP === undefined ? describe : describe.skip;
jvmDescribe(`the observer's DEX on the JVM${JVM_CHECK_SKIP === undefined ? '' : ` (${JVM_CHECK_SKIP})`}`, () => {
  it('does every behaviour of its README (jvm/check.sh: enjarify, -Xverify:all)', () => {
    const run = runJvmCheck(DEX, undefined, OBSERVER_JVM_CHECK);
    expect(run.stderr).not.toMatch(/VerifyError|Exception in thread/);
    expect(run.stdout).not.toContain('FAIL ');
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(run.status).toBe(0);
  });

  it('answers a script exactly as the reference device\'s model of it does (result data and log lines)', () => {
    const run = runJvmCheck(DEX, SCRIPT, OBSERVER_JVM_CHECK);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const dex = run.stdout.split('\n').filter((l) => l !== '');
    expect(dex).toEqual(referenceOutput(SCRIPT));
    // Not vacuous: every event word and outcome appears.
    for (const word of ['ev=register ', 'ev=register-failed ', 'ev=unregister ', 'ev=onAvailable ', 'ev=onUnavailable ', 'ev=onError ', 'data registered ', 'data failed ', 'data unregistered ', 'data reset ', 'data unknown ', 'data bad-request ']) {
      expect({ word, seen: dex.some((l) => l.includes(word)) }).toEqual({ word, seen: true });
    }
    // The phone's death reaches every callback still tied to its binder, the two whose registration
    // telephony refused included (the tie is made before the call), once; not one that never got a manager.
    expect(dex.filter((l) => l.includes('ev=onError')).map((l) => /reg=(\S+)/.exec(l)?.[1])).toEqual(['rcs0#1', 'two#1', 'bad#1', 'denied#1', 'mmtel0#2']);
  });
});

describe('the observer app as committed', () => {
  it('references exactly the framework members android-apps/observer/README.md lists', () => {
    const readme = readFileSync(projectPath('android-apps', 'observer', 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf('<!-- framework-members:start -->'), readme.indexOf('<!-- framework-members:end -->'));
    const listed = [...block.matchAll(/^- ([^\s(]+(?:\([^)]*\))?)/gm)].map((m) => m[1]).sort();
    const { methods, fields } = readDexReferences(readFileSync(DEX));
    expect([...methods, ...fields].filter((m) => m.startsWith('android.')).sort()).toEqual(listed);
  });

  it('has the manifest the contract names (harness/model/observer-app.ts)', async () => {
    const m = await readApkManifest(buildObserverApk(), 'observer.apk');
    expect(m.package).toBe(OBSERVER_PACKAGE);
    expect(m.usesPermissions.map((p) => p.name)).toEqual(OBSERVER_PERMISSIONS);
    expect(m.application?.persistent).toBe(true);
    expect(m.components.map((c) => ({ kind: c.kind, name: c.qualifiedName, exported: c.exported, permission: c.permission, actions: c.intentFilters.flatMap((f) => f.actions) })))
      .toEqual([{ kind: 'receiver', name: OBSERVER_RECEIVER_CLASS, exported: true, permission: OBSERVER_RECEIVER_PERMISSION, actions: [OBSERVER_ACTION] }]);
  });
});
