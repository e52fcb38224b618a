/**
 * What an app provides on a slot (query-supported, update-supported, compat-binding,
 * emergency-needs-mmtel): the querySupportedImsFeatures answer for a current ImsService, the
 * manifest meta-data on every slot for a compat one (the legacy API has no query), replaced by
 * what the app last reported with onUpdateSupportedImsFeatures. A service that never provides a
 * feature (null binding, failing query, crash on bind) provides none.
 */
import { type DocId } from '../docs/documentation';
import { type ImsFeature, type SlotKey, normaliseFeatures } from '../model';
import { type AppState } from './state';

export interface SupportedFeatures {
  /** Normalised; EMERGENCY_MMTEL only together with MMTEL. */
  readonly features: readonly ImsFeature[];
  /** Where the set came from, for reasons: "answers querySupportedImsFeatures with [MMTEL] on slot 0". */
  readonly source: string;
  /** The app declared EMERGENCY_MMTEL without MMTEL on this slot, and it was dropped. */
  readonly droppedEmergency: boolean;
  /** false: the service provides nothing at all because of its behaviour. */
  readonly available: boolean;
  readonly cites: readonly DocId[];
}

export function supportedFeatures(app: AppState, slot: SlotKey): SupportedFeatures {
  const pkg = app.spec.package;
  if (app.behaviour !== 'normal') {
    return { features: [], source: `${pkg} behaves as ${app.behaviour}: its service provides no features`, droppedEmergency: false, available: false, cites: ['querySupported'] };
  }
  let declared: readonly ImsFeature[];
  let how: string;
  let cites: DocId[];
  if (app.reported !== null) {
    declared = app.reported[slot] ?? [];
    how = 'reported with onUpdateSupportedImsFeatures';
    cites = ['updateSupported'];
  } else if (app.spec.action === 'compat') {
    declared = app.spec.metadata;
    how = 'declares in its compat manifest meta-data (no query in the legacy API)';
    cites = ['compatBinding', 'registrationSteps'];
  } else {
    declared = app.spec.answers[slot] ?? [];
    how = 'answers querySupportedImsFeatures with';
    cites = ['querySupported'];
  }
  const normalised = normaliseFeatures(declared);
  const droppedEmergency = normalised.includes('EMERGENCY_MMTEL') && !normalised.includes('MMTEL');
  const features = droppedEmergency ? normalised.filter((f) => f !== 'EMERGENCY_MMTEL') : normalised;
  const drop = droppedEmergency ? ' (EMERGENCY_MMTEL without MMTEL is dropped)' : '';
  return {
    features,
    source: `${pkg} ${how} [${normalised.join(', ')}] on slot ${slot}${drop}`,
    droppedEmergency,
    available: true,
    cites: droppedEmergency ? [...cites, 'emergencyNeedsMmtel'] : cites,
  };
}

/** True when the app provides at least one bindable feature (not EMERGENCY_MMTEL alone) on some slot. */
export function providesAnything(app: AppState, slots: readonly SlotKey[]): boolean {
  return slots.some((slot) => supportedFeatures(app, slot).features.length > 0);
}
