/**
 * UI flows (DESIGN.md "Contracts added in turn 2"): TypeScript modules under `flows/` that take a
 * WebdriverIO browser, named from a scenario's `ui` step (`- ui: { flow: testrcsapp/sip-delegate,
 * package: …, args: {…} }`), loaded at run time with ts-node. This is the vocabulary the flows, the
 * Appium plugin (harness/appium), the engine and the documented model share: what a flow reports.
 *
 * A flow reports what the app's screens showed, never what it expects:
 * - `surfaces`: for TestRcsApp, per IMS single-registration API surface of the documentation's
 *   table (seed 001), whether the app got access (the call was not refused: no SecurityException,
 *   no crash) and whether the surface worked (the result the screen shows);
 * - `framework`: for ImsTestService, what its screens made the ImsService report to the framework
 *   (registration state and transport, MmTel capability status), which the engine then reads back
 *   from the framework's own dump (TelephonyDebugService).
 */

/** The API surfaces of seed 001's table, in its order. */
export const SINGLE_REGISTRATION_SURFACES = [
  'rcs-provisioning', 'sip-message-forwarding', 'dedicated-bearer', 'gba-authentication', 'rcs-uce',
] as const;
export type SingleRegistrationSurface = (typeof SINGLE_REGISTRATION_SURFACES)[number];

export interface SurfaceObservation {
  /** The app could call the API (no SecurityException, the app did not crash). */
  readonly access: boolean;
  /** The API did its job (capable, delegate created, capabilities returned, keys available). */
  readonly supported: boolean;
  /** What the screen showed, verbatim where possible. */
  readonly detail: string;
}

export type RegistrationStateName = 'NOT_REGISTERED' | 'REGISTERING' | 'REGISTERED';

export interface MmTelCapabilityFlags {
  readonly voice: boolean;
  readonly video: boolean;
  readonly ut: boolean;
  readonly sms: boolean;
}

/** What the ImsService was made to report to the framework through its screens. */
export interface FrameworkReport {
  readonly slot: number;
  readonly registration?: { readonly state: RegistrationStateName; readonly transport?: 'WWAN' | 'WLAN' };
  readonly capabilities?: MmTelCapabilityFlags;
}

export interface FlowOutcome {
  readonly surfaces?: Readonly<Partial<Record<SingleRegistrationSurface, SurfaceObservation>>>;
  readonly framework?: FrameworkReport;
  /** Things worth keeping that are not checked (what the app's own callback list showed, toasts). */
  readonly notes?: readonly string[];
}

/** Argument values a `ui` step may pass to its flow. */
export type FlowArgValue = string | number | boolean | readonly string[];
export type FlowArgs = Readonly<Record<string, FlowArgValue>>;

/** A flow name: path segments under flows/ without `.ts` (`testrcsapp/sip-delegate`). */
export const FLOW_NAME_PATTERN = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;
