/**
 * How the CLI process tells the suite (running inside Jest, possibly in a worker process) to stop:
 * a small control file. Polling a file works the same in-band and across processes, where Jest's
 * sandboxed `process` object would not carry a signal handler's flag.
 *   stop   finish (and restore) the current scenario, then run nothing more  (first SIGINT)
 *   abort  abort the current scenario now, restore what is possible          (second SIGINT)
 *   lost   the device is gone: run nothing more
 */
import * as fs from 'node:fs';

export type ControlState = 'run' | 'stop' | 'abort' | 'lost';

export function writeControl(file: string, state: ControlState, reason = ''): void {
  fs.writeFileSync(file, `${state}\n${reason}\n`);
}

export function readControl(file: string): { state: ControlState; reason: string } {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { state: 'run', reason: '' };
  }
  const [state = 'run', reason = ''] = text.split('\n');
  return { state: (['run', 'stop', 'abort', 'lost'].includes(state) ? state : 'run') as ControlState, reason };
}

/**
 * An AbortSignal that fires when the control file says `abort` (polled every `intervalMs`).
 * `dispose()` stops the polling.
 */
export function watchAbort(file: string, intervalMs = 100): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const timer = setInterval(() => {
    const { state, reason } = readControl(file);
    if (state === 'abort') {
      controller.abort(new Error(reason || 'interrupted (second SIGINT)'));
      clearInterval(timer);
    }
  }, intervalMs);
  timer.unref();
  return { signal: controller.signal, dispose: () => clearInterval(timer) };
}
