/**
 * A broken or hostile host must not crash the device: adb's check_header closes the connection
 * on bad magic or oversize payloads, and packets for unknown or closed streams are ignored. After
 * each abuse, a fresh connection is served normally.
 */
import { startReferenceDevice, type StartedReferenceDevice } from '../../../harness/testing';
import { FakeAndroidDevice } from '../../services/__tests__/fake-android-device';
import { byteSum, Command, encodePacket, MAX_PAYLOAD } from '../packet';
import { RawAdbClient } from './raw-adb-client';

jest.setTimeout(30_000);

describe('adbd under malformed input', () => {
  let reference: StartedReferenceDevice;
  const clients: RawAdbClient[] = [];
  const connect = async (): Promise<RawAdbClient> => {
    const client = await RawAdbClient.connect(reference.port);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    reference = await startReferenceDevice({ createDevice: () => new FakeAndroidDevice(), serverDoor: false });
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    // Still serving after the abuse: a well-behaved host gets its answer.
    const healthy = await RawAdbClient.connect(reference.port);
    await healthy.handshake();
    expect((await healthy.run(1, 'shell:echo ok')).output.toString()).toBe('ok\n');
    healthy.close();
    await reference.stop();
  });

  test('CNXN answered without AUTH: banner, features, negotiated version and maxdata', async () => {
    const client = await connect();
    const cnxn = await client.handshake(0x01000001, 256 * 1024);
    expect(cnxn.arg0).toBe(0x01000001);
    expect(cnxn.arg1).toBe(256 * 1024);
    expect(cnxn.payload.toString()).toBe(
      'device::ro.product.name=ims_rig_fake;ro.product.model=Fake Phone;ro.product.device=fake;' +
        'features=shell_v2,cmd,stat_v2,ls_v2,fixed_push_mkdir,apex,abb,fixed_push_symlink_timestamp,abb_exec,remount_shell',
    );
  });

  test('an old host gets data_check byte sums and WRTEs no larger than its maxdata', async () => {
    const client = await connect();
    const cnxn = await client.handshake(0x01000000, 4096);
    expect(cnxn.arg1).toBe(4096);
    // The header's data_check (offset 16) of the next WRTE must be the payload's byte sum.
    const raw: Buffer[] = [];
    client.socket.on('data', (chunk: Buffer) => raw.push(chunk));
    (reference.device as FakeAndroidDevice).fs.writeFile('/data/local/tmp/big', Buffer.alloc(9000, 'x'), 0o644, 0);
    const { output } = await client.run(3, 'shell:cat /data/local/tmp/big');
    expect(output.toString()).toBe('x'.repeat(9000));
    const firstWrite = Buffer.concat(raw);
    const at = firstWrite.indexOf(Buffer.from('WRTE'));
    expect(at).toBeGreaterThanOrEqual(0);
    const length = firstWrite.readUInt32LE(at + 12);
    expect(length).toBeLessThanOrEqual(4096);
    expect(firstWrite.readUInt32LE(at + 16)).toBe(byteSum(firstWrite.subarray(at + 24, at + 24 + length)));
  });

  test('packets before CNXN are ignored', async () => {
    const client = await connect();
    client.send(Command.OPEN, 1, 0, 'shell:echo early\0');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(client.packets).toEqual([]);
    await client.handshake();
    expect((await client.run(2, 'shell:echo later')).output.toString()).toBe('later\n');
  });

  test('bad magic closes the connection', async () => {
    const client = await connect();
    await client.handshake();
    const bad = encodePacket(Command.OPEN, 1, 0, Buffer.from('shell:echo x\0'), 0x01000001);
    bad.writeUInt32LE(0x12345678, 20);
    client.sendBytes(bad);
    expect(await client.closedWithin(2_000)).toBe(true);
  });

  test('a payload length over the maximum closes the connection', async () => {
    const client = await connect();
    await client.handshake();
    const header = encodePacket(Command.WRTE, 1, 1, undefined, 0x01000001);
    header.writeUInt32LE(MAX_PAYLOAD + 1, 12);
    client.sendBytes(header);
    expect(await client.closedWithin(2_000)).toBe(true);
  });

  test('unknown stream ids, WRTE to a closed stream and a double CLSE are ignored', async () => {
    const client = await connect();
    await client.handshake();
    client.send(Command.OKAY, 9, 4242);
    client.send(Command.WRTE, 9, 4242, 'nobody home');
    client.send(Command.CLSE, 9, 4242);
    client.send(Command.CLSE, 0, 0);
    // A stream that the device finished and closed.
    const done = await client.run(5, 'shell:echo done');
    expect(done.output.toString()).toBe('done\n');
    client.send(Command.WRTE, 5, 1, 'late data');
    client.send(Command.CLSE, 5, 1);
    client.send(Command.CLSE, 5, 1);
    // A stream the host closes while the command runs: the device echoes CLSE once.
    client.send(Command.OPEN, 7, 0, 'shell:sleep 5\0');
    const okay = await client.next((p) => p.command === Command.OKAY && p.arg1 === 7);
    client.send(Command.CLSE, 7, okay.arg0);
    client.send(Command.CLSE, 7, okay.arg0);
    await client.next((p) => p.command === Command.CLSE && p.arg1 === 7);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(client.packets.filter((p) => p.arg1 === 7 || p.arg1 === 9)).toEqual([]);
    expect((await client.run(11, 'shell:echo alive')).output.toString()).toBe('alive\n');
  });

  test('unknown services are refused with CLSE(0, id)', async () => {
    const client = await connect();
    await client.handshake();
    expect(await client.run(13, 'foo:bar')).toEqual({ refused: true, output: Buffer.alloc(0) });
    client.send(Command.OPEN, 0, 0, 'shell:echo zero id\0');
    expect((await client.run(15, 'shell:echo next')).output.toString()).toBe('next\n');
  });

  test('a truncated header and then a close', async () => {
    const client = await connect();
    await client.handshake();
    client.sendBytes(encodePacket(Command.OPEN, 1, 0, Buffer.from('shell:echo\0'), 0x01000001).subarray(0, 10));
    client.socket.end();
    expect(await client.closedWithin(2_000)).toBe(true);
  });

  test('a device that fails while answering closes that connection, not the process', async () => {
    const device = reference.device as FakeAndroidDevice;
    const original = device.bannerProps.bind(device);
    device.bannerProps = () => {
      throw new Error('props unavailable');
    };
    const client = await connect();
    client.send(Command.CNXN, 0x01000001, MAX_PAYLOAD, 'host::\0');
    expect(await client.closedWithin(2_000)).toBe(true);
    device.bannerProps = original;
  });

  test('a host that connects and leaves without CNXN (adb\'s duplicate connect)', async () => {
    const client = await connect();
    client.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
});
