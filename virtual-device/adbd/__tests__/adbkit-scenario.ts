/**
 * What adbkit 3.x does with a device, as a reusable test body: run through a real adb server
 * (adbd front door) and with no adb server at all (the server door). Every call is one adbkit
 * makes on its own (adb-protocol.md §6 "From adbkit").
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import Adb, { type Client } from '@devicefarmer/adbkit';
import { type FakeAndroidDevice } from '../../services/__tests__/fake-android-device';

/**
 * Listeners go on inside adbkit's own (Bluebird) `then`: a FAIL can come back before an `await`
 * continuation runs, and adbkit emits 'error' then 'end' on the transfer.
 */
function transferDone(started: PromiseLike<NodeJS.EventEmitter>): Promise<void> {
  return new Promise((resolve, reject) => {
    void started.then((transfer) => {
      transfer.on('error', reject);
      transfer.on('end', resolve);
    }, reject);
  });
}

function pullBytes(started: PromiseLike<NodeJS.EventEmitter>): Promise<Buffer> {
  const parts: Buffer[] = [];
  return new Promise((resolve, reject) => {
    void started.then((transfer) => {
      transfer.on('data', (chunk: Buffer) => parts.push(chunk));
      transfer.on('error', reject);
      transfer.on('end', () => resolve(Buffer.concat(parts)));
    }, reject);
  });
}

export async function runAdbkitScenario(client: Client, serial: string, device: FakeAndroidDevice): Promise<void> {
  const listed = await client.listDevices();
  expect(listed).toContainEqual({ id: serial, type: 'device' });
  const withPaths = await client.listDevicesWithPaths();
  // adbkit assumes a `usb:` path column, so for network devices its fields shift by one
  // (adb-protocol.md §7 pitfall 9): a real adb server shows the same.
  expect(withPaths).toContainEqual(expect.objectContaining({ id: serial, type: 'device', path: 'product:ims_rig_fake' }));

  const phone = client.getDevice(serial);
  expect((await Adb.util.readAll(await phone.shell('getprop ro.product.model'))).toString()).toBe('Fake Phone\n');
  expect((await Adb.util.readAll(await phone.shell(['echo', 'a b', "it's"]))).toString()).toBe("a b it's\n");
  expect(await phone.getProperties()).toMatchObject({ 'ro.product.model': 'Fake Phone', 'ro.build.version.sdk': '35' });
  expect(await phone.getFeatures()).toEqual({ 'android.hardware.telephony': true });

  // push from a byte stream (not Readable.from([buf]): that is objectMode and sends one oversize DATA).
  const payload = crypto.randomBytes(300_000);
  const byteStream = new PassThrough();
  byteStream.end(payload);
  await transferDone(phone.push(byteStream, '/data/local/tmp/adbkit.bin'));
  expect((device.fs.readFile('/data/local/tmp/adbkit.bin') as Buffer).equals(payload)).toBe(true);
  // An objectMode stream hands adbkit one 300 KB chunk: one oversize DATA, which adbd refuses
  // (adb-protocol.md §7 pitfall 8).
  const pushSync = await phone.syncService();
  await expect(transferDone(Promise.resolve(pushSync.push(Readable.from([payload]), '/data/local/tmp/objmode.bin')))).rejects.toThrow(/oversize data message/);
  pushSync.end();
  expect(device.fs.stat('/data/local/tmp/objmode.bin')).toBe(2);

  const stat = await phone.stat('/data/local/tmp/adbkit.bin');
  expect(stat.size).toBe(payload.length);
  expect(stat.isFile()).toBe(true);
  expect((await phone.readdir('/data/local/tmp')).map((e) => e.name)).toContain('adbkit.bin');
  expect((await pullBytes(phone.pull('/data/local/tmp/adbkit.bin'))).equals(payload)).toBe(true);
  // On FAIL adbkit ends the pull transfer first and emits the error after: wait for the error.
  const sync = await phone.syncService();
  const failed = sync.pull('/data/local/tmp/missing');
  failed.resume();
  await expect(new Promise((_, reject) => failed.on('error', reject))).rejects.toThrow(/open failed: No such file or directory/);
  sync.end();

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-adbkit-'));
  try {
    const apk = path.join(work, 'kit.apk');
    fs.writeFileSync(apk, Buffer.concat([Buffer.from('package:com.example.kit\n'), crypto.randomBytes(5000)]));
    expect(await phone.install(apk)).toBe(true);
    expect(device.commandLog).toContain('pm install -r "/data/local/tmp/kit.apk"');
    expect(await phone.isInstalled('com.example.kit')).toBe(true);
    expect(await phone.uninstall('com.example.kit')).toBe(true);
    expect(await phone.isInstalled('com.example.kit')).toBe(false);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
