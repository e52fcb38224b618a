/** Test helpers: run commands on an in-process reference device and collect their output. */
import { createReferenceDevice, type ReferenceDevice, type ReferenceDeviceOptions } from '../reference-device';

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** A booted device on a fast clock; dispose it in afterEach/afterAll. */
export async function bootedDevice(options: ReferenceDeviceOptions = {}): Promise<ReferenceDevice> {
  const device = createReferenceDevice({ timeScale: 0.001, ...options });
  await device.whenBootCompleted();
  return device;
}

export async function run(device: ReferenceDevice, commandLine: string, options: { stdin?: Buffer | string; pty?: boolean } = {}): Promise<RunResult> {
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const toBuffer = (d: Buffer | string): Buffer => (typeof d === 'string' ? Buffer.from(d) : d);
  const command = device.runShell(commandLine, { stdout: (d) => stdout.push(toBuffer(d)), stderr: (d) => stderr.push(toBuffer(d)) }, options.pty === true ? { pty: true } : {});
  if (options.stdin !== undefined) command.writeStdin(toBuffer(options.stdin));
  command.closeStdin();
  const code = await command.exit;
  return { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), code };
}

export async function abb(device: ReferenceDevice, argv: readonly string[], stdin?: Buffer): Promise<RunResult> {
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const toBuffer = (d: Buffer | string): Buffer => (typeof d === 'string' ? Buffer.from(d) : d);
  const command = device.runAbb(argv, { stdout: (d) => stdout.push(toBuffer(d)), stderr: (d) => stderr.push(toBuffer(d)) });
  if (stdin !== undefined) command.writeStdin(stdin);
  const code = await command.exit;
  return { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), code };
}
