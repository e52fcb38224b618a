import { formatDeviationList, readyLines } from '../run-virtual-device';

describe('ims-rig virtual-device output', () => {
  const ready = { serial: '127.0.0.1:5555', port: 5555, serverPort: 5037 };

  test('human lines: identity, the adb connect line, the server door line', () => {
    expect(readyLines(ready, { slots: 2, deviation: 'legacy-key-ignored', json: false })).toBe(
      'ims-rig reference device 127.0.0.1:5555 (Android 15 userdebug, 2 slots, deviation legacy-key-ignored)\n' +
        '  adb connect 127.0.0.1:5555\n' +
        '  adb server door 127.0.0.1:5037 (no adb needed: adbkit Adb.createClient({ port: 5037 }), or adb -P 5037)\n',
    );
    expect(readyLines({ ...ready, serverPort: undefined }, { slots: 1, json: false })).toBe(
      'ims-rig reference device 127.0.0.1:5555 (Android 15 userdebug, 1 slot)\n  adb connect 127.0.0.1:5555\n',
    );
  });

  test('--json: one ready line, serverPort null without a door', () => {
    expect(JSON.parse(readyLines({ ...ready, serverPort: undefined }, { slots: 1, json: true }))).toEqual({
      event: 'ready', serial: '127.0.0.1:5555', port: 5555, serverPort: null,
    });
    expect(readyLines(ready, { slots: 1, json: true }).trim().split('\n')).toHaveLength(1);
  });

  test('--list-deviations: name and description in two columns', () => {
    expect(formatDeviationList([{ name: 'ab', description: 'first' }, { name: 'abcd', description: 'second' }])).toBe('ab    first\nabcd  second\n');
  });
});
