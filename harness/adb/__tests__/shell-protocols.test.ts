import { encodeShellV2Packet, SHELL_V2_ID, ShellV2Decoder } from '../shell-v2';
import { newExitMarker, parseShellV1Output } from '../shell-v1';

describe('ShellV2Decoder', () => {
  // The device side of `shell,v2,raw:echo hi` as adb-protocol.md §7 logged it: [01 03000000 "hi\n"] … [03 01000000 00]
  const stream = Buffer.concat([
    encodeShellV2Packet(SHELL_V2_ID.stdout, Buffer.from('hi\n')),
    encodeShellV2Packet(SHELL_V2_ID.stderr, Buffer.from('warning\n')),
    encodeShellV2Packet(SHELL_V2_ID.stdout, Buffer.from('more\n')),
    encodeShellV2Packet(SHELL_V2_ID.exit, Buffer.from([3])),
  ]);

  it('routes stdout and stderr and reads the exit byte', () => {
    const decoder = new ShellV2Decoder();
    decoder.push(stream);
    const out = decoder.result();
    expect(out.stdout.toString()).toBe('hi\nmore\n');
    expect(out.stderr.toString()).toBe('warning\n');
    expect(out.exitCode).toBe(3);
    expect(decoder.exited).toBe(true);
  });

  it('reassembles packets split at every byte boundary', () => {
    const decoder = new ShellV2Decoder();
    for (let i = 0; i < stream.length; i++) decoder.push(stream.subarray(i, i + 1));
    expect(decoder.result()).toEqual({ stdout: Buffer.from('hi\nmore\n'), stderr: Buffer.from('warning\n'), exitCode: 3 });
  });

  it('reports a stream cut before the exit packet as exitCode null', () => {
    const decoder = new ShellV2Decoder();
    decoder.push(stream.subarray(0, stream.length - 3));
    expect(decoder.result().exitCode).toBeNull();
    expect(decoder.incompleteBytes).toBeGreaterThan(0);
  });

  it('streams data to a listener as it is decoded', () => {
    const seen: string[] = [];
    const decoder = new ShellV2Decoder((s, d) => seen.push(`${s}:${d.toString()}`));
    decoder.push(stream);
    expect(seen).toEqual(['stdout:hi\n', 'stderr:warning\n', 'stdout:more\n']);
  });

  it('frames close-stdin as the 5-byte packet adb sends for non-tty stdin', () => {
    expect(encodeShellV2Packet(SHELL_V2_ID.closeStdin)).toEqual(Buffer.from([4, 0, 0, 0, 0]));
  });
});

describe('parseShellV1Output', () => {
  const marker = newExitMarker();

  it('recovers the exit status echoed after the output', () => {
    expect(parseShellV1Output(`Success\n${marker}0\n`, marker)).toEqual({ output: 'Success\n', exitCode: 0 });
    expect(parseShellV1Output(`/system/bin/sh: nosuch: not found\n${marker}127\n`, marker)).toEqual({ output: '/system/bin/sh: nosuch: not found\n', exitCode: 127 });
  });

  it('handles output without a trailing newline and CRLF (pty devices)', () => {
    expect(parseShellV1Output(`x${marker}1\r\n`, marker)).toEqual({ output: 'x', exitCode: 1 });
  });

  it('reports a missing marker (stream cut) as exitCode null', () => {
    expect(parseShellV1Output('partial output', marker).exitCode).toBeNull();
  });

  it('makes markers that differ per call', () => {
    expect(newExitMarker()).not.toBe(newExitMarker());
    expect(marker).toMatch(/^[A-Za-z0-9_]+$/);
  });
});
