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

  private answer(line: string): { stdout: string; stderr?: string; exitCode?: number } {
    const key = [...this.replies.keys()].filter((p) => line.startsWith(p)).sort((a, b) => b.length - a.length)[0];
    const queue = key === undefined ? undefined : this.replies.get(key);
    const reply: Reply = queue === undefined || queue.length === 0 ? '' : queue.length > 1 ? (queue.shift() as Reply) : (queue[0] as Reply);
    return typeof reply === 'string' ? { stdout: reply } : reply;
  }

  shell(command: ShellCommand): Promise<ShellResult> {
    this.sent.push(command.line);
    // A command sequence (harness/adb commandSequence): answer each part, echo its status marker.
    const sequence = /; echo "([A-Za-z0-9_]+):\$\?"/.exec(command.line);
    if (sequence) {
      const marker = sequence[1] as string;
      const parts = command.line.split(`; echo "${marker}:$?"`).map((p) => p.replace(/^; /, '')).filter((p) => p !== '');
      const stdout = parts.map((p) => {
        this.sent.push(p);
        const r = this.answer(p);
        return `${r.stdout}${r.stdout === '' || r.stdout.endsWith('\n') ? '' : '\n'}${marker}:${r.exitCode ?? 0}\n`;
      }).join('');
      return Promise.resolve({ command: command.line, stdout, stderr: '', exitCode: 0, protocol: 'v2', durationMs: 0 });
    }
    const r = this.answer(command.line);
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
