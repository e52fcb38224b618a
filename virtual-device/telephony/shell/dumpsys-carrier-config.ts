/**
 * `dumpsys carrier_config` (CarrierConfigLoader.dump), reduced to what the reference device models:
 * per phone the subscription and the merged config, keys sorted, `key = value` lines.
 */
import { type BundleValue } from '../carrier/bundle';
import { javaDoubleToString } from '../carrier/java-numbers';
import { type PhoneShellServices } from './phone-shell-services';

function show(value: BundleValue | null): string {
  if (value === null) return 'null';
  switch (value.type) {
    case 'STRING':
      return value.value;
    case 'DOUBLE':
      return javaDoubleToString(value.value);
    case 'LONG':
      return value.value.toString();
    case 'STRING_ARRAY':
    case 'INT_ARRAY':
    case 'BOOLEAN_ARRAY':
      return `[${value.value.map((v) => String(v)).join(', ')}]`;
    case 'LONG_ARRAY':
      return `[${value.value.map((v) => v.toString()).join(', ')}]`;
    case 'DOUBLE_ARRAY':
      return `[${value.value.map(javaDoubleToString).join(', ')}]`;
    case 'PERSISTABLE_BUNDLE':
      return `PersistableBundle[${value.value.size} keys]`;
    case 'BOOLEAN':
    case 'INT':
      return String(value.value);
  }
}

export function writeDumpsysCarrierConfig(write: (text: string) => void, services: PhoneShellServices): void {
  write('CarrierConfigLoader: \n');
  for (let phoneId = 0; phoneId < services.subscriptions.slotCount; phoneId++) {
    const subId = services.subscriptions.subId(phoneId);
    write(`  Phone Id = ${phoneId}\n`);
    write(`  subId = ${subId}\n`);
    const config = services.carrierConfig.getConfigForSubId(subId);
    for (const key of [...config.keys()].sort()) write(`    ${key} = ${show(config.get(key) ?? null)}\n`);
  }
}
