import { parseHostRequest, parseTransportSwitch } from '../host-request';

describe('parseHostRequest (adb sockets.cpp parse_host_service)', () => {
  test('host: requests have no selector', () => {
    expect(parseHostRequest('host:version')).toEqual({ selector: undefined, command: 'version' });
    expect(parseHostRequest('host:tport:serial:127.0.0.1:5555')).toEqual({ selector: undefined, command: 'tport:serial:127.0.0.1:5555' });
  });

  test('host-serial: with a network serial keeps the port in the serial', () => {
    expect(parseHostRequest('host-serial:127.0.0.1:40123:features')).toEqual({
      selector: { kind: 'serial', serial: '127.0.0.1:40123' }, command: 'features',
    });
    expect(parseHostRequest('host-serial:127.0.0.1:40123:forward:tcp:1;tcp:2')).toEqual({
      selector: { kind: 'serial', serial: '127.0.0.1:40123' }, command: 'forward:tcp:1;tcp:2',
    });
  });

  test('host-serial: with a plain serial', () => {
    expect(parseHostRequest('host-serial:emulator-5554:get-state')).toEqual({
      selector: { kind: 'serial', serial: 'emulator-5554' }, command: 'get-state',
    });
  });

  test('transport-id, usb and local prefixes', () => {
    expect(parseHostRequest('host-transport-id:3:features')).toEqual({ selector: { kind: 'id', id: 3 }, command: 'features' });
    expect(parseHostRequest('host-usb:get-state')).toEqual({ selector: { kind: 'usb' }, command: 'get-state' });
    expect(parseHostRequest('host-local:get-state')).toEqual({ selector: { kind: 'local' }, command: 'get-state' });
  });

  test('device services are not host requests', () => {
    expect(parseHostRequest('shell:echo hi')).toBeUndefined();
    expect(parseHostRequest('sync:')).toBeUndefined();
  });
});

describe('parseTransportSwitch', () => {
  test('tport forms carry the transport id in the reply, transport forms do not', () => {
    expect(parseTransportSwitch('tport:serial:127.0.0.1:5555')).toEqual({ selector: { kind: 'serial', serial: '127.0.0.1:5555' }, withId: true });
    expect(parseTransportSwitch('tport:any')).toEqual({ selector: { kind: 'any' }, withId: true });
    expect(parseTransportSwitch('transport:127.0.0.1:5555')).toEqual({ selector: { kind: 'serial', serial: '127.0.0.1:5555' }, withId: false });
    expect(parseTransportSwitch('transport-any')).toEqual({ selector: { kind: 'any' }, withId: false });
    expect(parseTransportSwitch('transport-id:2')).toEqual({ selector: { kind: 'id', id: 2 }, withId: false });
    expect(parseTransportSwitch('devices')).toBeUndefined();
    expect(parseTransportSwitch('tport:bogus')).toBeUndefined();
  });
});
