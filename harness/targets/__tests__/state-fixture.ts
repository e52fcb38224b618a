/** DeviceState values for the planning tests: a freshly booted one-slot reference device. */
import { type DeviceState } from '../device-state';

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
