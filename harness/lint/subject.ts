/**
 * The facts about an app every lint rule works from: which components are ImsServices (found the
 * way ImsResolver finds them: a <service> whose intent-filter has the ImsService or the compat
 * action), their feature meta-data, and the permissions the app requests.
 */
import {
  type ComponentInfo, type ManifestInfo, type MetaDataEntry, metaDataMap,
} from '../formats/android-manifest';
import { FEATURE_METADATA_KEY, IMS_FEATURES, type ImsFeature } from '../model/feature';
import {
  BIND_IMS_SERVICE_PERMISSION, IMS_COMPAT_SERVICE_ACTION, IMS_SERVICE_ACTION, OVERRIDE_BIND_CHECK_METADATA,
} from '../model/ims-app';

export const PERFORM_IMS_SINGLE_REGISTRATION = 'android.permission.PERFORM_IMS_SINGLE_REGISTRATION';
export const ACCESS_RCS_USER_CAPABILITY_EXCHANGE = 'android.permission.ACCESS_RCS_USER_CAPABILITY_EXCHANGE';

export interface ImsServiceFacts {
  readonly component: ComponentInfo;
  /** `ims` when an intent-filter has android.telephony.ims.ImsService, else `compat`. */
  readonly action: 'ims' | 'compat';
  /** Feature meta-data entries present (whatever their value), by feature. */
  readonly featureMetaData: Readonly<Partial<Record<ImsFeature, MetaDataEntry>>>;
  /** Features ImsResolver would read as declared: meta-data that is boolean true. */
  readonly declared: ReadonlySet<ImsFeature>;
  readonly overrideBindCheck?: MetaDataEntry;
}

export interface LintSubject {
  readonly manifest: ManifestInfo;
  readonly imsServices: readonly ImsServiceFacts[];
  /** Components that look meant as ImsServices but would not be found as one. */
  readonly strayImsComponents: readonly ComponentInfo[];
  requests(permission: string): boolean;
  /** Requests PERFORM_IMS_SINGLE_REGISTRATION: an RCS single-registration client. */
  readonly singleRegistration: boolean;
}

const hasAction = (c: ComponentInfo, action: string): boolean => c.intentFilters.some((f) => f.actions.includes(action));

/** A short name for messages: `<service .ImsService>`. */
export function describeComponent(c: ComponentInfo): string {
  return `<${c.kind} ${c.name || '(no android:name)'}>`;
}

export function isDeclaredTrue(entry: MetaDataEntry | undefined): boolean {
  return entry?.value?.type === 'boolean' && entry.value.value;
}

function imsServiceFacts(c: ComponentInfo): ImsServiceFacts {
  const meta = metaDataMap(c.metaData);
  const featureMetaData: Partial<Record<ImsFeature, MetaDataEntry>> = {};
  for (const f of IMS_FEATURES) {
    const entry = meta.get(FEATURE_METADATA_KEY[f]);
    if (entry !== undefined) featureMetaData[f] = entry;
  }
  const override = meta.get(OVERRIDE_BIND_CHECK_METADATA);
  return {
    component: c,
    action: hasAction(c, IMS_SERVICE_ACTION) ? 'ims' : 'compat',
    featureMetaData,
    declared: new Set(IMS_FEATURES.filter((f) => isDeclaredTrue(featureMetaData[f]))),
    ...(override === undefined ? {} : { overrideBindCheck: override }),
  };
}

function looksLikeImsService(c: ComponentInfo): boolean {
  const names = new Set(c.metaData.map((m) => m.name));
  return c.permission === BIND_IMS_SERVICE_PERMISSION || names.has(OVERRIDE_BIND_CHECK_METADATA) ||
    IMS_FEATURES.some((f) => names.has(FEATURE_METADATA_KEY[f]));
}

export function lintSubject(manifest: ManifestInfo): LintSubject {
  const isIms = (c: ComponentInfo): boolean => hasAction(c, IMS_SERVICE_ACTION) || hasAction(c, IMS_COMPAT_SERVICE_ACTION);
  const services = manifest.components.filter((c) => c.kind === 'service');
  const requested = new Set(manifest.usesPermissions.map((p) => p.name));
  return {
    manifest,
    imsServices: services.filter(isIms).map(imsServiceFacts),
    strayImsComponents: [
      ...services.filter((c) => !isIms(c) && looksLikeImsService(c)),
      ...manifest.components.filter((c) => c.kind !== 'service' && isIms(c)),
    ],
    requests: (permission) => requested.has(permission),
    singleRegistration: requested.has(PERFORM_IMS_SINGLE_REGISTRATION),
  };
}
