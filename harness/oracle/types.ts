/** The documented model's answers: expected cells and grants, each with its rule, reason and citations. */
import { type DocId } from '../docs/documentation';
import { type ImsFeature, type SlotKey } from '../model';
import { type RuleId } from './rules';

/** Why the documented model expects `package` (null: nothing bound) for one (slot, feature). */
export interface ExpectedCell {
  readonly package: string | null;
  readonly rule: RuleId;
  /** The inputs that decided it: config key, profile, slot, and why higher-priority candidates lost. */
  readonly reason: string;
  readonly cites: readonly DocId[];
}

/** Expected cells of the active slots only (slots >= the slot count are absent). */
export type ExpectedTable = Readonly<Partial<Record<SlotKey, Readonly<Record<ImsFeature, ExpectedCell>>>>>;

export interface ExpectedGrant {
  readonly granted: boolean;
  readonly rule: RuleId;
  readonly reason: string;
  readonly cites: readonly DocId[];
}

/** What the documentation says an app gets of one single-registration API surface (./surfaces.ts). */
export interface ExpectedSurface {
  readonly access: boolean;
  readonly accessRule: RuleId;
  readonly accessReason: string;
  /** null: the documentation is silent (observed only). */
  readonly supported: boolean | null;
  readonly supportedRule: RuleId;
  readonly supportedReason: string;
  readonly cites: readonly DocId[];
  /** The row of seed 001's table for this surface, when the documentation decides its support for this app. */
  readonly row?: DocId;
}

/** A documented requirement the world breaks that is not a binding cell (e.g. device default without emergency). */
export interface Finding {
  readonly rule: RuleId;
  readonly slot: SlotKey;
  readonly package: string;
  readonly message: string;
  readonly cites: readonly DocId[];
}
