/**
 * The wiring between the harness and an in-process reference device: starts one
 * (virtual-device/host/in-process-device.ts) and hands the harness its adb services as a
 * ServiceEndpoint. This directory is the one place in production code, besides the CLI and the
 * benchmark, that may import virtual-device/ (eslint.config.mjs), and only its host/ entry points.
 */
import { UsageError } from '../errors';
import { type InProcessTargetHandle, type StartInProcessTarget } from '../targets/in-process-target';
import { DEVICE_PROFILES, deviationNames, isDeviceProfileName, startInProcessDevice } from '../../virtual-device/host/in-process-device';

/** Starts a reference device in this process (`profile`: default or emulator; `deviation` selects a vendor-bug profile). */
export const startInProcessReferenceDevice: StartInProcessTarget = async (options): Promise<InProcessTargetHandle> => {
  const known = deviationNames();
  if (options.deviation !== undefined && !known.includes(options.deviation)) {
    throw new UsageError(`--deviation ${options.deviation}: unknown deviation; known: ${known.join(', ')}`);
  }
  if (options.profile !== undefined && !isDeviceProfileName(options.profile)) {
    throw new UsageError(`--profile ${options.profile}: unknown profile; known: ${DEVICE_PROFILES.join(', ')}`);
  }
  const device = await startInProcessDevice({
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.slots === undefined ? {} : { slots: options.slots }),
    ...(options.deviation === undefined ? {} : { deviation: options.deviation }),
    ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
  });
  return { serial: device.serial, endpoint: device.endpoint, stop: () => device.stop() };
};
