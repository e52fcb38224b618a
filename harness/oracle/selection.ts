/**
 * Which package serves MMTEL / RCS on a slot (two-per-slot, priority-carrier, priority-device,
 * per-feature-fallback, carrier-override, device-default): the carrier-configured package when a SIM
 * names one and it is eligible and provides the feature on the slot; otherwise the device overlay
 * package if eligible and providing it (also with no SIM); otherwise nothing.
 */
import { type DocId } from '../docs/documentation';
import { type SlotKey } from '../model';
import { carrierPackage, type SelectableFeature } from './carrier-config';
import { eligibility } from './eligibility';
import { deviceCandidate, withCarrierOverride } from './overrides';
import { citesOf, type KnownRule } from './rules';
import { simIn, type DocumentedState } from './state';
import { supportedFeatures, type SupportedFeatures } from './supported-features';
import { type ExpectedCell } from './types';

export interface Selection {
  readonly cell: ExpectedCell;
  readonly servedBy: 'carrier' | 'device' | null;
  /** What the serving package provides on the slot (for EMERGENCY_MMTEL). */
  readonly support: SupportedFeatures | null;
  /** Candidates that declared EMERGENCY_MMTEL without MMTEL here (dropped). */
  readonly emergencyOnly: readonly string[];
}

type Evaluation =
  | { readonly ok: true; readonly support: SupportedFeatures; readonly detail: string }
  | { readonly ok: false; readonly rule: KnownRule; readonly detail: string; readonly support: SupportedFeatures | null };

function evaluate(state: DocumentedState, pkg: string, slot: SlotKey, feature: SelectableFeature, level: 'carrier' | 'device'): Evaluation {
  const e = eligibility(pkg, state.apps.get(pkg));
  if (!e.eligible) return { ok: false, rule: e.rule, detail: e.detail, support: null };
  const support = supportedFeatures(e.app, slot);
  if (!support.available) return { ok: false, rule: 'service-unavailable', detail: support.source, support };
  if (!support.features.includes(feature)) {
    return { ok: false, rule: level === 'carrier' ? 'per-feature-fallback' : 'feature-not-supported', detail: `${support.source}: no ${feature}`, support };
  }
  return { ok: true, support, detail: `${e.detail}; ${support.source}` };
}

function unique(ids: readonly DocId[]): DocId[] {
  return [...new Set(ids)];
}

export function selectFeature(state: DocumentedState, slot: SlotKey, feature: SelectableFeature): Selection {
  const sim = simIn(state, slot);
  const carrier = withCarrierOverride(state, slot, feature, carrierPackage(sim, slot, feature));
  const device = deviceCandidate(state, feature);
  const simGone = sim === null && state.simRemoved.has(slot) && feature === 'RCS';
  const story: string[] = [];
  const emergencyOnly: string[] = [];
  let lost: { rule: KnownRule; cites: readonly DocId[] } | null = null;
  const note = (pkg: string, ev: Evaluation): void => {
    if (ev.support?.droppedEmergency) emergencyOnly.push(pkg);
  };

  if (carrier.package !== null) {
    const ev = evaluate(state, carrier.package, slot, feature, 'carrier');
    note(carrier.package, ev);
    if (ev.ok) {
      const rule: KnownRule = carrier.overridden ? 'shell-override-carrier'
        : carrier.othersOverridden ? 'override-keeps-other-features'
          : carrier.via === 'legacy-key' ? 'carrier-legacy-key' : 'carrier-override';
      const others = carrier.othersOverridden ? `; the slot's shell overrides name other features only, so the carrier configuration still decides ${feature}` : '';
      return {
        cell: {
          package: carrier.package, rule,
          reason: `${carrier.detail}${others}; ${ev.detail} ⇒ carrier package ${carrier.package} serves ${feature} on slot ${slot}, ahead of the device default`,
          cites: unique([...citesOf(rule), ...ev.support.cites]),
        },
        servedBy: 'carrier', support: ev.support, emergencyOnly,
      };
    }
    lost = { rule: ev.rule, cites: citesOf(ev.rule) };
    story.push(`${carrier.detail}, but ${ev.detail}`);
  } else {
    story.push(simGone ? `the SIM was removed from slot ${slot}, so no carrier RCS package is selected` : carrier.detail);
  }

  if (device.package !== null) {
    const ev = evaluate(state, device.package, slot, feature, 'device');
    note(device.package, ev);
    if (ev.ok) {
      const rule: KnownRule = lost !== null ? lost.rule : simGone ? 'rcs-sim-removed' : device.overridden ? 'shell-override-device' : 'device-default';
      const fallback: DocId[] = lost !== null ? ['perFeatureFallback', 'priorityDevice'] : [];
      return {
        cell: {
          package: device.package, rule,
          reason: `${story.join('; ')}; ${device.detail}; ${ev.detail} ⇒ device default ${device.package} serves ${feature} on slot ${slot}`,
          cites: unique([...citesOf(rule), ...fallback, ...ev.support.cites]),
        },
        servedBy: 'device', support: ev.support, emergencyOnly,
      };
    }
    lost = { rule: ev.rule, cites: citesOf(ev.rule) };
    story.push(`${device.detail}, but ${ev.detail}`);
  } else {
    story.push(device.detail);
  }

  const rule: KnownRule = lost !== null ? lost.rule : simGone ? 'rcs-sim-removed' : 'no-ims-service';
  return {
    cell: { package: null, rule, reason: `${story.join('; ')} ⇒ nothing serves ${feature} on slot ${slot}`, cites: unique([...citesOf(rule), 'onlyConfiguredBound']) },
    servedBy: null, support: null, emergencyOnly,
  };
}
