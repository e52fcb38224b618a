/**
 * Starting the reference device as a child process when a run has no other target:
 * `node <root>/bin/ims-rig.js virtual-device --port 0 --server-port 0 --json [...]`, whose first
 * JSON line is `{"event":"ready","serial":"127.0.0.1:<port>","port":<port>,"serverPort":<n|null>}`.
 * The child is stopped afterwards, and killed if this process is interrupted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { waitForExit } from '../adb/host-process';
import { AdbError, TimeoutError, UsageError } from '../errors';
import { PROJECT_ROOT } from '../paths';

export interface ReferenceDeviceStartOptions {
  readonly slots?: 1 | 2;
  readonly deviation?: string;
  /** `default` or `emulator` (ims-rig virtual-device --profile). */
  readonly profile?: string;
  readonly timeScale?: number;
  /** How long to wait for the ready line (default 60 s). */
  readonly readyTimeoutMs?: number;
}

/** A running reference device, however it was started (child process here; in-process in tests). */
export interface ReferenceDeviceHandle {
  readonly serial: string;
  readonly port: number;
  /** The built-in adb-server door (for machines without adb). */
  readonly serverPort: number | undefined;
  /** The child's process id (child-process starters only). */
  readonly pid?: number;
  stop(): Promise<void>;
}

export type StartReferenceDevice = (options: ReferenceDeviceStartOptions) => Promise<ReferenceDeviceHandle>;

interface ReadyLine {
  readonly event: 'ready';
  readonly serial: string;
  readonly port: number;
  readonly serverPort: number | null;
}

function isReadyLine(value: unknown): value is ReadyLine {
  const v = value as Partial<ReadyLine> | null;
  return typeof v === 'object' && v !== null && v.event === 'ready' && typeof v.serial === 'string' && typeof v.port === 'number';
}

/**
 * Kills live children when this process ends or is terminated. SIGINT only when nobody else
 * handles it: `ims-rig run` does (its first Ctrl-C finishes and restores the current scenario on
 * this very device, which must stay up until release()).
 */
const live = new Set<ChildProcess>();
let hooksInstalled = false;
function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => live.forEach((c) => c.kill('SIGKILL')));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = (): void => {
      if (signal === 'SIGINT' && process.listenerCount(signal) > 1) return;
      live.forEach((c) => c.kill('SIGTERM'));
      // Keep the default behaviour (terminate) when nobody else handles the signal.
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

/**
 * A starter that spawns `node <entry> virtual-device … --json` and resolves once it reports ready.
 * `entry` defaults to the project's bin/ims-rig.js (tests point it at a stand-in script).
 */
export function referenceDeviceProcessStarter(entry: string = path.join(PROJECT_ROOT, 'bin', 'ims-rig.js')): StartReferenceDevice {
  return (options) => spawnReferenceDevice(entry, options);
}

async function spawnReferenceDevice(entry: string, options: ReferenceDeviceStartOptions): Promise<ReferenceDeviceHandle> {
  const args = [entry, 'virtual-device', '--port', '0', '--server-port', '0', '--json', '--exit-with-parent',
    ...(options.slots === undefined ? [] : ['--slots', String(options.slots)]),
    ...(options.deviation === undefined ? [] : ['--deviation', options.deviation]),
    ...(options.profile === undefined ? [] : ['--profile', options.profile]),
    ...(options.timeScale === undefined ? [] : ['--time-scale', String(options.timeScale)])];
  // Its own process group: a terminal's Ctrl-C goes to the rig, which decides when the device stops.
  // Its stdin is a pipe from this process: if this process dies (even by SIGKILL) it closes, and the
  // device stops instead of running on, orphaned.
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  installExitHooks();
  live.add(child);
  child.once('exit', () => {
    live.delete(child);
    // Our end of its stdin pipe would otherwise keep this process alive after the child is gone.
    child.stdin?.destroy();
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (d: Buffer) => { if (stderr.join('').length < 8_000) stderr.push(d.toString('utf8')); });

  const ready = await new Promise<ReadyLine>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const timeoutMs = options.readyTimeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new TimeoutError(`the reference device did not report ready within ${timeoutMs} ms`));
    }, timeoutMs);
    lines.on('line', (line) => {
      try {
        const parsed: unknown = JSON.parse(line);
        if (isReadyLine(parsed)) {
          clearTimeout(timer);
          resolve(parsed);
        }
      } catch {
        // human-readable lines before the JSON one
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const said = stderr.join('').trim();
      // Exit 2 is the CLI refusing its options (an unknown --deviation): bad input, not infrastructure.
      if (code === 2) reject(new UsageError(said.replace(/^ims-rig: /, '') || 'the reference device refused its options'));
      else reject(new AdbError(`the reference device exited before it was ready (${signal ?? `exit ${String(code)}`}): ${said}`));
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new AdbError(`cannot start the reference device: ${e.message}`, { cause: e }));
    });
  });
  child.stdout?.resume(); // keep draining what it prints later

  return {
    serial: ready.serial,
    port: ready.port,
    serverPort: ready.serverPort ?? undefined,
    ...(child.pid === undefined ? {} : { pid: child.pid }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 5_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 2_000);
      }
    },
  };
}

/** Spawns `ims-rig virtual-device … --json` (bin/ims-rig.js of this project). */
export const startReferenceDeviceProcess: StartReferenceDevice = referenceDeviceProcessStarter();
