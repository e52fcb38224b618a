/** DeviceState values for the planning tests: a freshly booted one-slot reference device. */
import { type DeviceState } from '../device-state';
import { FakeDevice } from './fake-device';

export function freshState(overrides: Partial<DeviceState> = {}): DeviceState {
  return {
    slotCount: 1,
    overlay: { mmtel: '', rcs: '' },
    sims: [{ slot: 0, present: false, state: 'ABSENT' }],
    imsServices: [
      { slot: 0, scope: 'device', feature: 'EMERGENCY_MMTEL', package: null },
      { slot: 0, scope: 'device', feature: 'MMTEL', package: null },
      { slot: 0, scope: 'device', feature: 'RCS', package: null },
      { slot: 0, scope: 'carrier', feature: 'EMERGENCY_MMTEL', package: null },
      { slot: 0, scope: 'carrier', feature: 'MMTEL', package: null },
      { slot: 0, scope: 'carrier', feature: 'RCS', package: null },
    ],
    carrierConfig: [],
    packages: ['com.android.phone', 'com.android.shell'],
    systemFiles: ['/system/priv-app/TeleService'],
    roles: { 'android.app.role.SMS': ['com.android.messaging'], 'android.app.role.DIALER': [] },
    ...overrides,
  };
}

/** A FakeDevice answering the state queries as a fresh reference device does (plus wait-idle and a logcat dump). */
export function referenceLike(simList = 'slot=0 state=ABSENT subId=-1 iccid=- carrier=-\n'): FakeDevice {
  return new FakeDevice()
    .on('ims-rig-device sim list', simList)
    .on('ims-rig-device overlay', 'mmtel=\nrcs=\n')
    .on('ims-rig-device wait-idle', 'idle\n')
    .on('logcat', 'LOG\n')
    .on('cmd phone ims get-ims-service', '\n')
    .on('pm list packages', 'package:com.android.shell\npackage:com.android.phone\n')
    .on('ls -1 /system/priv-app', 'TeleService\n')
    .on('cmd role get-role-holders android.app.role.SMS', 'com.android.messaging\n');
}
