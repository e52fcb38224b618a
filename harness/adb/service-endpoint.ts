/**
 * A device whose adb services the rig opens itself, in this process, without TCP and without an
 * adb server: the in-process reference device. Structural on purpose — virtual-device/ implements
 * it (virtual-device/host/in-process-endpoint.ts) without importing harness/, and the harness
 * never imports virtual-device/; only the wiring modules (CLI, benchmark, harness/in-process,
 * tests) hand one to the other.
 */

/** The end of one service stream. */
export interface ServiceReply {
  /** Everything the service wrote, in order. */
  readonly output: Buffer;
  /** `service`: the service ended its stream (adbd's CLSE); `dropped`: the device went offline first. */
  readonly end: 'service' | 'dropped';
}

export interface ServiceEndpoint {
  readonly serial: string;
  /** The adbd features the device advertises (shell_v2, cmd, …): they choose the same paths as over adb. */
  readonly features: readonly string[];
  /** `online` while adbd would be up; `offline` while the device reboots. */
  readonly state: 'online' | 'offline';
  /** Subscribes to online/offline changes; returns the unsubscribe function. */
  onStateChange(listener: (state: 'online' | 'offline') => void): () => void;
  /**
   * One adb round trip: opens `service` (`shell,v2,raw:<cmd>`, `exec:<cmd>`, `sync:`, `root:`,
   * `remount:`, `reboot:`), writes `input` in order, and resolves with what the service wrote once
   * its stream ended. Undefined when the device refuses the service (offline, or unknown). An
   * abort closes the stream (the device kills the command) and rejects.
   */
  request(service: string, input: readonly Buffer[], signal?: AbortSignal): Promise<ServiceReply | undefined>;
}
