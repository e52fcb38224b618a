/**
 * A small reader of the ImsResolver block of `dumpsys phone`, for these tests only (the rig has
 * its own parser in harness/android; the tests must not check the device with the rig's code).
 */
export interface DumpController {
  readonly component: string;
  readonly packageName: string;
  readonly features: readonly string[];
  readonly isBinding: boolean;
  readonly isBound: boolean;
  readonly serviceController: string;
  readonly rebindDelay: number;
  readonly log: readonly string[];
}

export interface DumpCachedService {
  readonly component: string;
  readonly packageName: string;
  readonly fromMetadata: boolean;
  readonly features: readonly string[];
}

export interface ResolverDump {
  readonly device: Readonly<Record<string, string>>;
  /** "slot,FEATURE" -> package or "none". */
  readonly carrier: Readonly<Record<string, string>>;
  readonly cached: readonly DumpCachedService[];
  readonly controllers: readonly DumpController[];
  readonly repositoryLog: readonly string[];
  readonly eventLog: readonly string[];
}

const LOG_PREFIX = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{3})?)? - /;

function stripLog(line: string): string {
  return line.replace(LOG_PREFIX, '');
}

function packageOf(component: string): string {
  return component.replace(/^ComponentInfo\{/, '').split('/')[0] ?? '';
}

export function readResolverDump(text: string): ResolverDump {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === '    ImsResolver:');
  if (start < 0) throw new Error(`no ImsResolver block in:\n${text}`);
  const device: Record<string, string> = {};
  const carrier: Record<string, string> = {};
  const cached: DumpCachedService[] = [];
  const controllers: { component: string; packageName: string; features: string[]; isBinding: boolean; isBound: boolean; serviceController: string; rebindDelay: number; log: string[] }[] = [];
  const repositoryLog: string[] = [];
  const eventLog: string[] = [];
  let section = '';
  let carrierKey = '';
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('      ')) break;
    const body = line.slice(6);
    if (body === 'Configurations:' || body === 'Cached ImsServices:' || body === 'Active controllers:' || body === 'Connection Repository Log:' || body === 'Event Log:') {
      section = body;
      continue;
    }
    if (section === 'Configurations:') {
      if (body === '  Device:' || body === '  Carrier: ') {
        section = body === '  Device:' ? 'device' : 'carrier';
      }
      continue;
    }
    if (section === 'device' || section === 'carrier') {
      if (section === 'device' && body === '  Carrier: ') {
        section = 'carrier';
        continue;
      }
      if (section === 'device') {
        const m = /^ {4}(\w+) -> (.*)$/.exec(body);
        if (m) device[m[1] ?? ''] = m[2] ?? '';
        continue;
      }
      const head = /^ {4}slot=(\d), feature=(\w+): $/.exec(body);
      if (head) {
        carrierKey = `${head[1]},${head[2]}`;
      } else if (/^ {6}\S/.test(body)) {
        carrier[carrierKey] = body.trim();
      }
      continue;
    }
    if (section === 'Cached ImsServices:') {
      const m = /^ {2}\[ImsServiceInfo\] name=(ComponentInfo\{[^}]*\}), featureFromMetadata=(true|false), features: \[(.*)\]$/.exec(body);
      if (!m) throw new Error(`bad cached line: ${body}`);
      cached.push({ component: m[1] ?? '', packageName: packageOf(m[1] ?? ''), fromMetadata: m[2] === 'true', features: (m[3] ?? '').match(/\{\d,\w+\}/g) ?? [] });
      continue;
    }
    if (section === 'Active controllers:') {
      const m = /^ {2}\[ImsServiceController: componentName=(ComponentInfo\{[^}]*\}), features=(\[.*?\]|null), isBinding=(\w+), isBound=(\w+), serviceController=(\S+), rebindDelay=(\d+)\]$/.exec(body);
      if (m) {
        const features = (m[2] ?? '').match(/\{s=\d, f=\w+\}/g) ?? [];
        controllers.push({ component: m[1] ?? '', packageName: packageOf(m[1] ?? ''), features: features.map((f) => f.replace(/\{s=(\d), f=(\w+)\}/, '$1,$2')), isBinding: m[3] === 'true', isBound: m[4] === 'true', serviceController: m[5] ?? '', rebindDelay: Number(m[6]), log: [] });
      } else {
        controllers[controllers.length - 1]?.log.push(stripLog(body.trim()));
      }
      continue;
    }
    if (section === 'Connection Repository Log:') repositoryLog.push(stripLog(body.trim()));
    if (section === 'Event Log:') eventLog.push(stripLog(body.trim()));
  }
  return { device, carrier, cached, controllers, repositoryLog, eventLog };
}

/** "slot,FEATURE" -> the packages whose active controller holds that feature (sorted). */
export function bindings(dump: ResolverDump): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const c of dump.controllers) {
    for (const cell of c.features) (table[cell] ??= []).push(c.packageName);
  }
  for (const k of Object.keys(table)) table[k]?.sort();
  return table;
}
