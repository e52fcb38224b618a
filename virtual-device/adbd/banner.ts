/**
 * The device's CNXN banner (adb.cpp get_connection_string; adb-protocol.md §2):
 * `device::ro.product.name=X;ro.product.model=Y;ro.product.device=Z;features=f1,f2`.
 * The serial field is empty over TCP (the host names the device IP:PORT).
 */
import { type BannerProps } from '../device/android-device';
import { MAX_PAYLOAD_V1 } from './packet';

const BANNER_KEYS = ['ro.product.name', 'ro.product.model', 'ro.product.device'] as const;
/** Keeps any one value from crowding the features out of the 4 KiB banner. */
const MAX_VALUE_LENGTH = 256;

/**
 * The host's parse_banner splits on `:`, then `;`, then `=`, so a value holding one of them (or a
 * control character) would corrupt the device's identity: such characters become `_`.
 */
export function sanitizeBannerValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[:;=,\x00-\x1f\x7f]/g, '_').slice(0, MAX_VALUE_LENGTH);
}

export function deviceBanner(props: BannerProps, features: readonly string[]): Buffer {
  const fields = BANNER_KEYS.map((key) => `${key}=${sanitizeBannerValue(props[key])}`);
  const banner = Buffer.from(`device::${fields.join(';')};features=${features.join(',')}`);
  // CNXN is exchanged before maxdata is negotiated, so it must fit MAX_PAYLOAD_V1.
  if (banner.length > MAX_PAYLOAD_V1) throw new Error(`CNXN banner of ${banner.length} bytes exceeds ${MAX_PAYLOAD_V1}`);
  return banner;
}
