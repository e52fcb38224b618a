/**
 * `ims-rig lint <AndroidManifest.xml|app.apk>...`: checks each manifest against what the IMS
 * documentation requires of an ImsService app and of an RCS single-registration client.
 * Exit 0: no error or warning; 1: findings; 2: an input could not be read (the others are still
 * linted and printed).
 */
import { formatFinding, formatSummary, lintExitCode, lintFiles, lintJson, summarize } from '../../lint';

export async function lintCommand(files: string[], opts: Record<string, unknown>): Promise<number> {
  const results = await lintFiles(files);
  if (opts.json === true) {
    console.log(JSON.stringify(lintJson(results), null, 2));
  } else {
    for (const r of results) {
      if (r.error !== undefined) console.error(`ims-rig lint: ${r.error}`);
      for (const f of r.findings) console.log(formatFinding(f));
    }
    console.log(formatSummary(summarize(results)));
  }
  return lintExitCode(results);
}
