/**
 * Shell overrides (`cmd phone ims set-ims-service`, help text in documentation.ts shell-*):
 * `-c` replaces the carrier-configured package for the listed features of one slot, `-d` the device
 * overlay package for the listed features, device-wide. Features not listed keep their carrier
 * configuration (AOSP wipes them until the next carrier-config change: a deviation, not the rule).
 * `clear-ims-service-override` removes a slot's carrier overrides only. All of them live in the
 * phone process: a phone restart or a reboot drops them (CTS isCarrierServiceStillConfigured).
 */
import { type SlotKey, type Step } from '../model';
import { type CarrierChoice, type SelectableFeature } from './carrier-config';
import { type DocumentedState } from './state';

type OverrideStep = Extract<Step, { kind: 'override' }>;

export function applyOverride(state: DocumentedState, step: OverrideStep): void {
  const slot: SlotKey = step.slot === 0 ? '0' : '1';
  if (step.scope === 'carrier') {
    const map = { ...(state.carrierOverrides[slot] ?? {}) };
    // An empty package is "no override" for those features (the carrier configuration applies again).
    for (const f of step.features) {
      if (step.package === '') delete map[f];
      else map[f] = step.package;
    }
    state.carrierOverrides[slot] = map;
  } else {
    // Device scope: the override *is* the device package for the feature; '' leaves the feature
    // without a device package (how CTS clears the device ImsService before binding its own).
    for (const f of step.features) state.deviceOverrides[f] = step.package;
  }
}

export function clearCarrierOverrides(state: DocumentedState, slot: SlotKey): void {
  delete state.carrierOverrides[slot];
}

export function dropAllOverrides(state: DocumentedState): void {
  for (const key of Object.keys(state.carrierOverrides) as SlotKey[]) delete state.carrierOverrides[key];
  for (const key of Object.keys(state.deviceOverrides) as (keyof typeof state.deviceOverrides)[]) delete state.deviceOverrides[key];
}

export interface CarrierCandidate extends CarrierChoice {
  readonly overridden: boolean;
  /** The slot has carrier overrides for other features only. */
  readonly othersOverridden: boolean;
}

/** The carrier candidate after shell overrides: an override replaces the carrier-configured package. */
export function withCarrierOverride(state: DocumentedState, slot: SlotKey, feature: SelectableFeature, configured: CarrierChoice): CarrierCandidate {
  const overrides = state.carrierOverrides[slot] ?? {};
  const pkg = overrides[feature];
  if (pkg !== undefined) {
    const replaced = configured.package === null ? `no carrier-configured package (${configured.detail})` : `carrier-configured ${configured.package}`;
    return {
      package: pkg, via: configured.via, overridden: true, othersOverridden: false,
      detail: `shell override (set-ims-service -c -s ${slot}) names ${pkg} for ${feature}, replacing ${replaced}`,
    };
  }
  const othersOverridden = Object.keys(overrides).length > 0;
  return { ...configured, overridden: false, othersOverridden };
}

export interface DeviceCandidate {
  readonly package: string | null;
  readonly overridden: boolean;
  readonly detail: string;
}

const OVERLAY_KEY: Readonly<Record<SelectableFeature, string>> = { MMTEL: 'config_ims_mmtel_package', RCS: 'config_ims_rcs_package' };

/** The device default for a feature: the overlay package, or a device-scope shell override. */
export function deviceCandidate(state: DocumentedState, feature: SelectableFeature): DeviceCandidate {
  const overlay = feature === 'MMTEL' ? state.overlay.mmtel : state.overlay.rcs;
  const override = state.deviceOverrides[feature];
  if (override !== undefined) {
    const pkg = override === '' ? null : override;
    return { package: pkg, overridden: true, detail: `shell override (set-ims-service -d) sets the device ${feature} package to ${pkg ?? '""'} (overlay ${OVERLAY_KEY[feature]} = ${overlay === '' ? '""' : overlay})` };
  }
  return {
    package: overlay === '' ? null : overlay,
    overridden: false,
    detail: overlay === '' ? `device overlay ${OVERLAY_KEY[feature]} is empty` : `device overlay ${OVERLAY_KEY[feature]} = ${overlay}`,
  };
}
