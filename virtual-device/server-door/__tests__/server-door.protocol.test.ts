/**
 * adbkit pointed at the server door, with no adb server anywhere: the reference device must be
 * usable from Node alone (DESIGN.md "Real parts").
 */
import * as net from 'node:net';
import Adb from '@devicefarmer/adbkit';
import { freePort, startReferenceDevice, type StartedReferenceDevice } from '../../../harness/testing';
import { runAdbkitScenario } from '../../adbd/__tests__/adbkit-scenario';
import { FakeAndroidDevice } from '../../services/__tests__/fake-android-device';
import { type DeviceStream } from '../../services/device-stream';
import { startReferenceDeviceHost } from '../../host/reference-device-host';

jest.setTimeout(60_000);

/** Sends one smart-socket request and returns everything the door answers until it closes. */
function rawRequest(port: number, bytes: Buffer | string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const parts: Buffer[] = [];
    socket.on('data', (d: Buffer) => parts.push(d));
    socket.on('close', () => resolve(Buffer.concat(parts)));
    socket.on('error', reject);
    socket.write(bytes);
  });
}

const frame = (request: string): string => `${request.length.toString(16).padStart(4, '0')}${request}`;

describe('server door with adbkit and no adb server', () => {
  let device: FakeAndroidDevice;
  let reference: StartedReferenceDevice;
  const client = (): ReturnType<typeof Adb.createClient> =>
    Adb.createClient({ host: '127.0.0.1', port: reference.serverPort!, bin: '/nonexistent/adb-must-not-be-started' });

  beforeEach(async () => {
    device = new FakeAndroidDevice({ bootMs: 100 });
    reference = await startReferenceDevice({ createDevice: () => device });
  });

  afterEach(async () => {
    await reference.stop();
  });

  test('the adbkit scenario (list, shell, properties, push, pull, install...) works through the door', async () => {
    expect(await client().version()).toBe(41);
    await runAdbkitScenario(client(), reference.serial, device);
  });

  test('getState, getSerialNo, features and the tport transport id', async () => {
    const phone = client().getDevice(reference.serial);
    expect(await phone.getState()).toBe('device');
    // (adbkit's getSerialNo sends get-devpath by mistake; ask get-serialno directly.)
    expect((await rawRequest(reference.serverPort!, frame(`host-serial:${reference.serial}:get-serialno`))).toString())
      .toBe(`OKAY${reference.serial.length.toString(16).padStart(4, '0')}${reference.serial}`);
    expect(await phone.getDevicePath()).toBe('unknown');
    const features = await rawRequest(reference.serverPort!, frame(`host-serial:${reference.serial}:features`));
    expect(features.toString()).toMatch(/^OKAY[0-9a-f]{4}shell_v2,cmd,stat_v2,ls_v2,fixed_push_mkdir,apex,abb,fixed_push_symlink_timestamp,abb_exec,remount_shell$/);
    const tport = await new Promise<Buffer>((resolve) => {
      const socket = net.connect(reference.serverPort!, '127.0.0.1', () => socket.write(frame(`host:tport:serial:${reference.serial}`)));
      socket.once('data', (d: Buffer) => {
        resolve(d);
        socket.destroy();
      });
    });
    expect(tport.subarray(0, 4).toString()).toBe('OKAY');
    expect(tport.readBigUInt64LE(4)).toBe(1n);
    expect((await rawRequest(reference.serverPort!, frame('host-serial:127.0.0.1:1:get-state'))).toString()).toBe("FAIL001edevice '127.0.0.1:1' not found");
  });

  test('trackDevices reports the device, its reboot (offline) and its return', async () => {
    const changes: string[] = [];
    const tracker = await client().trackDevices();
    tracker.on('change', (d: { id: string; type: string }) => changes.push(`${d.id} ${d.type}`));
    const until = async (wanted: string): Promise<void> => {
      while (!changes.includes(wanted)) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    expect(await client().getDevice(reference.serial).reboot()).toBe(true);
    await until(`${reference.serial} offline`);
    await until(`${reference.serial} device`);
    expect(changes).toEqual([`${reference.serial} offline`, `${reference.serial} device`]);
    tracker.end();
  });

  test('root restarts adbd, remount answers the device text, shell works after', async () => {
    const phone = client().getDevice(reference.serial);
    expect(await phone.root()).toBe(true);
    expect(await phone.remount()).toBe(true);
    expect((await Adb.util.readAll(await phone.shell('id'))).toString()).toContain('uid=0(root)');
  });

  test('forward bookkeeping, and forwarded connections reach a device port or are refused', async () => {
    // A host of our own, to reach the device's socket table: device port 7000 echoes in upper case.
    const host = await startReferenceDeviceHost({ devices: [{ port: 0, createDevice: () => new FakeAndroidDevice() }], serverPort: 0 });
    try {
      const [hosted] = host.devices;
      const serial = hosted!.serial;
      hosted!.endpoint.sockets.listen(7000, (output): DeviceStream => ({
        onData: (chunk) => void output.write(Buffer.from(chunk.toString().toUpperCase())),
        onClose: () => undefined,
      }));
      const phone = Adb.createClient({ host: '127.0.0.1', port: host.serverPort!, bin: '/nonexistent/adb' }).getDevice(serial);
      const [echoPort, deadPort] = [await freePort(), await freePort()];
      expect(await phone.forward(`tcp:${echoPort}`, 'tcp:7000')).toBe(true);
      expect(await phone.forward(`tcp:${deadPort}`, 'tcp:7001')).toBe(true);
      expect(await phone.listForwards()).toEqual([
        { serial, local: `tcp:${echoPort}`, remote: 'tcp:7000' },
        { serial, local: `tcp:${deadPort}`, remote: 'tcp:7001' },
      ]);
      const echoed = await new Promise<string>((resolve) => {
        const socket = net.connect(echoPort, '127.0.0.1', () => socket.write('hello'));
        socket.on('data', (data: Buffer) => {
          resolve(data.toString());
          socket.destroy();
        });
      });
      expect(echoed).toBe('HELLO');
      // Nothing listens on device port 7001: the device refuses tcp:7001 and the connection closes.
      const refused = await rawRequest(deadPort, 'anything');
      expect(refused.length).toBe(0);
      // tcp:0 resolves a port and reports it after the two OKAYs.
      const resolved = (await rawRequest(host.serverPort!, frame(`host-serial:${serial}:forward:tcp:0;tcp:7000`))).toString();
      expect(resolved).toMatch(/^OKAYOKAY[0-9a-f]{4}\d+$/);
      expect((await rawRequest(host.serverPort!, frame(`host-serial:${serial}:forward:norebind:tcp:${echoPort};tcp:7002`))).toString())
        .toBe('FAIL001dcannot rebind existing socket');
      expect((await rawRequest(host.serverPort!, frame(`host-serial:${serial}:killforward:tcp:${echoPort}`))).toString()).toBe('OKAYOKAY');
      expect((await phone.listForwards()).map((f) => f.remote)).toEqual(['tcp:7001', 'tcp:7000']);
      expect((await rawRequest(host.serverPort!, frame('host:killforward-all'))).toString()).toBe('OKAYOKAY');
      expect(await phone.listForwards()).toEqual([]);
      expect((await rawRequest(host.serverPort!, frame(`host-serial:${serial}:killforward:tcp:${echoPort}`))).toString())
        .toBe(`FAIL${(`listener 'tcp:${echoPort}' not found`).length.toString(16).padStart(4, '0')}listener 'tcp:${echoPort}' not found`);
    } finally {
      await host.stop();
    }
  });

  test('connect and disconnect answer like adb and hide or show the device', async () => {
    const [host, port] = reference.serial.split(':');
    expect(await client().connect(host!, Number(port))).toBe(reference.serial);
    expect(await client().disconnect(host!, Number(port))).toBeDefined();
    expect(await client().listDevices()).toEqual([]);
    expect((await rawRequest(reference.serverPort!, frame(`host:connect:${reference.serial}`))).toString()).toMatch(/^OKAY[0-9a-f]{4}connected to /);
    expect((await rawRequest(reference.serverPort!, frame(`host:connect:${reference.serial}`))).toString()).toMatch(/already connected to /);
    expect((await rawRequest(reference.serverPort!, frame('host:connect:127.0.0.1:1'))).toString()).toContain("failed to connect to '127.0.0.1:1'");
    expect(await client().listDevices()).toEqual([{ id: reference.serial, type: 'device' }]);
  });

  test('garbage and refused services do not hurt the door', async () => {
    expect((await rawRequest(reference.serverPort!, 'zzzzhost:version')).length).toBe(0);
    expect((await rawRequest(reference.serverPort!, 'GET / HTTP/1.1\r\n\r\n')).length).toBe(0);
    expect((await rawRequest(reference.serverPort!, frame('host:nonsense'))).toString()).toMatch(/^FAIL/);
    expect((await rawRequest(reference.serverPort!, frame(`host:transport:${reference.serial}`) + frame('jdwp:1'))).toString()).toBe('OKAYFAIL0006closed');
    expect((await client().getDevice(reference.serial).getState())).toBe('device');
  });
});
