import { deviceBanner, sanitizeBannerValue } from '../banner';
import { A_VERSION, A_VERSION_MIN, byteSum, Command, encodePacket, HEADER_LENGTH, MAX_PAYLOAD } from '../packet';
import { PacketFormatError, PacketReader } from '../packet-reader';

describe('adb packet codec (protocol.txt, adb.h)', () => {
  test('header: six little-endian u32 with magic = command ^ 0xffffffff', () => {
    const packet = encodePacket(Command.OKAY, 1, 7, undefined, A_VERSION);
    expect(packet.length).toBe(HEADER_LENGTH);
    expect(packet.subarray(0, 4).toString('latin1')).toBe('OKAY');
    expect(packet.readUInt32LE(4)).toBe(1);
    expect(packet.readUInt32LE(8)).toBe(7);
    expect(packet.readUInt32LE(12)).toBe(0);
    expect(packet.readUInt32LE(20)).toBe((Command.OKAY ^ 0xffffffff) >>> 0);
  });

  test('data_check is the byte sum for hosts older than A_VERSION_SKIP_CHECKSUM, else 0', () => {
    const payload = Buffer.from([1, 2, 250]);
    expect(byteSum(payload)).toBe(253);
    expect(encodePacket(Command.WRTE, 1, 2, payload, A_VERSION_MIN).readUInt32LE(16)).toBe(253);
    expect(encodePacket(Command.WRTE, 1, 2, payload, A_VERSION).readUInt32LE(16)).toBe(0);
  });

  test('the reader frames packets split across TCP chunks', () => {
    const a = encodePacket(Command.OPEN, 5, 0, Buffer.from('shell:ls\0'), A_VERSION);
    const b = encodePacket(Command.CLSE, 5, 1, undefined, A_VERSION);
    const stream = Buffer.concat([a, b]);
    const reader = new PacketReader();
    const got = [];
    for (let i = 0; i < stream.length; i += 7) {
      reader.push(stream.subarray(i, i + 7));
      for (let p = reader.next(); p !== undefined; p = reader.next()) got.push(p);
    }
    expect(got.map((p) => [p.command, p.arg0, p.arg1, p.payload.toString()])).toEqual([
      [Command.OPEN, 5, 0, 'shell:ls\0'],
      [Command.CLSE, 5, 1, ''],
    ]);
  });

  test('check_header: bad magic and oversize payloads are format errors', () => {
    const bad = encodePacket(Command.OPEN, 1, 0, undefined, A_VERSION);
    bad.writeUInt32LE(0, 20);
    const badMagic = new PacketReader();
    badMagic.push(bad);
    expect(() => badMagic.next()).toThrow(PacketFormatError);

    const huge = encodePacket(Command.WRTE, 1, 1, undefined, A_VERSION);
    huge.writeUInt32LE(MAX_PAYLOAD + 1, 12);
    const oversize = new PacketReader();
    oversize.push(huge);
    expect(() => oversize.next()).toThrow(/exceeds/);
  });
});

describe('CNXN banner (adb.cpp get_connection_string)', () => {
  test('device::name;model;device;features', () => {
    const banner = deviceBanner({ 'ro.product.name': 'p', 'ro.product.model': 'M 1', 'ro.product.device': 'd' }, ['shell_v2', 'cmd']);
    expect(banner.toString()).toBe('device::ro.product.name=p;ro.product.model=M 1;ro.product.device=d;features=shell_v2,cmd');
  });

  test('values cannot break the host parser', () => {
    expect(sanitizeBannerValue('a:b;c=d\ne')).toBe('a_b_c_d_e');
    const long = deviceBanner({ 'ro.product.name': 'x'.repeat(10_000), 'ro.product.model': 'm', 'ro.product.device': 'd' }, []);
    expect(long.length).toBeLessThanOrEqual(4096);
  });
});
