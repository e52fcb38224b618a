/**
 * How the rig reaches each stimulus on one target, as the probe found it: through the reference
 * device's `ims-rig-device`, or by stock means (the target's own SIM switched with
 * `cmd phone disable-physical-subscription`, a staged TeleService overlay, …). The planners read
 * it to pick a route; capabilities (./capabilities.ts) say whether there is one at all. Plain
 * data, so the run config carries it to the suite.
 */
import { type CapabilityFacts, type PhysicalSim, SINGLE_REGISTRATION_FEATURE, TELEPHONY_IMS_FEATURE } from './capabilities';

export interface TargetRoutes {
  /** The reference device's stimulus binary answers. */
  readonly stimulusTool: boolean;
  /** The target's own SIM the rig switches off and on (absent with a stimulus tool or without root). */
  readonly physicalSim?: PhysicalSim;
  readonly slotCount: number;
  /** System features of interest the target declares by itself (before any staging). */
  readonly declaredFeatures: readonly string[];
}

export const NO_ROUTES: TargetRoutes = { stimulusTool: false, slotCount: 1, declaredFeatures: [] };

export function routesFrom(facts: CapabilityFacts): TargetRoutes {
  return {
    stimulusTool: facts.stimulusTool,
    ...(facts.physicalSim === undefined ? {} : { physicalSim: facts.physicalSim }),
    slotCount: facts.slotCount ?? 1,
    declaredFeatures: [TELEPHONY_IMS_FEATURE, SINGLE_REGISTRATION_FEATURE].filter((f) => facts.systemFeatures.has(f)),
  };
}
