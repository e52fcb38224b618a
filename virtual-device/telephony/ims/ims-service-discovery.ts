/**
 * ImsResolver.searchForImsServices / getImsServiceInfo (OPT ImsResolver.java A15:L1741-1808;
 * reference §1.3): which installed components are ImsServices, whether their features come from
 * manifest meta-data or a dynamic query, and the BIND_IMS_SERVICE check.
 */
import { type ComponentInfo, type LogBuffer } from '../../android/platform';
import { componentName, componentToString } from './component-name';
import { JavaException } from './java-exception';
import { COMPAT_SERVICE_INTERFACE } from './ims-service-controller-compat';
import { IMS_SERVICE_INTERFACE } from './ims-service-controller';
import { type ControllerKind, ImsServiceInfo } from './ims-service-info';
import { FEATURE_EMERGENCY_MMTEL, FEATURE_MMTEL, FEATURE_RCS, removeEmergencyWithoutMmtel } from './feature-slot-pair';

const TAG = 'ImsResolver';
export const METADATA_MMTEL_FEATURE = 'android.telephony.ims.MMTEL_FEATURE';
export const METADATA_EMERGENCY_MMTEL_FEATURE = 'android.telephony.ims.EMERGENCY_MMTEL_FEATURE';
export const METADATA_RCS_FEATURE = 'android.telephony.ims.RCS_FEATURE';
export const METADATA_OVERRIDE_PERM_CHECK = 'override_bind_check';
export const BIND_IMS_SERVICE = 'android.permission.BIND_IMS_SERVICE';

export interface DiscoveryInputs {
  readonly queryIntentServices: (action: string, packageName?: string) => readonly ComponentInfo[];
  readonly isDevicePackage: (packageName: string) => boolean;
  readonly numSlots: number;
  readonly logcat: LogBuffer;
  readonly bindPermissionNotEnforced: boolean;
  readonly emergencyKeptWithoutMmtel: boolean;
  readonly compatServicesIgnored: boolean;
}

/** BaseBundle.getBoolean(key, false): only a Boolean value counts (a String "true" does not). */
function metaBoolean(metaData: Readonly<Record<string, unknown>>, key: string): boolean {
  return metaData[key] === true;
}

/** getImsServiceInfo(packageName): new-style services first, then compat ones. */
export function getImsServiceInfo(inputs: DiscoveryInputs, packageName: string | null): ImsServiceInfo[] {
  const infos = searchForImsServices(inputs, packageName, 'ims');
  if (!inputs.compatServicesIgnored) infos.push(...searchForImsServices(inputs, packageName, 'compat'));
  return infos;
}

function searchForImsServices(inputs: DiscoveryInputs, packageName: string | null, kind: ControllerKind): ImsServiceInfo[] {
  const action = kind === 'ims' ? IMS_SERVICE_INTERFACE : COMPAT_SERVICE_INTERFACE;
  const infos: ImsServiceInfo[] = [];
  for (const service of inputs.queryIntentServices(action, packageName ?? undefined)) {
    const info = new ImsServiceInfo(componentName(service.packageName, service.className), kind);
    // ServiceInfo.metaData is null when the component declares no <meta-data> at all.
    const metaData = Object.keys(service.metaData).length > 0 ? service.metaData : null;
    if (inputs.isDevicePackage(service.packageName) || kind === 'compat') {
      if (metaData !== null) {
        if (metaBoolean(metaData, METADATA_MMTEL_FEATURE)) info.addFeatureForAllSlots(inputs.numSlots, FEATURE_MMTEL);
        if (metaBoolean(metaData, METADATA_EMERGENCY_MMTEL_FEATURE)) info.addFeatureForAllSlots(inputs.numSlots, FEATURE_EMERGENCY_MMTEL);
        if (metaBoolean(metaData, METADATA_RCS_FEATURE)) info.addFeatureForAllSlots(inputs.numSlots, FEATURE_RCS);
        // AOSP only reads EMERGENCY_MMTEL inside the MMTEL branch.
        if (!inputs.emergencyKeptWithoutMmtel) removeEmergencyWithoutMmtel(info.getSupportedFeatures());
      }
      // Compat services are always "from metadata"; a device service without any falls back to a query.
      if (kind !== 'compat' && info.getSupportedFeatures().size === 0) info.featureFromMetadata = false;
    } else {
      // A carrier (non-compat) service must answer querySupportedImsFeatures(): meta-data is ignored.
      info.featureFromMetadata = false;
    }
    inputs.logcat.write('I', TAG, `service name: ${componentToString(info.name)}, manifest query: ${info.featureFromMetadata}`);
    if (inputs.bindPermissionNotEnforced || service.permission === BIND_IMS_SERVICE) {
      infos.push(info);
      continue;
    }
    if (metaData === null) {
      // [code-reading] AOSP dereferences serviceInfo.metaData here without a null check.
      throw new JavaException(
        'java.lang.NullPointerException',
        "Attempt to invoke virtual method 'boolean android.os.BaseBundle.getBoolean(java.lang.String, boolean)' on a null object reference",
        [
          'com.android.internal.telephony.ims.ImsResolver.searchForImsServices(ImsResolver.java:1798)',
          'com.android.internal.telephony.ims.ImsResolver.getImsServiceInfo(ImsResolver.java:1729)',
        ],
      );
    }
    if (metaBoolean(metaData, METADATA_OVERRIDE_PERM_CHECK)) {
      infos.push(info);
    } else {
      inputs.logcat.write('W', TAG, `ImsService is not protected with BIND_IMS_SERVICE permission: ${componentToString(info.name)}`);
    }
  }
  return infos;
}
