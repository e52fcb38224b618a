/**
 * A scripted TargetDevice for the target tests: each shell command line gets the next of its
 * scripted replies (the last one repeats). Records every line it was sent.
 */
import { type ShellCommand, type ShellResult } from '../../adb';
import { type TargetDevice } from '../target-session';

export type Reply = string | { stdout: string; exitCode?: number; stderr?: string };

export class FakeDevice implements TargetDevice {
  readonly serial = 'fake-1';
  readonly sent: string[] = [];
  private readonly replies = new Map<string, Reply[]>();

  /** Replies to commands whose line starts with `prefix`, in order. */
  on(prefix: string, ...replies: Reply[]): this {
    this.replies.set(prefix, replies);
    return this;
  }

  shell(command: ShellCommand): Promise<ShellResult> {
    this.sent.push(command.line);
    const key = [...this.replies.keys()].filter((p) => command.line.startsWith(p)).sort((a, b) => b.length - a.length)[0];
    const queue = key === undefined ? undefined : this.replies.get(key);
    const reply: Reply = queue === undefined || queue.length === 0 ? '' : queue.length > 1 ? (queue.shift() as Reply) : (queue[0] as Reply);
    const r = typeof reply === 'string' ? { stdout: reply } : reply;
    return Promise.resolve({ command: command.line, stdout: r.stdout, stderr: r.stderr ?? '', exitCode: r.exitCode ?? 0, protocol: 'v2', durationMs: 0 });
  }

  push(): Promise<void> {
    this.sent.push('push');
    return Promise.resolve();
  }
  install(): never {
    throw new Error('not scripted');
  }
  uninstall(): never {
    throw new Error('not scripted');
  }
  root(): Promise<{ ok: boolean; alreadyRoot: boolean; message: string }> {
    return Promise.resolve({ ok: true, alreadyRoot: true, message: 'adbd is already running as root' });
  }
  remount(): Promise<{ ok: boolean; output: string }> {
    return Promise.resolve({ ok: true, output: 'remount succeeded' });
  }
  reboot(): Promise<void> {
    return Promise.resolve();
  }
}
