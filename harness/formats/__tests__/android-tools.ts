/**
 * Which Debian Android tools are installed (apksigner, zipalign, dexdump, smali, enjarify, java),
 * so tests that need one skip with the reason when it is missing. `.ci/run` installs them.
 */
import { spawnSync } from 'node:child_process';

export interface ToolCheck {
  readonly ok: boolean;
  readonly reason: string;
}

const PACKAGE: Readonly<Record<string, string>> = {
  apksigner: 'apksigner', zipalign: 'zipalign', dexdump: 'dexdump', smali: 'libsmali-java', baksmali: 'libsmali-java',
  enjarify: 'enjarify', java: 'openjdk-17-jdk-headless', javac: 'openjdk-17-jdk-headless', aapt: 'aapt',
};

/** Runs `bin args` once; ok when it starts at all (any exit status). */
export function toolAvailable(bin: string, args: readonly string[] = ['--version']): ToolCheck {
  const r = spawnSync(bin, [...args], { stdio: 'ignore', timeout: 60_000 });
  const ok = r.error === undefined;
  return { ok, reason: ok ? '' : `skipped: ${bin} not installed (apt-get install ${PACKAGE[bin] ?? bin})` };
}
