/**
 * `ims-rig virtual-device`: validates the command line, then runs the reference device
 * (virtual-device/cli) until SIGINT/SIGTERM. Bad options are usage errors (exit 2).
 */
import { UsageError } from '../../errors';
import { deviationProfiles, deviceProfileNames, formatDeviationList, runVirtualDevice } from '../../../virtual-device/cli/run-virtual-device';

export async function virtualDeviceCommand(opts: Record<string, unknown>): Promise<number> {
  const profiles = deviationProfiles();
  if (opts.listDeviations === true) {
    process.stdout.write(formatDeviationList(profiles));
    return 0;
  }
  const deviation = optionalString(opts.deviation);
  if (deviation !== undefined && !profiles.some((p) => p.name === deviation)) {
    throw new UsageError(`--deviation ${deviation}: unknown deviation; known: ${profiles.map((p) => p.name).join(', ')}`);
  }
  const port = parsePort('--port', optionalString(opts.port) ?? '5555');
  const serverPortText = optionalString(opts.serverPort);
  const serverPort = serverPortText === undefined ? undefined : parsePort('--server-port', serverPortText);
  const slots = optionalString(opts.slots) ?? '1';
  if (slots !== '1' && slots !== '2') throw new UsageError(`--slots ${slots}: must be 1 or 2`);
  const profile = optionalString(opts.profile) ?? 'default';
  const profileNames = deviceProfileNames();
  if (!profileNames.includes(profile)) throw new UsageError(`--profile ${profile}: unknown profile; known: ${profileNames.join(', ')}`);
  if (profile === 'emulator' && slots === '2') throw new UsageError('--slots 2: the emulator profile has one SIM slot, as the API 35 emulator image has');
  const timeScaleText = optionalString(opts.timeScale) ?? '1';
  const timeScale = Number(timeScaleText);
  if (!Number.isFinite(timeScale) || timeScale <= 0) throw new UsageError(`--time-scale ${timeScaleText}: must be a positive number`);
  try {
    return await runVirtualDevice({
      port,
      slots: slots === '2' ? 2 : 1,
      profile,
      timeScale,
      json: opts.json === true,
      stopOnStdinClose: opts.exitWithParent === true,
      ...(serverPort === undefined ? {} : { serverPort }),
      ...(deviation === undefined ? {} : { deviation }),
    });
  } catch (e) {
    if (e instanceof Error && (e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`cannot listen: ${e.message} (choose another --port / --server-port, or 0 to let the OS pick)`, { cause: e });
    }
    throw e;
  }
}

function parsePort(flag: string, text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`${flag} ${text}: must be a TCP port (0-65535; 0 lets the OS pick)`);
  return port;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
