/**
 * `ims-rig devices [--probe]`: the targets the adb server sees, one line each (serial, state,
 * kind, model, sdk); with --probe also what each can do and why it cannot do the rest. Probing
 * here never escalates (no `adb root` / `adb remount`): look, don't touch.
 */
import { adbServerPort, AdbHost, findAdbBinary, startAdbServer, type AdbDeviceEntry } from '../../adb';
import { getpropAllCommand, parseGetpropAll } from '../../android';
import { AdbError, describeError, isImsRigError } from '../../errors';
import { detectKind, probeTarget } from '../../targets/probe';

const NO_DEVICES_HINT = 'no devices. Start the reference device with `ims-rig virtual-device` (then `adb connect 127.0.0.1:<port>`), ' +
  'or let `ims-rig run` start one for you.';

function pad(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text.padEnd(width);
}

async function describeDevice(host: AdbHost, entry: AdbDeviceEntry, probe: boolean): Promise<string[]> {
  if (entry.state !== 'device') return [`${pad(entry.serial, 24)}${entry.state}`];
  const device = host.device(entry.serial);
  try {
    if (probe) {
      const result = await probeTarget(device, { escalate: false, via: host.endpoint.kind });
      const { info } = result;
      return [
        `${pad(entry.serial, 24)}${pad('device', 9)}${pad(info.kind, 9)}${pad(info.model ?? '?', 28)}sdk ${info.sdk} (Android ${info.release ?? '?'}, ${info.buildType})${info.deviation ? `, deviation ${info.deviation}` : ''}`,
        `  can:     ${result.capabilities.join(', ') || '(nothing)'}`,
        ...result.missing.map((m) => `  cannot:  ${m.capability}: ${m.reason}`),
      ];
    }
    const props = parseGetpropAll((await device.run(getpropAllCommand(), { timeoutMs: 15_000 })).stdout);
    return [`${pad(entry.serial, 24)}${pad('device', 9)}${pad(detectKind(entry.serial, props), 9)}${pad(props.get('ro.product.model') ?? '?', 28)}sdk ${props.get('ro.build.version.sdk') ?? '?'}`];
  } catch (e) {
    if (!isImsRigError(e)) throw e;
    return [`${pad(entry.serial, 24)}${pad('device', 9)}(unreadable: ${describeError(e)})`];
  }
}

export async function devicesCommand(opts: Record<string, unknown>): Promise<number> {
  const bin = findAdbBinary();
  if (bin === undefined) {
    console.log('no adb binary found ($ADB, PATH, $ANDROID_HOME/platform-tools): real devices need platform-tools.');
    console.log('The reference device works without it: `ims-rig virtual-device --server-port <port>`, or `ims-rig run`.');
    return 0;
  }
  const port = adbServerPort();
  const host = new AdbHost({ host: '127.0.0.1', port, kind: 'adb-server', bin });
  try {
    await host.version();
  } catch (e) {
    if (!(e instanceof AdbError)) throw e;
    await startAdbServer(bin, port);
  }
  const entries = await host.listDevices();
  if (entries.length === 0) {
    console.log(NO_DEVICES_HINT);
    return 0;
  }
  for (const entry of entries) {
    for (const line of await describeDevice(host, entry, opts.probe === true)) console.log(line);
  }
  return 0;
}
