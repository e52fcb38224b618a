/**
 * The platform permissions the reference device knows, with their protection levels as
 * frameworks/base/core/res/AndroidManifest.xml declares them (Android 15). A permission that no
 * package defines is never granted, as on AOSP.
 */

export type ProtectionBase = 'normal' | 'dangerous' | 'signature' | 'internal';
export type ProtectionFlag = 'privileged' | 'development' | 'role' | 'appop' | 'installer' | 'setup' | 'pre23' | 'preinstalled';

export interface PermissionDefinition {
  readonly name: string;
  readonly base: ProtectionBase;
  readonly flags: readonly ProtectionFlag[];
  /** The package that defines it ("android" for the platform's own). */
  readonly packageName: string;
}

function define(base: ProtectionBase, flags: readonly ProtectionFlag[], names: readonly string[]): PermissionDefinition[] {
  return names.map((n) => ({ name: n.includes('.') ? n : `android.permission.${n}`, base, flags, packageName: 'android' }));
}

/** Runtime permissions (protectionLevel="dangerous"). */
const DANGEROUS = define('dangerous', [], [
  'READ_PHONE_STATE', 'READ_PHONE_NUMBERS', 'CALL_PHONE', 'ANSWER_PHONE_CALLS', 'READ_CALL_LOG', 'WRITE_CALL_LOG',
  'PROCESS_OUTGOING_CALLS', 'USE_SIP', 'com.android.voicemail.permission.ADD_VOICEMAIL', 'READ_CONTACTS', 'WRITE_CONTACTS',
  'GET_ACCOUNTS', 'SEND_SMS', 'RECEIVE_SMS', 'READ_SMS', 'RECEIVE_WAP_PUSH', 'RECEIVE_MMS', 'READ_CELL_BROADCASTS',
  'RECORD_AUDIO', 'CAMERA', 'ACCESS_FINE_LOCATION', 'ACCESS_COARSE_LOCATION', 'ACCESS_BACKGROUND_LOCATION',
  'READ_CALENDAR', 'WRITE_CALENDAR', 'READ_EXTERNAL_STORAGE', 'WRITE_EXTERNAL_STORAGE', 'READ_MEDIA_AUDIO',
  'READ_MEDIA_VIDEO', 'READ_MEDIA_IMAGES', 'POST_NOTIFICATIONS', 'BODY_SENSORS', 'BLUETOOTH_CONNECT', 'BLUETOOTH_SCAN',
  'BLUETOOTH_ADVERTISE', 'NEARBY_WIFI_DEVICES', 'ACTIVITY_RECOGNITION', 'UWB_RANGING',
]);

/** Install-time permissions (protectionLevel="normal"). */
const NORMAL = define('normal', [], [
  'INTERNET', 'ACCESS_NETWORK_STATE', 'ACCESS_WIFI_STATE', 'CHANGE_NETWORK_STATE', 'CHANGE_WIFI_STATE', 'WAKE_LOCK',
  'RECEIVE_BOOT_COMPLETED', 'FOREGROUND_SERVICE', 'FOREGROUND_SERVICE_PHONE_CALL', 'FOREGROUND_SERVICE_DATA_SYNC',
  'VIBRATE', 'BLUETOOTH', 'BLUETOOTH_ADMIN', 'NFC', 'READ_SYNC_SETTINGS', 'WRITE_SYNC_SETTINGS', 'GET_PACKAGE_SIZE',
  'MODIFY_AUDIO_SETTINGS', 'ACCESS_NOTIFICATION_POLICY', 'REQUEST_DELETE_PACKAGES', 'QUERY_ALL_PACKAGES',
  'READ_BASIC_PHONE_STATE', 'USE_FULL_SCREEN_INTENT', 'SCHEDULE_EXACT_ALARM', 'USE_EXACT_ALARM', 'EXPAND_STATUS_BAR',
  'SET_WALLPAPER', 'KILL_BACKGROUND_PROCESSES', 'REORDER_TASKS', 'TRANSMIT_IR', 'USE_BIOMETRIC', 'USE_FINGERPRINT',
]);

/** signature|privileged: granted to platform-signed apps, or to priv-apps on the privapp allowlist. */
const SIGNATURE_PRIVILEGED = define('signature', ['privileged'], [
  'MODIFY_PHONE_STATE', 'READ_PRIVILEGED_PHONE_STATE', 'CONNECTIVITY_USE_RESTRICTED_NETWORKS', 'BIND_IMS_SERVICE',
  'BROADCAST_SMS', 'BROADCAST_WAP_PUSH', 'SEND_RESPOND_VIA_MESSAGE', 'BIND_INCALL_SERVICE', 'READ_NETWORK_USAGE_HISTORY',
  'MODIFY_AUDIO_ROUTING', 'CAPTURE_AUDIO_OUTPUT', 'CALL_PRIVILEGED', 'READ_SEARCH_INDEXABLES', 'REBOOT',
  'MANAGE_USERS', 'INTERACT_ACROSS_USERS', 'INTERACT_ACROSS_USERS_FULL', 'CHANGE_COMPONENT_ENABLED_STATE',
  'INSTALL_PACKAGES', 'DELETE_PACKAGES', 'SUBSTITUTE_NOTIFICATION_APP_NAME', 'MANAGE_ROLE_HOLDERS', 'OBSERVE_ROLE_HOLDERS',
  'NETWORK_SETTINGS', 'MANAGE_SUBSCRIPTION_PLANS', 'BIND_TELEPHONY_DATA_SERVICE', 'BIND_TELEPHONY_NETWORK_SERVICE',
  'BIND_CARRIER_SERVICES', 'READ_PRECISE_PHONE_STATE', 'RECEIVE_EMERGENCY_BROADCAST', 'UPDATE_DEVICE_STATS',
  'STATUS_BAR', 'MANAGE_APP_OPS_MODES', 'START_FOREGROUND_SERVICES_FROM_BACKGROUND', 'SEND_SMS_NO_CONFIRMATION',
  'WRITE_APN_SETTINGS', 'MODIFY_CELL_BROADCASTS', 'ACCESS_IMS_CALL_SERVICE', 'BIND_CONNECTION_SERVICE',
]);

/** signature|privileged|development: also grantable with `pm grant` (they are "changeable"). */
const SIGNATURE_PRIVILEGED_DEVELOPMENT = define('signature', ['privileged', 'development'], [
  'WRITE_SECURE_SETTINGS', 'DUMP', 'READ_LOGS', 'PACKAGE_USAGE_STATS', 'SET_ANIMATION_SCALE', 'CHANGE_CONFIGURATION',
]);

/** signature only. */
const SIGNATURE = define('signature', [], [
  'DEVICE_POWER', 'MASTER_CLEAR', 'BIND_DEVICE_ADMIN', 'MANAGE_DEVICE_ADMINS', 'SHUTDOWN', 'SET_TIME',
  'ACCESS_MESSAGES_ON_ICC', 'BIND_JOB_SERVICE', 'BIND_NOTIFICATION_LISTENER_SERVICE', 'BIND_ACCESSIBILITY_SERVICE',
]);

/**
 * internal|role: "Only granted if the application is a system app AND is in the Default SMS Role"
 * (CTS permission2 manifest copy of PERFORM_IMS_SINGLE_REGISTRATION; the seed's single-registration
 * section says the same for ACCESS_RCS_USER_CAPABILITY_EXCHANGE with the SMS or dialer role).
 */
const INTERNAL_ROLE = define('internal', ['role'], [
  'PERFORM_IMS_SINGLE_REGISTRATION', 'ACCESS_RCS_USER_CAPABILITY_EXCHANGE',
]);

const APPOP = define('signature', ['appop', 'development', 'installer', 'pre23', 'privileged', 'setup'], [
  'SYSTEM_ALERT_WINDOW', 'WRITE_SETTINGS', 'REQUEST_INSTALL_PACKAGES', 'MANAGE_EXTERNAL_STORAGE',
]);

export const PLATFORM_PERMISSIONS: ReadonlyMap<string, PermissionDefinition> = new Map(
  [...DANGEROUS, ...NORMAL, ...SIGNATURE_PRIVILEGED, ...SIGNATURE_PRIVILEGED_DEVELOPMENT, ...SIGNATURE, ...INTERNAL_ROLE, ...APPOP].map((p) => [p.name, p]),
);

export function isRuntime(def: PermissionDefinition): boolean {
  return def.base === 'dangerous';
}

/** PermissionInfo#protectionToString, as `dumpsys package` prints declared permissions. */
export function protectionToString(def: Pick<PermissionDefinition, 'base' | 'flags'>): string {
  return [def.base, ...def.flags].join('|');
}

/** Parses android:protectionLevel text ("signature|privileged") of a permission an app declares. */
export function parseProtectionLevel(text: string | number | undefined): { base: ProtectionBase; flags: ProtectionFlag[] } {
  if (typeof text === 'number') {
    // Compiled form: base in the low 4 bits (0 normal, 1 dangerous, 2 signature, 4 internal), flags above.
    const baseBits = text & 0xf;
    const base: ProtectionBase = baseBits === 1 ? 'dangerous' : baseBits === 2 || baseBits === 3 ? 'signature' : baseBits === 4 ? 'internal' : 'normal';
    const flags: ProtectionFlag[] = [];
    if ((text & 0x10) !== 0) flags.push('privileged');
    if ((text & 0x20) !== 0) flags.push('development');
    if ((text & 0x40) !== 0) flags.push('appop');
    if ((text & 0x4000000) !== 0) flags.push('role');
    return { base, flags };
  }
  const parts = (text ?? 'normal').split('|').map((p) => p.trim());
  const base = (['normal', 'dangerous', 'signature', 'internal'] as const).find((b) => parts.includes(b)) ?? (parts.includes('signatureOrSystem') ? 'signature' : 'normal');
  const flags = parts.filter((p): p is ProtectionFlag => ['privileged', 'development', 'role', 'appop', 'installer', 'setup', 'pre23', 'preinstalled'].includes(p));
  if (parts.includes('signatureOrSystem')) flags.push('privileged');
  return { base, flags };
}
