/** Whether a build tool runs, and the install hint when it does not (build-apks). */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Undefined when `bin args` runs; else `<bin>: not found; install them with …`. */
export async function toolProblem(bin: string, args: readonly string[], debianPackages: string, option: string): Promise<string | undefined> {
  try {
    await run(bin, [...args]);
    return undefined;
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : `${args.join(' ')} failed: ${String(e)}`;
    return `${bin}: ${why}; install them with \`apt-get install ${debianPackages}\` (Debian/Ubuntu), or pass ${option}`;
  }
}
