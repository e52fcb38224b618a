/**
 * Feature meta-data must be android:value="true": ImsResolver reads each key with
 * `metaData.getBoolean(key, false)`, and aapt compiles only "true"/"false" to booleans, so "yes",
 * "1" or a resource declare nothing (aosp-imsresolver.md §1.3). A declared "false" is pointless and
 * reads like a mistake; an unknown android.telephony.ims.* key is most likely a typo.
 */
import { describeResValue } from '../../formats/binary-xml-values';
import { FEATURE_METADATA_KEY, IMS_FEATURES, type ImsFeature } from '../../model/feature';
import { type RuleFinding } from '../finding';
import { type LintRule } from '../rule';
import { describeComponent, type ImsServiceFacts } from '../subject';

const KNOWN_KEYS = new Set(Object.values(FEATURE_METADATA_KEY));
const BASIS = 'ImsResolver reads feature meta-data with getBoolean(key, false) (aosp-imsresolver.md §1.3)';

function check(i: ImsServiceFacts): RuleFinding[] {
  const element = describeComponent(i.component);
  const findings: RuleFinding[] = [];
  for (const feature of IMS_FEATURES) {
    const entry = i.featureMetaData[feature];
    if (entry === undefined || (entry.value?.type === 'boolean' && entry.value.value)) continue;
    const what = entry.value === undefined
      ? (entry.resource === undefined ? 'has no android:value' : `uses android:resource=${entry.resource} instead of android:value`)
      : entry.value.type === 'boolean'
        ? 'is "false"'
        : `is ${describeResValue(entry.value)}, which aapt compiles to a${entry.value.type === 'int' ? 'n integer' : ` ${entry.value.type}`}, not a boolean`;
    findings.push({
      severity: 'error', line: entry.line, element,
      message: `${FEATURE_METADATA_KEY[feature]} ${what}: ImsResolver's getBoolean reads false, so ${featureLabel(feature)} is NOT declared; write android:value="true"${entry.value?.type === 'boolean' ? ' or remove the entry' : ''}`,
      basis: BASIS,
    });
  }
  for (const m of i.component.metaData) {
    if (m.name.startsWith('android.telephony.ims.') && !KNOWN_KEYS.has(m.name)) {
      findings.push({
        severity: 'warning', line: m.line, element,
        message: `${m.name} is not a meta-data key ImsResolver reads (it reads ${[...KNOWN_KEYS].join(', ')})`,
        basis: BASIS,
      });
    }
  }
  return findings;
}

function featureLabel(f: ImsFeature): string {
  return f === 'EMERGENCY_MMTEL' ? 'emergency MMTEL' : f;
}

export const featureMetadata: LintRule = {
  id: 'feature-metadata',
  title: 'feature meta-data use the known keys with android:value="true"',
  doc: 'registrationSteps',
  check: (s) => s.imsServices.flatMap(check),
};
