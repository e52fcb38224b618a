/**
 * The executor sends consecutive shell commands in one round trip and still judges each by its
 * own output and exit status; root/remount that have nothing to do cost nothing.
 */
import { shellCommand } from '../../adb';
import { observerBroadcastCommand } from '../../android';
import { shellAction, type DeviceAction } from '../device-action';
import { executeActions, type CommandRecord, type ExecutionContext } from '../execute-actions';
import { ApkCache } from '../app-realiser';
import { createSession } from '../target-session';
import { FakeDevice } from './fake-device';

const info = { serial: 'fake-1', kind: 'virtual' as const, fingerprint: '', sdk: 35, buildType: 'userdebug' };

function context(device: FakeDevice): ExecutionContext & { log: CommandRecord[] } {
  const session = createSession(device, info, ['sim-control']);
  return { session, apks: new ApkCache(), pushed: new Set(), log: [] };
}

const sequences = (device: FakeDevice): string[] => device.sent.filter((l) => /; echo "IMS_RIG_BATCH_/.test(l));

describe('executeActions', () => {
  it('sends consecutive shell commands in ONE round trip, judging each one', async () => {
    const device = new FakeDevice().on('ims-rig-device sim remove', 'OK\n').on('cmd phone ims set-ims-service', 'true\n');
    const ctx = context(device);
    const actions: DeviceAction[] = [
      shellAction(shellCommand('ims-rig-device', 'sim', 'remove', '0')),
      shellAction(shellCommand('cmd', 'phone', 'ims', 'set-ims-service', '-s', '0', '-d', '-f', '2', 'com.x'), 'prints-true'),
      { kind: 'push', path: '/data/local/tmp/a.xml', source: { kind: 'text', text: '<x/>' } },
      shellAction(shellCommand('ims-rig-device', 'sim', 'insert', '0', '/data/local/tmp/a.xml')),
    ];
    await executeActions(actions, ctx);
    expect(sequences(device)).toHaveLength(1);
    expect(device.sent.filter((l) => !l.includes('; echo '))).toEqual([
      'ims-rig-device sim remove 0', 'cmd phone ims set-ims-service -s 0 -d -f 2 com.x', 'push', 'ims-rig-device sim insert 0 /data/local/tmp/a.xml',
    ]);
    expect(ctx.log.map((r) => [r.command.split(' ').slice(0, 3).join(' '), r.exitCode])).toEqual([
      ['ims-rig-device sim remove', 0], ['cmd phone ims', 0], ['push (generated text)', 0], ['ims-rig-device sim insert', 0],
    ]);
  });

  it('a command of a batch that does not do what it must fails the actions, naming it; the next batch is not sent', async () => {
    const device = new FakeDevice().on('cmd phone ims set-ims-service', 'false\n').on('true', '');
    const ctx = context(device);
    const set = shellAction(shellCommand('cmd', 'phone', 'ims', 'set-ims-service', '-s', '0', '-d', '-f', '2', 'com.x'), 'prints-true');
    const error = await executeActions([shellAction(shellCommand('true')), set, { kind: 'reboot' }], ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_COMMAND', message: expect.stringContaining('"cmd phone ims set-ims-service -s 0 -d -f 2 com.x" printed "false" instead of true') as string });
    expect(ctx.log.map((r) => r.exitCode)).toEqual([0, 0]);
  });

  it('best effort (restores): failures are reported and the rest still runs', async () => {
    const device = new FakeDevice().on('false', { stdout: '', exitCode: 1 }).on('true', '');
    const failures: unknown[] = [];
    await executeActions([shellAction(shellCommand('false')), shellAction(shellCommand('true')), shellAction(shellCommand('false'))], context(device), (e) => failures.push(e));
    expect(failures).toHaveLength(2);
  });

  it('root and remount with nothing to do are not sent (nor counted as stimuli)', async () => {
    const device = new FakeDevice().on('true', '');
    const ctx = context(device);
    ctx.session.rooted = true;
    ctx.session.remounted = true;
    await executeActions([{ kind: 'root' }, shellAction(shellCommand('true')), { kind: 'remount' }, shellAction(shellCommand('true'))], ctx);
    expect(sequences(device)).toHaveLength(1);
    expect(ctx.log).toHaveLength(2);
    expect(ctx.session.device.snapshot().total).toBe(1);
  });

  it('the observer\'s outcome words judge its broadcast: a reset is fine, a bad request or no receiver is an error naming the app', async () => {
    const reset = observerBroadcastCommand({ op: 'reset' });
    const ok = new FakeDevice().on('am broadcast', 'Broadcasting: Intent { act=org.imsrig.CONTROL }\nBroadcast completed: result=0, data="reset 2"\n');
    await expect(executeActions([shellAction(reset, 'observer-outcome')], context(ok))).resolves.toBeUndefined();
    const none = new FakeDevice().on('am broadcast', 'Broadcasting: Intent { act=org.imsrig.CONTROL }\nBroadcast completed: result=0\n');
    await expect(executeActions([shellAction(reset, 'observer-outcome')], context(none))).rejects.toMatchObject({ message: expect.stringContaining('no receiver of org.imsrig.observer ran') as string });
    const bad = new FakeDevice().on('am broadcast', 'Broadcast completed: result=0, data="bad-request op"\n');
    await expect(executeActions([shellAction(reset, 'observer-outcome')], context(bad))).rejects.toMatchObject({ message: expect.stringContaining('answered "bad-request op"') as string });
  });

  it('a staged observer app is pushed as the observer\'s own signed APK', async () => {
    const apks = new ApkCache();
    const bytes = await apks.bytesFor({ kind: 'observer-apk' });
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(bytes.equals((await apks.observerApk()).bytes)).toBe(true);
  });
});
