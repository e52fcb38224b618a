/**
 * The steps of a scenario file (DESIGN.md "Scenario files", plus the extensions setBehaviour,
 * restartPhone, setRole, checkGrants and the state-callback steps registerStateCallback,
 * unregisterStateCallback, reregisterStateCallback and checkStateCallbacks). A step is a single-key map `- insertSim: {...}`; the
 * value of each kind is checked by its schema here.
 */
import { z } from 'zod';
import { APP_BEHAVIOURS, FLOW_NAME_PATTERN, IMS_FEATURES, SINGLE_REGISTRATION_SURFACES } from '../model';
import {
  callbackPinSchema, carrierSourceSchema, carrierValuesSchema, featureListSchema, featuresBySlotSchema, overridePackageSchema,
  packageNameSchema, registrationIdSchema, slotCountSchema, slotIndexSchema, slotRecord, stateCallbackFeatureSchema,
} from './schema-fields';

/** `{}` or nothing (`- reboot:` in YAML is null). */
const noArguments = z.object({}).strict().nullable().transform(() => ({}));
const packageOnly = z.object({ package: packageNameSchema }).strict();
const slotOnly = z.object({ slot: slotIndexSchema }).strict();

/** A pin in `check.bindings`: per slot and feature, the package that must be bound, or null. */
const pinnedCells = z.object(
  Object.fromEntries(IMS_FEATURES.map((f) => [f, packageNameSchema.nullable().optional()])) as Record<
    (typeof IMS_FEATURES)[number],
    z.ZodOptional<z.ZodNullable<typeof packageNameSchema>>
  >,
).strict();

export const STEP_SCHEMAS = {
  check: z.object({ bindings: slotRecord(pinnedCells).optional() }).strict().nullable().transform((v) => v ?? {}),
  insertSim: z.object({ slot: slotIndexSchema, carrier: carrierSourceSchema }).strict(),
  removeSim: slotOnly,
  setCarrierConfig: z.object({ slot: slotIndexSchema, values: carrierValuesSchema }).strict(),
  install: packageOnly,
  uninstall: packageOnly,
  updateApp: z.object({ package: packageNameSchema, metadata: featureListSchema.optional(), answers: featuresBySlotSchema.optional() })
    .strict()
    .refine((v) => v.metadata !== undefined || v.answers !== undefined, { message: 'must change metadata, answers or both' }),
  setFeatures: z.object({ package: packageNameSchema, features: featuresBySlotSchema }).strict(),
  setSlotCount: slotCountSchema,
  override: z.object({
    slot: slotIndexSchema,
    scope: z.enum(['carrier', 'device']),
    features: featureListSchema.min(1),
    package: overridePackageSchema,
  }).strict(),
  clearOverride: slotOnly,
  crash: packageOnly,
  setBehaviour: z.object({ package: packageNameSchema, behaviour: z.enum(APP_BEHAVIOURS) }).strict(),
  restartPhone: noArguments,
  reboot: noArguments,
  setRole: z.object({ role: z.enum(['sms', 'dialer']), package: packageNameSchema.nullable() }).strict(),
  checkGrants: packageOnly,
  ui: z.object({
    flow: z.string().regex(FLOW_NAME_PATTERN, 'must name a flow under flows/ (lower-case path segments, no .ts), e.g. testrcsapp/sip-delegate'),
    package: packageNameSchema,
    args: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'argument names are words'),
      z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).default({}),
    // The single-registration surfaces the flow reports (what the step checks, known before a run).
    surfaces: z.array(z.enum(SINGLE_REGISTRATION_SURFACES)).optional(),
  }).strict(),
  // ImsStateCallback through the observer app (harness/model/observer-app.ts).
  registerStateCallback: z.object({ id: registrationIdSchema, slot: slotIndexSchema, feature: stateCallbackFeatureSchema }).strict(),
  unregisterStateCallback: z.object({ id: registrationIdSchema }).strict(),
  reregisterStateCallback: z.object({ id: registrationIdSchema }).strict(),
  checkStateCallbacks: z.object({ expect: z.record(registrationIdSchema, callbackPinSchema).optional() }).strict().nullable().transform((v) => v ?? {}),
} as const;

export type StepKindName = keyof typeof STEP_SCHEMAS;
/** A parsed step: its kind and its checked value. */
export type RawStep = { [K in StepKindName]: { readonly kind: K; readonly value: z.output<(typeof STEP_SCHEMAS)[K]> } }[StepKindName];

/** Steps that take no arguments may be written as a bare word: `- reboot`. */
export const BARE_STEPS: readonly StepKindName[] = ['check', 'reboot', 'restartPhone', 'checkStateCallbacks'];
