/**
 * An ImsService without feature meta-data is asked for its features with
 * ImsService#querySupportedImsFeatures (always so for carrier services, whose meta-data ImsResolver
 * ignores). A compat ImsService is never queried: without meta-data it provides nothing and is
 * never bound (aosp-imsresolver.md §1.3).
 */
import { type LintRule } from '../rule';
import { describeComponent } from '../subject';

export const noFeatureMetadata: LintRule = {
  id: 'no-feature-metadata',
  title: 'how the ImsService\'s features will be found when it declares none in meta-data',
  doc: 'querySupported',
  check: (s) => s.imsServices
    .filter((i) => Object.keys(i.featureMetaData).length === 0)
    .map((i) => i.action === 'compat'
      ? {
        severity: 'error' as const, line: i.component.line, element: describeComponent(i.component), doc: 'compatBinding' as const,
        message: 'compat ImsService without feature meta-data: compat services are never queried, so it provides no feature and is never bound',
        basis: 'ImsResolver#searchForImsServices: compat services are always "from metadata" (aosp-imsresolver.md §1.3)',
      }
      : {
        severity: 'info' as const, line: i.component.line, element: describeComponent(i.component),
        message: 'no feature meta-data: the framework will query its features dynamically with ImsService#querySupportedImsFeatures ' +
          '(as it always does for a carrier ImsService, whose meta-data it ignores)',
        basis: 'ImsResolver#searchForImsServices featureFromMetadata=false (aosp-imsresolver.md §1.3)',
      }),
};
