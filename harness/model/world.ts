import { type CarrierProfile } from './carrier-profile';
import { type DeviceOverlay } from './device-overlay';
import { type ImsAppSpec } from './ims-app';
import { type SlotCount, type SlotKey } from './slot';

/**
 * Everything that decides which ImsService is bound: the device (slot count and overlay), the
 * apps on it, and the SIM in each slot (null or absent: no SIM).
 */
export interface World {
  readonly slots: SlotCount;
  readonly overlay: DeviceOverlay;
  readonly apps: readonly ImsAppSpec[];
  readonly sims: Readonly<Partial<Record<SlotKey, CarrierProfile | null>>>;
}
