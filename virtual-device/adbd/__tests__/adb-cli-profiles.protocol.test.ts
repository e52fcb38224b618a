/**
 * The feature list drives which path adb 29 takes (adb-protocol.md §2, §6): with `cmd` but no
 * `abb_exec`, installs stream through `exec:cmd package`; with no features at all, shells are raw
 * v1 (no exit status, stderr merged), sync uses v1 STAT/LIST, installs push then run `pm`.
 * Also: two devices served at once from one process.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeWithAdb, type PrivateAdbServer, startPrivateAdbServer, startReferenceDevice, type StartedReferenceDevice } from '../../../harness/testing';
import { startReferenceDeviceHost } from '../../host/reference-device-host';
import { FakeAndroidDevice } from '../../services/__tests__/fake-android-device';

jest.setTimeout(120_000);

async function withDevice(
  features: readonly string[],
  body: (context: { device: FakeAndroidDevice; reference: StartedReferenceDevice; server: PrivateAdbServer; work: string }) => Promise<void>,
): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-adbd-'));
  const device = new FakeAndroidDevice();
  const reference = await startReferenceDevice({ createDevice: () => device, features, serverDoor: false });
  const server = await startPrivateAdbServer();
  try {
    await server.connect(reference.serial);
    await body({ device, reference, server, work });
  } finally {
    await server.stop();
    await reference.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function writeApk(dir: string, packageName: string): string {
  const apk = path.join(dir, `${packageName}.apk`);
  fs.writeFileSync(apk, Buffer.concat([Buffer.from(`package:${packageName}\n`), crypto.randomBytes(2048)]));
  return apk;
}

describeWithAdb('adbd feature profiles through adb 29', () => {
  test('cmd only: streamed install through exec:cmd package, remount through the remount: service', async () => {
    await withDevice(['shell_v2', 'cmd', 'stat_v2', 'ls_v2', 'fixed_push_mkdir'], async ({ device, reference, server, work }) => {
      const apk = writeApk(work, 'com.example.cmd');
      const install = await server.adb(['-s', reference.serial, 'install', apk]);
      expect(install.stdout).toContain('Success');
      expect(device.commandLog).toContain(`cmd package 'install' -S ${fs.statSync(apk).size}`);
      expect(device.packages.has('com.example.cmd')).toBe(true);
      // Without remount_shell, `adb remount` opens `remount:` and prints adbd's answer.
      const remount = await server.adb(['-s', reference.serial, 'remount']);
      expect(remount.stdout + remount.stderr).toContain('Not running as root. Try "adb root" first.');
      expect((await server.adb(['-s', reference.serial, 'shell', 'exit 4'])).code).toBe(4);
    });
  });

  test('no features: shell v1 (no status, stderr merged), sync v1, push + pm install', async () => {
    await withDevice([], async ({ device, reference, server, work }) => {
      const adbS = (args: string[]): ReturnType<PrivateAdbServer['adb']> => server.adb(['-s', reference.serial, ...args]);
      expect((await adbS(['shell', 'exit 3'])).code).toBe(0);
      const missing = await adbS(['shell', 'nosuchcommand']);
      expect(missing).toMatchObject({ code: 0, stdout: '/system/bin/sh: nosuchcommand: inaccessible or not found\n' });

      const file = path.join(work, 'small.bin');
      const content = crypto.randomBytes(300_000);
      fs.writeFileSync(file, content);
      expect((await adbS(['push', file, '/data/local/tmp/small.bin'])).code).toBe(0);
      const pulled = path.join(work, 'pulled.bin');
      expect((await adbS(['pull', '/data/local/tmp/small.bin', pulled])).code).toBe(0);
      expect(fs.readFileSync(pulled).equals(content)).toBe(true);
      expect((await adbS(['ls', '/data/local/tmp'])).stdout).toMatch(/ small\.bin$/m);

      const apk = writeApk(work, 'com.example.legacy');
      const install = await adbS(['install', apk]);
      expect(install.stdout).toContain('Success');
      expect(device.commandLog).toContain("pm 'install' '/data/local/tmp/com.example.legacy.apk'");
      expect(device.packages.has('com.example.legacy')).toBe(true);
      // The client removes the pushed copy afterwards.
      expect(device.fs.stat('/data/local/tmp/com.example.legacy.apk')).toBe(2);
    });
  });

  test('two devices in one process, each with its own identity', async () => {
    const first = new FakeAndroidDevice();
    const second = new FakeAndroidDevice();
    second.props['ro.product.model'] = 'Second';
    second.props['ro.product.name'] = 'second_phone';
    const host = await startReferenceDeviceHost({
      devices: [{ port: 0, createDevice: () => first }, { port: 0, createDevice: () => second }],
    });
    const server = await startPrivateAdbServer();
    try {
      const [a, b] = host.devices;
      await server.connect(a!.serial);
      await server.connect(b!.serial);
      const list = (await server.adb(['devices', '-l'])).stdout;
      expect(list).toContain(`${a!.serial.padEnd(22)} device product:ims_rig_fake model:Fake_Phone`);
      expect(list).toContain(`${b!.serial.padEnd(22)} device product:second_phone model:Second`);
      const [fromA, fromB] = await Promise.all([
        server.adb(['-s', a!.serial, 'shell', 'getprop', 'ro.product.model']),
        server.adb(['-s', b!.serial, 'shell', 'getprop', 'ro.product.model']),
      ]);
      expect([fromA.stdout, fromB.stdout]).toEqual(['Fake Phone\n', 'Second\n']);
    } finally {
      await server.stop();
      await host.stop();
    }
  });
});
