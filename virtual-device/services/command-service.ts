/**
 * Carries one device command (`shell:`, `shell,v2:`, `exec:`, `abb:`, `abb_exec:`) over a stream,
 * as adbd's daemon/shell_service.cpp does for a subprocess:
 * - raw (shell v1, exec, abb_exec): stdout and stderr merged, no exit status, stdin EOF only when
 *   the stream closes;
 * - shell protocol (shell v2, abb): stdout/stderr packets, close-stdin, then the exit packet
 *   before the stream closes (else the client loses the status: adb-protocol.md §7 pitfall 3);
 * - pty: what a terminal's line discipline adds: input echoed, CR read as LF, LF written as CRLF,
 *   stderr merged into stdout, ^D at the keyboard is end of input.
 */
import { type CommandOutput, type RunningCommand } from '../device/android-device';
import { type DeviceStream, type ServiceStarter, type StreamOutput } from './device-stream';
import { encodeExitPacket, encodeShellPacket, ShellPacketId, ShellPacketReader } from './shell-protocol';

export interface CommandStreamOptions {
  readonly framing: 'raw' | 'shell-protocol';
  readonly pty: boolean;
}

export type CommandLauncher = (out: CommandOutput) => RunningCommand;

const CTRL_D = 0x04;

export function commandService(launch: CommandLauncher, options: CommandStreamOptions): ServiceStarter {
  return (output) => new CommandStream(output, launch, options);
}

class CommandStream implements DeviceStream {
  private finished = false;
  private readonly packets: ShellPacketReader | undefined;
  private readonly command: RunningCommand;

  constructor(
    private readonly output: StreamOutput,
    launch: CommandLauncher,
    private readonly options: CommandStreamOptions,
  ) {
    this.packets = options.framing === 'shell-protocol' ? new ShellPacketReader() : undefined;
    const commandOutput: CommandOutput = {
      stdout: (data) => this.send(ShellPacketId.stdout, data),
      stderr: (data) => this.send(options.pty ? ShellPacketId.stdout : ShellPacketId.stderr, data),
    };
    this.command = launchSafely(launch, commandOutput);
    this.command.exit.then(
      (status) => this.exit(status),
      (e: unknown) => {
        this.send(ShellPacketId.stderr, `${e instanceof Error ? e.message : String(e)}\n`);
        this.exit(1);
      },
    );
  }

  onData(chunk: Buffer): void {
    if (this.finished) return;
    if (this.packets === undefined) {
      this.stdin(chunk);
      return;
    }
    for (const packet of this.packets.push(chunk)) {
      if (packet.id === ShellPacketId.stdin) this.stdin(packet.data);
      else if (packet.id === ShellPacketId.closeStdin) this.command.closeStdin();
      // windowSize: the simulated terminal has no size to change; other ids are not for the device.
    }
  }

  onClose(): void {
    if (this.finished) return;
    // The host went away before the command finished: adbd closes the subprocess's pty/socket,
    // which ends the process (SIGHUP), so the command is killed.
    this.finished = true;
    this.command.kill();
  }

  private stdin(data: Buffer): void {
    if (!this.options.pty) {
      this.command.writeStdin(data);
      return;
    }
    const eof = data.indexOf(CTRL_D);
    const typed = eof < 0 ? data : data.subarray(0, eof);
    if (typed.length > 0) {
      this.send(ShellPacketId.stdout, Buffer.from(typed.toString('latin1').replace(/\r\n?|\n/g, '\r\n'), 'latin1'), false);
      this.command.writeStdin(Buffer.from(typed.toString('latin1').replace(/\r\n?/g, '\n'), 'latin1'));
    }
    if (eof >= 0) this.command.closeStdin();
  }

  private send(id: number, data: Buffer | string, translate = true): void {
    if (this.finished || this.output.closed) return;
    let bytes = typeof data === 'string' ? Buffer.from(data) : data;
    if (bytes.length === 0) return;
    if (this.options.pty && translate) bytes = Buffer.from(bytes.toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
    this.output.write(this.packets === undefined ? bytes : encodeShellPacket(id, bytes));
  }

  private exit(status: number): void {
    if (this.finished) return;
    if (this.packets !== undefined && !this.output.closed) this.output.write(encodeExitPacket(status));
    this.finished = true;
    this.output.end();
  }
}

/** A command that throws while starting behaves like one that printed the error and failed. */
function launchSafely(launch: CommandLauncher, out: CommandOutput): RunningCommand {
  try {
    return launch(out);
  } catch (e) {
    out.stderr(`${e instanceof Error ? e.message : String(e)}\n`);
    return { writeStdin: () => undefined, closeStdin: () => undefined, kill: () => undefined, exit: Promise.resolve(1) };
  }
}
