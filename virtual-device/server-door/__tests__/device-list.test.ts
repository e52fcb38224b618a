import { formatDeviceList } from '../device-list';
import { encodeValue, fail, okayWith, RequestReader, SmartSocketFormatError } from '../smart-socket';

describe('formatDeviceList (adb transport.cpp append_transport)', () => {
  const online = { serial: '127.0.0.1:15555', state: 'device', product: 'sim_phone', model: 'SimPhone 1', device: 'simdev', transportId: 1 } as const;

  test('long form matches the line adb 29 prints, model sanitised', () => {
    // Observed from adb 29.0.6 (adb-protocol.md §2), with our model "SimPhone 1".
    expect(formatDeviceList([online], true)).toBe('127.0.0.1:15555        device product:sim_phone model:SimPhone_1 device:simdev transport_id:1\n');
  });

  test('short form is serial TAB state', () => {
    expect(formatDeviceList([online, { serial: '127.0.0.1:15557', state: 'offline', transportId: 2 }], false))
      .toBe('127.0.0.1:15555\tdevice\n127.0.0.1:15557\toffline\n');
  });

  test('an offline device without banner values lists only its id', () => {
    expect(formatDeviceList([{ serial: '127.0.0.1:1', state: 'offline', transportId: 7 }], true)).toBe('127.0.0.1:1            offline transport_id:7\n');
  });
});

describe('smart socket framing', () => {
  test('values are prefixed by 4 upper-case hex digits', () => {
    expect(encodeValue('0029').toString()).toBe('00040029');
    expect(okayWith('x'.repeat(255)).subarray(0, 8).toString()).toBe('OKAY00ff');
    expect(fail('closed').toString()).toBe('FAIL0006closed');
  });

  test('reads requests split anywhere and leaves the rest for the raw stream', () => {
    const reader = new RequestReader();
    reader.push(Buffer.from('000chost:ver'));
    expect(reader.next()).toBeUndefined();
    reader.push(Buffer.from('sion0005sync:RAW'));
    expect(reader.next()).toBe('host:version');
    expect(reader.next()).toBe('sync:');
    expect(Buffer.concat(reader.takeRest()).toString()).toBe('RAW');
  });

  test('garbage lengths are a format error', () => {
    for (const garbage of ['zzzzhost:version', '0000', 'GET / HTTP/1.1']) {
      const reader = new RequestReader();
      reader.push(Buffer.from(garbage));
      expect(() => reader.next()).toThrow(SmartSocketFormatError);
    }
  });
});
