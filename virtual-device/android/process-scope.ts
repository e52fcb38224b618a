/**
 * A simulated process's view of the platform. What a process owns dies with it, as on Android:
 * its pending timers (Handler messages), its broadcast receivers, its binder services (`cmd`
 * services, dumpsys sections) — so a crashed or restarted phone process leaves nothing behind
 * even if its own stop() forgets something. Its log lines carry its pid.
 */
import { type ScaledClock } from './clock/scaled-clock';
import { type RingLogBuffer } from './log/log-buffer';
import { type BroadcastBus, type Clock, type LogBuffer, type Platform, type TimerHandle } from './platform';
import { ScopedServiceManager } from './service-manager';
import { ScopedToolRegistry, type ToolRegistry } from './shell/tool-registry';

export interface ProcessScope {
  readonly platform: Platform;
  readonly pid: number;
  /** Kills everything the process still owns. */
  dispose(): void;
}

export function createProcessScope(base: Platform, deps: { clock: ScaledClock; log: RingLogBuffer; registry: ToolRegistry; pid: number }): ProcessScope {
  const timers = new Set<TimerHandle>();
  const receivers = new Set<() => void>();
  const shell = new ScopedToolRegistry(deps.registry);
  const services = base.services === undefined ? undefined : new ScopedServiceManager(base.services);
  let alive = true;

  const clock: Clock = {
    scale: deps.clock.scale,
    elapsedMs: () => deps.clock.elapsedMs(),
    now: () => deps.clock.now(),
    pendingTimers: () => deps.clock.pendingTimers(),
    nextDueInMs: () => deps.clock.nextDueInMs(),
    advance: (deviceMs) => deps.clock.advance(deviceMs),
    schedule: (delay, task) => {
      const handle = deps.clock.schedule(delay, () => {
        timers.delete(handle);
        if (alive) task();
      });
      timers.add(handle);
      return {
        cancel: () => {
          timers.delete(handle);
          handle.cancel();
        },
      };
    },
  };
  const bus: BroadcastBus = {
    send: (intent) => base.bus.send(intent),
    sticky: (action) => base.bus.sticky(action),
    pendingDeliveries: () => base.bus.pendingDeliveries?.() ?? 0,
    // Receiver code is the apps' (not this process's): set on, and run by, the device's bus.
    setReceiverCode: (code) => base.bus.setReceiverCode?.(code),
    runReceiver: (receiver, intent) => base.bus.runReceiver?.(receiver, intent) ?? null,
    // system_server's observers are the device's, not this process's: they outlive it.
    onSent: (listener) => base.bus.onSent?.(listener),
    register: (actions, receiver) => {
      const unregister = base.bus.register(actions, (intent) => { if (alive) receiver(intent); });
      receivers.add(unregister);
      return () => {
        receivers.delete(unregister);
        unregister();
      };
    },
  };
  const log: LogBuffer = { write: (priority, tag, message, pid) => deps.log.write(priority, tag, message, pid ?? deps.pid) };

  const platform: Platform = {
    clock,
    bus,
    log,
    shell,
    pm: base.pm,
    fs: base.fs,
    build: base.build,
    getProp: (key) => base.getProp(key),
    setProp: (key, value) => base.setProp(key, value),
    isUserUnlocked: () => base.isUserUnlocked(),
    restartPhoneProcess: () => base.restartPhoneProcess(),
    ...(base.deviceStore === undefined ? {} : { deviceStore: base.deviceStore }),
    ...(services === undefined ? {} : { services }),
    ...(base.resources === undefined ? {} : { resources: base.resources }),
  };
  return {
    platform,
    pid: deps.pid,
    dispose: () => {
      alive = false;
      for (const t of timers) t.cancel();
      timers.clear();
      for (const unregister of receivers) unregister();
      receivers.clear();
      shell.dispose();
      services?.dispose();
    },
  };
}
