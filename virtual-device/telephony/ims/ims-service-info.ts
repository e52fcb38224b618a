/** ImsResolver.ImsServiceInfo (A15 toString, without main's `user=`). */
import { type ComponentName, componentToString } from './component-name';
import { type FeatureSet, featureSet, type FeatureSlotPair, type FeatureType, pair, printFeatures } from './feature-slot-pair';

/** Which ImsServiceControllerFactory found the service (ImsService vs compat action). */
export type ControllerKind = 'ims' | 'compat';

export class ImsServiceInfo {
  /** Features from manifest meta-data (true) or from a dynamic query (false). */
  featureFromMetadata = true;
  private readonly supportedFeatures: FeatureSet = featureSet();

  constructor(
    readonly name: ComponentName,
    readonly controllerKind: ControllerKind,
  ) {}

  addFeatureForAllSlots(numSlots: number, feature: FeatureType): void {
    for (let i = 0; i < numSlots; i++) this.supportedFeatures.add(pair(i, feature));
  }

  /** HashSet.clear() + addAll(): keeps the set's table, inserts in the given order. */
  replaceFeatures(features: Iterable<FeatureSlotPair>): void {
    this.supportedFeatures.clear();
    for (const p of features) this.supportedFeatures.add(p);
  }

  getSupportedFeatures(): FeatureSet {
    return this.supportedFeatures;
  }

  get packageName(): string {
    return this.name.packageName;
  }

  toString(): string {
    return `[ImsServiceInfo] name=${componentToString(this.name)}, featureFromMetadata=${this.featureFromMetadata},${printFeatures(this.supportedFeatures)}`;
  }
}
