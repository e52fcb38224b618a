/**
 * `pm query-services|query-receivers|query-activities|resolve-activity INTENT`
 * (PackageManagerShellCommand#runQueryIntent*), for intents given by action (-a), package (-p)
 * or component (-n). `--components` prints one flattened component name per line.
 */
import { type ComponentInfo } from '../platform';
import { type ToolContext } from '../shell/tool';
import { type PackageManagerService } from './package-manager-service';
import { shortComponentName } from './package-record';

export function runQuery(cmd: string, ctx: ToolContext, argv: readonly string[], pms: PackageManagerService): number {
  let action: string | undefined;
  let packageName: string | undefined;
  let component: string | undefined;
  let components = false;
  let brief = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-a') action = argv[++i];
    else if (a === '-p') packageName = argv[++i];
    else if (a === '-n') component = argv[++i];
    else if (a === '--components') components = true;
    else if (a === '--brief') brief = true;
    else if (a === '--user' || a === '--query-flags' || a === '-c' || a === '-d' || a === '-t' || a === '-f') i++;
  }
  const kind = cmd === 'query-services' ? 'service' : cmd === 'query-receivers' ? 'receiver' : 'activity';
  let found: ComponentInfo[] = [];
  if (action !== undefined) found = pms.queryComponents(kind, action, packageName);
  if (component !== undefined) {
    const [pkg = '', cls = ''] = component.split('/');
    const className = cls.startsWith('.') ? pkg + cls : cls;
    const info = pms.get(pkg);
    const all = kind === 'service' ? info?.services : kind === 'receiver' ? info?.receivers : info?.activities;
    found = (all ?? []).filter((c) => c.className === className && c.enabled);
  }
  const noun = kind === 'service' ? 'services' : kind === 'receiver' ? 'receivers' : 'activities';
  const out = ctx.out;
  if (cmd === 'resolve-activity') {
    const first = found[0];
    out.stdout(first === undefined ? 'No activity found\n' : `${describe(first, '', brief || components)}`);
    return 0;
  }
  if (found.length === 0) {
    out.stdout(`No ${noun} found\n`);
    return 0;
  }
  if (components) {
    out.stdout(found.map((c) => shortComponentName(c.packageName, c.className) + '\n').join(''));
    return 0;
  }
  const label = kind === 'service' ? 'Service' : kind === 'receiver' ? 'Receiver' : 'Activity';
  out.stdout(`${found.length} ${noun} found:\n` + found.map((c, i) => `  ${label} #${i}:\n${describe(c, '    ', brief)}`).join(''));
  return 0;
}

/** ResolveInfo#dump, abridged to the fields ims-rig reads. */
function describe(c: ComponentInfo, prefix: string, brief: boolean): string {
  const name = shortComponentName(c.packageName, c.className);
  if (brief) return `${prefix}priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false\n${prefix}${name}\n`;
  const lines = [
    'priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false',
    'ServiceInfo:',
    `  name=${c.className}`,
    `  packageName=${c.packageName}`,
    `  enabled=${c.enabled} exported=${c.exported} directBootAware=${c.directBootAware}`,
    ...(c.permission === null ? [] : [`  permission=${c.permission}`]),
  ];
  return lines.map((l) => prefix + l + '\n').join('');
}
