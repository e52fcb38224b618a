/**
 * User and group names as bionic's getpwuid/getgrgid report them (android_filesystem_config.h;
 * app uids are u0_a<appId-10000>).
 */
const AID_NAMES: Readonly<Record<number, string>> = {
  0: 'root',
  1000: 'system',
  1001: 'radio',
  1004: 'input',
  1007: 'log',
  1011: 'adb',
  1015: 'sdcard_rw',
  1023: 'media_rw',
  1028: 'sdcard_r',
  1078: 'ext_data_rw',
  1079: 'ext_obb_rw',
  2000: 'shell',
  3001: 'net_bt_admin',
  3002: 'net_bt',
  3003: 'inet',
  3006: 'net_bw_stats',
  3009: 'readproc',
  3011: 'uhid',
  3012: 'readtracefs',
  9997: 'everybody',
  9998: 'misc',
};

export function uidName(uid: number): string {
  const known = AID_NAMES[uid];
  if (known !== undefined) return known;
  if (uid >= 10000 && uid < 20000) return `u0_a${uid - 10000}`;
  return String(uid);
}
