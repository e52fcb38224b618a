/**
 * The apps the reference device's system image ships (an AOSP phone's handful that ims-rig meets:
 * the framework, the phone process, the shell, Settings, the default SMS and dialer apps). Their
 * APKs in the image are stubs that name the package; the boot scan maps them to these
 * descriptions (they are platform-signed, like the real ones).
 */
import { type IntentFilterInfo, type ParsedComponent, type ParsedPackage } from './apk-parser';

/** The first bytes of a stub APK in the system image. */
export const BUILTIN_APK_MARKER = 'ims-rig builtin apk: ';

export interface BuiltinPackage {
  readonly path: string;
  readonly appId: number;
  readonly parsed: ParsedPackage;
}

const P = (name: string): string => `android.permission.${name}`;

function component(kind: ParsedComponent['kind'], className: string, options: { permission?: string; filters?: IntentFilterInfo[]; exported?: boolean; metaData?: Record<string, boolean | string> } = {}): ParsedComponent {
  const filters = options.filters ?? [];
  return {
    kind,
    className,
    exported: options.exported ?? filters.length > 0,
    enabled: true,
    permission: options.permission ?? null,
    directBootAware: false,
    actions: filters.flatMap((f) => f.actions),
    categories: filters.flatMap((f) => f.categories),
    dataSchemes: filters.flatMap((f) => f.schemes),
    mimeTypes: filters.flatMap((f) => f.mimeTypes),
    metaData: options.metaData ?? {},
    filters,
  };
}

function filter(actions: string[], extra: Partial<IntentFilterInfo> = {}): IntentFilterInfo {
  return { actions, categories: extra.categories ?? [], schemes: extra.schemes ?? [], mimeTypes: extra.mimeTypes ?? [] };
}

function pkg(packageName: string, options: { label: string; permissions: string[]; components?: ParsedComponent[]; persistent?: boolean; directBootAware?: boolean; sharedUserId?: string; versionCode?: number }): ParsedPackage {
  return {
    packageName,
    versionCode: options.versionCode ?? 35,
    versionName: '15',
    minSdk: 35,
    targetSdk: 35,
    split: undefined,
    sharedUserId: options.sharedUserId,
    coreApp: true,
    requestedPermissions: options.permissions,
    declaredPermissions: [],
    application: { label: options.label, enabled: true, directBootAware: options.directBootAware ?? false, persistent: options.persistent ?? false, debuggable: false, testOnly: false, hasCode: true },
    components: options.components ?? [],
    instrumentation: [],
    // The image's own apps have their code: each component's class, on its framework base class.
    code: new Map((options.components ?? []).map((c) => [c.className, FRAMEWORK_BASE[c.kind]])),
  };
}

const FRAMEWORK_BASE: Readonly<Record<ParsedComponent['kind'], string>> = {
  activity: 'android.app.Activity', service: 'android.app.Service', receiver: 'android.content.BroadcastReceiver', provider: 'android.content.ContentProvider',
};

const MAIN_LAUNCHER = filter(['android.intent.action.MAIN'], { categories: ['android.intent.category.LAUNCHER'] });

/** The SMS-role components of AOSP Messaging (roles.xml SMS role <required-components>). */
const MESSAGING_COMPONENTS: ParsedComponent[] = [
  component('activity', 'com.android.messaging.ui.conversationlist.ConversationListActivity', { filters: [MAIN_LAUNCHER] }),
  component('activity', 'com.android.messaging.ui.conversation.LaunchConversationActivity', { filters: [filter(['android.intent.action.SENDTO', 'android.intent.action.VIEW'], { categories: ['android.intent.category.DEFAULT', 'android.intent.category.BROWSABLE'], schemes: ['sms', 'smsto', 'mms', 'mmsto'] })] }),
  component('receiver', 'com.android.messaging.receiver.SmsDeliverReceiver', { permission: P('BROADCAST_SMS'), filters: [filter(['android.provider.Telephony.SMS_DELIVER'])] }),
  component('receiver', 'com.android.messaging.receiver.MmsWapPushDeliverReceiver', { permission: P('BROADCAST_WAP_PUSH'), filters: [filter(['android.provider.Telephony.WAP_PUSH_DELIVER'], { mimeTypes: ['application/vnd.wap.mms-message'] })] }),
  component('service', 'com.android.messaging.datamodel.NoConfirmationSmsSendService', { permission: P('SEND_RESPOND_VIA_MESSAGE'), filters: [filter(['android.intent.action.RESPOND_VIA_MESSAGE'], { categories: ['android.intent.category.DEFAULT'], schemes: ['sms', 'smsto', 'mms', 'mmsto'] })] }),
];

const DIALER_COMPONENTS: ParsedComponent[] = [
  component('activity', 'com.android.dialer.main.impl.MainActivity', { filters: [MAIN_LAUNCHER, filter(['android.intent.action.DIAL'], { categories: ['android.intent.category.DEFAULT'] }), filter(['android.intent.action.DIAL'], { categories: ['android.intent.category.DEFAULT'], schemes: ['tel'] })] }),
  component('service', 'com.android.incallui.InCallServiceImpl', { permission: P('BIND_INCALL_SERVICE'), filters: [filter(['android.telecom.InCallService'])], metaData: { 'android.telecom.IN_CALL_SERVICE_UI': true } }),
];

const PHONE_PERMISSIONS = ['MODIFY_PHONE_STATE', 'READ_PRIVILEGED_PHONE_STATE', 'READ_PHONE_STATE', 'CALL_PHONE', 'CALL_PRIVILEGED', 'BIND_IMS_SERVICE', 'CONNECTIVITY_USE_RESTRICTED_NETWORKS', 'BROADCAST_SMS', 'BROADCAST_WAP_PUSH', 'RECEIVE_BOOT_COMPLETED', 'INTERACT_ACROSS_USERS_FULL', 'READ_CONTACTS', 'WRITE_APN_SETTINGS', 'INTERNET', 'ACCESS_NETWORK_STATE'].map(P);

/** com.android.shell's grants (frameworks/base/packages/Shell/AndroidManifest.xml, the subset that matters here). */
const SHELL_PERMISSIONS = ['MODIFY_PHONE_STATE', 'READ_PRIVILEGED_PHONE_STATE', 'READ_PHONE_STATE', 'CALL_PHONE', 'DUMP', 'READ_LOGS', 'WRITE_SECURE_SETTINGS', 'PACKAGE_USAGE_STATS', 'MANAGE_ROLE_HOLDERS', 'OBSERVE_ROLE_HOLDERS', 'INTERACT_ACROSS_USERS', 'INTERACT_ACROSS_USERS_FULL', 'CHANGE_COMPONENT_ENABLED_STATE', 'INSTALL_PACKAGES', 'DELETE_PACKAGES', 'REBOOT', 'MANAGE_USERS', 'INTERNET', 'ACCESS_NETWORK_STATE', 'READ_CONTACTS', 'WRITE_CONTACTS', 'SEND_SMS', 'RECEIVE_SMS', 'READ_SMS'].map(P);

export const BUILTIN_PACKAGES: readonly BuiltinPackage[] = [
  { path: '/system/framework/framework-res.apk', appId: 1000, parsed: pkg('android', { label: 'Android System', permissions: [], persistent: true, directBootAware: true, sharedUserId: 'android.uid.system' }) },
  { path: '/system/priv-app/TeleService/TeleService.apk', appId: 1001, parsed: pkg('com.android.phone', { label: 'Phone Services', permissions: PHONE_PERMISSIONS, persistent: true, directBootAware: true, sharedUserId: 'android.uid.phone' }) },
  { path: '/system/priv-app/TelephonyProvider/TelephonyProvider.apk', appId: 1001, parsed: pkg('com.android.providers.telephony', { label: 'Phone and Messaging Storage', permissions: PHONE_PERMISSIONS, directBootAware: true, sharedUserId: 'android.uid.phone' }) },
  { path: '/system/priv-app/Telecom/Telecom.apk', appId: 1000, parsed: pkg('com.android.server.telecom', { label: 'Call Management', permissions: [P('MODIFY_PHONE_STATE'), P('READ_PRIVILEGED_PHONE_STATE'), P('BIND_INCALL_SERVICE')], directBootAware: true, sharedUserId: 'android.uid.system' }) },
  { path: '/system/priv-app/SettingsProvider/SettingsProvider.apk', appId: 1000, parsed: pkg('com.android.providers.settings', { label: 'Settings Storage', permissions: [P('WRITE_SECURE_SETTINGS')], directBootAware: true, sharedUserId: 'android.uid.system' }) },
  { path: '/system/priv-app/Shell/Shell.apk', appId: 2000, parsed: pkg('com.android.shell', { label: 'Shell', permissions: SHELL_PERMISSIONS, sharedUserId: 'android.uid.shell' }) },
  { path: '/system_ext/priv-app/Settings/Settings.apk', appId: 1000, parsed: pkg('com.android.settings', { label: 'Settings', permissions: [P('WRITE_SECURE_SETTINGS'), P('MODIFY_PHONE_STATE'), P('MANAGE_ROLE_HOLDERS')], components: [component('activity', 'com.android.settings.Settings', { filters: [MAIN_LAUNCHER] })], sharedUserId: 'android.uid.system' }) },
  { path: '/system_ext/priv-app/SystemUI/SystemUI.apk', appId: 10040, parsed: pkg('com.android.systemui', { label: 'System UI', permissions: [P('STATUS_BAR'), P('READ_PRIVILEGED_PHONE_STATE')], persistent: true, directBootAware: true }) },
  { path: '/product/priv-app/Dialer/Dialer.apk', appId: 10060, parsed: pkg('com.android.dialer', { label: 'Phone', permissions: ['READ_PHONE_STATE', 'CALL_PHONE', 'READ_CALL_LOG', 'WRITE_CALL_LOG', 'READ_CONTACTS', 'WRITE_CONTACTS', 'SEND_SMS', 'READ_SMS', 'RECEIVE_SMS', 'RECORD_AUDIO', 'CAMERA', 'POST_NOTIFICATIONS', 'MODIFY_PHONE_STATE', 'INTERNET'].map(P), components: DIALER_COMPONENTS }) },
  { path: '/product/app/messaging/messaging.apk', appId: 10080, parsed: pkg('com.android.messaging', { label: 'Messaging', permissions: ['READ_SMS', 'SEND_SMS', 'RECEIVE_SMS', 'RECEIVE_MMS', 'RECEIVE_WAP_PUSH', 'READ_CONTACTS', 'WRITE_CONTACTS', 'READ_PHONE_STATE', 'READ_PHONE_NUMBERS', 'CALL_PHONE', 'POST_NOTIFICATIONS', 'INTERNET', 'ACCESS_NETWORK_STATE', 'WAKE_LOCK', 'RECEIVE_BOOT_COMPLETED'].map(P), components: MESSAGING_COMPONENTS }) },
];

/** The image's default role holders (config_defaultSms / config_defaultDialer). */
export const DEFAULT_ROLE_HOLDERS: Readonly<Record<string, string>> = {
  'android.app.role.SMS': 'com.android.messaging',
  'android.app.role.DIALER': 'com.android.dialer',
};
