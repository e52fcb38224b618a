/**
 * Where the project's own files are, whether running from TypeScript sources (ts-jest) or from
 * the compiled dist/ tree: the root is the nearest directory up whose package.json is ims-rig's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'ims-rig') return dir;
      } catch {
        // not ours; keep walking
      }
    }
    if (path.dirname(dir) === dir) throw new Error(`ims-rig: cannot find the project root above ${start}`);
  }
}

export const PROJECT_ROOT = findRoot(__dirname);
export const projectPath = (...parts: string[]): string => path.join(PROJECT_ROOT, ...parts);
export const FIXTURES_DIR = projectPath('fixtures');
export const SUITES_DIR = projectPath('suites');
export const APKS_DIR = projectPath('apks');
export const REPORTS_DIR = projectPath('reports');
/** UI flows (TypeScript, loaded with ts-node at run time: no build step). */
export const FLOWS_DIR = projectPath('flows');
export const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version;
