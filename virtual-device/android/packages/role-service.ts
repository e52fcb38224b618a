/**
 * RoleManager for the roles ims-rig touches (packages/modules/Permission roles.xml): the default
 * SMS app and the default dialer. Both are exclusive; a package must "qualify" (declare the
 * role's required components) to hold one; holding a role grants the role's runtime permissions.
 * Holders survive reboots (roles.xml in /data/misc_de on AOSP).
 */
import { type ParsedComponent, type ParsedPackage } from './apk-parser';
import { DEFAULT_ROLE_HOLDERS } from './builtin-packages';

export const ROLE_SMS = 'android.app.role.SMS';
export const ROLE_DIALER = 'android.app.role.DIALER';

const P = (name: string): string => `android.permission.${name}`;
/** roles.xml permission-sets. */
const SETS = {
  phone: ['READ_PHONE_STATE', 'CALL_PHONE', 'READ_CALL_LOG', 'WRITE_CALL_LOG', 'USE_SIP', 'PROCESS_OUTGOING_CALLS', 'ANSWER_PHONE_CALLS'].map(P).concat(['com.android.voicemail.permission.ADD_VOICEMAIL']),
  contacts: ['READ_CONTACTS', 'WRITE_CONTACTS', 'GET_ACCOUNTS'].map(P),
  sms: ['SEND_SMS', 'RECEIVE_SMS', 'READ_SMS', 'RECEIVE_WAP_PUSH', 'RECEIVE_MMS', 'READ_CELL_BROADCASTS'].map(P),
  storage: ['READ_EXTERNAL_STORAGE', 'WRITE_EXTERNAL_STORAGE', 'READ_MEDIA_AUDIO', 'READ_MEDIA_VIDEO', 'READ_MEDIA_IMAGES'].map(P),
  microphone: [P('RECORD_AUDIO')],
  camera: [P('CAMERA')],
  notifications: [P('POST_NOTIFICATIONS')],
};

interface RequiredComponent {
  readonly kind: ParsedComponent['kind'];
  readonly permission?: string;
  readonly action: string;
  readonly scheme?: string;
  readonly mimeType?: string;
  readonly metaData?: Readonly<Record<string, boolean>>;
  readonly minTargetSdk?: number;
}

interface RoleDefinition {
  readonly name: string;
  readonly required: readonly RequiredComponent[];
  readonly permissions: readonly string[];
  /** fallBackToDefaultHolder="true": when the holder goes away, the default holder gets it back. */
  readonly fallBackToDefault: boolean;
}

export const ROLES: ReadonlyMap<string, RoleDefinition> = new Map([
  [ROLE_SMS, {
    name: ROLE_SMS,
    required: [
      { kind: 'receiver', permission: P('BROADCAST_SMS'), action: 'android.provider.Telephony.SMS_DELIVER' },
      { kind: 'receiver', permission: P('BROADCAST_WAP_PUSH'), action: 'android.provider.Telephony.WAP_PUSH_DELIVER', mimeType: 'application/vnd.wap.mms-message' },
      { kind: 'service', permission: P('SEND_RESPOND_VIA_MESSAGE'), action: 'android.intent.action.RESPOND_VIA_MESSAGE', scheme: 'smsto' },
      { kind: 'activity', action: 'android.intent.action.SENDTO', scheme: 'smsto' },
    ],
    permissions: [...SETS.phone, ...SETS.contacts, ...SETS.sms, ...SETS.storage, ...SETS.microphone, ...SETS.camera, ...SETS.notifications, P('START_FOREGROUND_SERVICES_FROM_BACKGROUND')],
    fallBackToDefault: false,
  }],
  [ROLE_DIALER, {
    name: ROLE_DIALER,
    required: [
      { kind: 'activity', action: 'android.intent.action.DIAL' },
      { kind: 'activity', action: 'android.intent.action.DIAL', scheme: 'tel' },
      { kind: 'service', permission: P('BIND_INCALL_SERVICE'), action: 'android.telecom.InCallService', metaData: { 'android.telecom.IN_CALL_SERVICE_UI': true }, minTargetSdk: 33 },
    ],
    permissions: [...SETS.phone, ...SETS.contacts, ...SETS.sms, ...SETS.microphone, ...SETS.camera, ...SETS.notifications],
    fallBackToDefault: true,
  }],
]);

/** Whether a package declares every component the role requires (RoleControllerServiceImpl#isRoleQualified). */
export function qualifiesForRole(role: RoleDefinition, pkg: ParsedPackage, isEnabled: (c: ParsedComponent) => boolean): boolean {
  return role.required.every((req) => {
    if (req.minTargetSdk !== undefined && pkg.targetSdk < req.minTargetSdk) return true;
    return pkg.components.some((c) => {
      if (c.kind !== req.kind || !isEnabled(c)) return false;
      if (req.permission !== undefined && c.permission !== req.permission) return false;
      if (req.metaData !== undefined && !Object.entries(req.metaData).every(([k, v]) => c.metaData[k] === v)) return false;
      // IntentFilter#match: an intent without data only matches a filter without data.
      return c.filters.some((f) => f.actions.includes(req.action)
        && (req.scheme === undefined ? req.mimeType !== undefined || f.schemes.length === 0 : f.schemes.includes(req.scheme))
        && (req.mimeType === undefined ? req.scheme !== undefined || f.mimeTypes.length === 0 : f.mimeTypes.includes(req.mimeType)));
    });
  });
}

export class RoleStore {
  private readonly holders = new Map<string, string[]>();

  constructor() {
    for (const [role, holder] of Object.entries(DEFAULT_ROLE_HOLDERS)) this.holders.set(role, [holder]);
  }

  holdersOf(role: string): readonly string[] {
    return this.holders.get(role) ?? [];
  }

  rolesOf(packageName: string): string[] {
    return [...this.holders.entries()].filter(([, list]) => list.includes(packageName)).map(([role]) => role);
  }

  /** Exclusive roles: the new holder replaces the old one. */
  set(role: string, holders: readonly string[]): void {
    this.holders.set(role, [...holders]);
  }

  /** The package is gone: it loses its roles (or the default holder gets them back). */
  forgetPackage(packageName: string, isInstalled: (pkg: string) => boolean): void {
    for (const [role, list] of this.holders) {
      if (!list.includes(packageName)) continue;
      const remaining = list.filter((p) => p !== packageName);
      const fallback = DEFAULT_ROLE_HOLDERS[role];
      const def = ROLES.get(role);
      if (remaining.length === 0 && def?.fallBackToDefault === true && fallback !== undefined && isInstalled(fallback)) remaining.push(fallback);
      this.holders.set(role, remaining);
    }
  }

  /** Runtime permissions the package's roles grant. */
  grantedPermissions(packageName: string): Set<string> {
    const granted = new Set<string>();
    for (const role of this.rolesOf(packageName)) for (const p of ROLES.get(role)?.permissions ?? []) granted.add(p);
    return granted;
  }

  snapshot(): ReadonlyMap<string, readonly string[]> {
    return this.holders;
  }
}
