import { commandService } from '../command-service';
import { encodeShellPacket, ShellPacketReader } from '../shell-protocol';
import { CollectingOutput, tick } from './collecting-output';
import { FakeAndroidDevice } from './fake-android-device';

function packets(bytes: Buffer): [number, string][] {
  return new ShellPacketReader().push(bytes).map((p) => [p.id, p.data.toString('latin1')]);
}

describe('command streams (shell_service.cpp semantics)', () => {
  test('shell protocol: stdout, stderr, then the exit packet, then end', async () => {
    const device = new FakeAndroidDevice();
    const output = new CollectingOutput();
    commandService((out) => device.runShell('ls /nope', out), { framing: 'shell-protocol', pty: false })(output);
    await tick();
    expect(packets(output.bytes())).toEqual([
      [2, 'ls: /nope: No such file or directory\n'],
      [3, '\x01'],
    ]);
    expect(output.ended).toBe(true);
  });

  test('raw: stderr merged into the byte stream, no exit status', async () => {
    const device = new FakeAndroidDevice();
    const output = new CollectingOutput();
    commandService((out) => device.runShell('nosuch', out), { framing: 'raw', pty: false })(output);
    await tick();
    expect(output.bytes().toString()).toBe('/system/bin/sh: nosuch: inaccessible or not found\n');
    expect(output.ended).toBe(true);
  });

  test('stdin packets reach the command; close-stdin is its EOF', async () => {
    const device = new FakeAndroidDevice();
    const output = new CollectingOutput();
    const stream = commandService((out) => device.runShell('cat', out), { framing: 'shell-protocol', pty: false })(output);
    await stream.onData(Buffer.concat([encodeShellPacket(0, Buffer.from('hel')), encodeShellPacket(0, Buffer.from('lo'))]).subarray(0, 7));
    await stream.onData(Buffer.concat([encodeShellPacket(0, Buffer.from('hel')), encodeShellPacket(0, Buffer.from('lo'))]).subarray(7));
    expect(output.ended).toBe(false);
    await stream.onData(encodeShellPacket(4, Buffer.alloc(0)));
    await tick();
    expect(packets(output.bytes())).toEqual([[1, 'hello'], [3, '\x00']]);
  });

  test('pty: input echoed with CRLF, output LF becomes CRLF, ^D ends input', async () => {
    const device = new FakeAndroidDevice();
    const output = new CollectingOutput();
    const stream = commandService((out) => device.runShell('cat', out), { framing: 'shell-protocol', pty: true })(output);
    await stream.onData(encodeShellPacket(0, Buffer.from('a\rb\n\x04')));
    await tick();
    expect(packets(output.bytes())).toEqual([[1, 'a\r\nb\r\n'], [1, 'a\r\nb\r\n'], [3, '\x00']]);
  });

  test('the host closing the stream kills a running command', () => {
    const device = new FakeAndroidDevice();
    const output = new CollectingOutput();
    let killed = false;
    const stream = commandService((out) => {
      const command = device.runShell('sleep 100', out);
      return { ...command, exit: command.exit, kill: () => { killed = true; command.kill(); } };
    }, { framing: 'raw', pty: false })(output);
    stream.onClose();
    expect(killed).toBe(true);
  });

  test('a command that throws on start fails like one that printed its error', async () => {
    const output = new CollectingOutput();
    commandService(() => { throw new Error('boom'); }, { framing: 'shell-protocol', pty: false })(output);
    await tick();
    expect(packets(output.bytes())).toEqual([[2, 'boom\n'], [3, '\x01']]);
  });
});
