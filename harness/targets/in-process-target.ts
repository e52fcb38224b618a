/**
 * `ims-rig run --transport in-process`: the reference device runs inside the rig's own process and
 * the rig opens its adb services directly (harness/adb ServiceDevice) — no TCP, no adb server.
 * The harness core never imports the reference device (eslint.config.mjs): whoever may start one
 * (the CLI, the benchmark, harness/in-process, tests) hands resolveTarget a starter of this type.
 */
import { type ServiceEndpoint } from '../adb';
import { type ReferenceDeviceStartOptions } from './reference-device-process';

/** A reference device running in this process. */
export interface InProcessTargetHandle {
  readonly serial: string;
  /** Its adb services, opened directly. */
  readonly endpoint: ServiceEndpoint;
  stop(): Promise<void>;
}

export type StartInProcessTarget = (options: ReferenceDeviceStartOptions) => Promise<InProcessTargetHandle>;

/** How the suite under Jest finds the target again (a run config holds only JSON). */
export interface InProcessEndpointRef {
  readonly kind: 'in-process';
}

/** How a run reaches the target. `adb` (default) goes through an adb server or the door, as DESIGN.md says. */
export type Transport = 'adb' | 'in-process';

export const TRANSPORTS: readonly Transport[] = ['adb', 'in-process'];
