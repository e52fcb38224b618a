/**
 * The scenario file format (DESIGN.md "Scenario files"), as zod schemas with the defaults the
 * contract gives. Unknown keys are errors everywhere (a typo must not silently change a test).
 * This is the raw form; loader-resolve.ts turns it into FullScenario.
 *
 * Extensions beyond DESIGN.md (all optional): apps[].apk, apps[].permissions,
 * apps[].smsRoleComponents, apps[].overrideBindCheck, apps[].directBootAware, top-level roles,
 * systemFeatures and waivers, device.overlay as a name/path of an overlay XML, and the steps
 * setBehaviour, restartPhone, setRole and checkGrants.
 */
import { z } from 'zod';
import { APP_BEHAVIOURS, AREAS, CAPABILITIES, type Capability, FEATURE_STATES, IMS_SERVICE_CAPABILITIES } from '../model';
import { describeValue } from './format-error';
import {
  classNameSchema, featureListSchema, featuresBySlotSchema, overlayPackageSchema, packageNameSchema,
  permissionNameSchema, slotCountSchema, slotRecord, stringOrMap, systemFeatureSchema, carrierSourceSchema,
} from './schema-fields';

export { STEP_SCHEMAS, type StepKindName, type RawStep } from './schema-steps';

/** Scenario ids: dot-separated lower-case words, e.g. priority.doc-table.carrier-a. */
export const SCENARIO_ID_PATTERN = /^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$/;
/** Waiver ids (suites/waivers.yaml). */
export const WAIVER_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

const capabilitySchema = z.custom<Capability>((v) => typeof v === 'string' && Object.prototype.hasOwnProperty.call(CAPABILITIES, v), (v) => ({
  message: `must be one of ${Object.keys(CAPABILITIES).join(', ')} (got ${describeValue(v)})`,
}));

export const appSchema = z.object({
  package: packageNameSchema,
  service: classNameSchema.default('.ImsService'),
  action: z.enum(['ims', 'compat']).default('ims'),
  permission: z.boolean().default(true),
  overrideBindCheck: z.boolean().default(false),
  directBootAware: z.boolean().default(true),
  location: z.enum(['priv-app', 'system', 'data']).default('priv-app'),
  metadata: featureListSchema.default([]),
  answers: featuresBySlotSchema.default({}),
  behaviour: z.enum(APP_BEHAVIOURS).default('normal'),
  /** The ImsFeature state the app's features stay in (ims-rig.feature-state); READY when absent. */
  featureState: z.enum(FEATURE_STATES).optional(),
  installed: z.boolean().default(true),
  /** A prebuilt APK, relative to the scenario file. */
  apk: z.string().min(1).optional(),
  permissions: z.array(permissionNameSchema).default([]),
  smsRoleComponents: z.boolean().default(false),
  /** ImsService#getImsServiceCapabilities, e.g. [SIP_DELEGATE_CREATION] (single registration). */
  capabilities: z.array(z.enum(IMS_SERVICE_CAPABILITIES)).default([]),
}).strict();
export type RawApp = z.output<typeof appSchema>;

export const overlayMapSchema = z.object({
  mmtel: overlayPackageSchema.default(''),
  rcs: overlayPackageSchema.default(''),
}).strict();

export const deviceSchema = z.object({
  slots: slotCountSchema.default(1),
  /** Device defaults, or the name of fixtures/overlays/<name>.xml, or a path to an overlay XML. */
  overlay: stringOrMap(overlayMapSchema, 'a map { mmtel, rcs }, an overlay name or a path to an overlay XML').default({}),
}).strict();

export const rolesSchema = z.object({
  sms: packageNameSchema.nullable().optional(),
  dialer: packageNameSchema.nullable().optional(),
}).strict();

export const scenarioSchema = z.object({
  id: z.string().regex(SCENARIO_ID_PATTERN, 'must be lower-case words separated by dots, e.g. priority.doc-table.carrier-a'),
  title: z.string().trim().min(1),
  area: z.enum(AREAS),
  /** Required for scenarios under suites/ (checked by the resolver, which knows the path). */
  doc: z.string().trim().min(1).optional(),
  requires: z.array(capabilitySchema).default([]),
  device: deviceSchema.default({}),
  apps: z.array(appSchema).default([]),
  /** Per slot: a carrier profile name, an XML path, an inline map, or null (no SIM). */
  sims: slotRecord(carrierSourceSchema.nullable()).default({}),
  roles: rolesSchema.default({}),
  systemFeatures: z.array(systemFeatureSchema).default([]),
  waivers: z.array(z.string().regex(WAIVER_ID_PATTERN, 'is not a valid waiver id')).default([]),
  /** Single-key maps; each is checked against STEP_SCHEMAS by the resolver (precise paths). */
  steps: z.array(z.unknown()).min(1),
}).strict();
export type RawScenario = z.output<typeof scenarioSchema>;
