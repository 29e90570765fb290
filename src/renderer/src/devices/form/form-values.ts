import type {
  DeviceConfig,
  DeviceInput,
  DeviceKind,
  SnmpSettings,
} from '../../../../shared/contract/devices';
import { kindDefinition } from '../../../../shared/kinds/index';
import type { VmHistoryPolicy } from '../../../../shared/kinds/vsphere';
import { getPath, setPath } from '../../../../shared/kinds/kind-definition';

/** The add/edit form's state: flat, strings where the user types, secrets always start empty. */
export interface DeviceFormValues {
  name: string;
  kind: DeviceKind;
  family: string;
  host: string;
  port: number | '';
  intervalSeconds: number;
  enabled: boolean;
  snmpVersion: SnmpSettings['version'];
  community: string;
  timeoutMs: number;
  retries: number;
  v3User: string;
  level: SnmpSettings['level'];
  authProtocol: SnmpSettings['authProtocol'];
  authKey: string;
  privProtocol: SnmpSettings['privProtocol'];
  privKey: string;
  context: string;
  vsphereUser: string;
  vmHistory: VmHistoryPolicy;
  password: string;
  tlsFingerprint: string | null;
  httpScheme: 'http' | 'https';
  httpPath: string;
  httpTimeoutMs: number;
  watchedProcesses: string[];
  parentId: string | null;
  /** Settings of a kind whose form is drawn from its definition's fields (the service kinds). */
  service: Record<string, string | number>;
}

export type FormField = keyof DeviceFormValues;
/** A form field, or one of the declared settings fields of the current kind (`service.user`). */
export type ErrorKey = FormField | `service.${string}`;

/** Default values of a kind's declared fields: what its schema fills in when they are left out. */
export function serviceDefaults(kind: DeviceKind): Record<string, string | number> {
  const def = kindDefinition(kind);
  if (!def.fields || !def.settings) return {};
  const parsed = def.settings.safeParse({});
  const values = (parsed.success ? parsed.data : {}) as Record<string, unknown>;
  return serviceValues(def.fields.map((f) => f.key), values);
}

function serviceValues(keys: readonly string[], from: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const k of keys) {
    const v = getPath(from, k);
    out[k] = typeof v === 'number' || typeof v === 'string' ? v : '';
  }
  return out;
}

/**
 * The settings object of a declared-fields kind: numbers read back as numbers, and an emptied field left
 * out so that the schema's default (often null: "no CA file") applies.
 */
function serviceSettings(kind: DeviceKind, values: Record<string, string | number>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of kindDefinition(kind).fields ?? []) {
    const v = values[f.key];
    const text = typeof v === 'string' ? v.trim() : v;
    if (text === '' || text === undefined) continue;
    setPath(out, f.key, f.type === 'number' ? Number(text) : text);
  }
  return out;
}

/** Fields a Test connection does not depend on: editing any other one makes a shown result stale. */
const NOT_TESTED: ReadonlySet<FormField> = new Set(['name', 'intervalSeconds', 'enabled', 'watchedProcesses', 'parentId']);

export function invalidatesTest(field: FormField): boolean {
  return !NOT_TESTED.has(field);
}

export function emptyForm(kind: DeviceKind = 'snmp'): DeviceFormValues {
  return {
    name: '',
    kind,
    family: 'auto',
    host: '',
    port: '',
    intervalSeconds: 60,
    enabled: true,
    snmpVersion: '2c',
    community: '',
    timeoutMs: 2000,
    retries: 1,
    v3User: '',
    level: 'authPriv',
    authProtocol: 'sha',
    authKey: '',
    privProtocol: 'aes',
    privKey: '',
    context: '',
    vsphereUser: '',
    vmHistory: 'auto',
    password: '',
    tlsFingerprint: null,
    httpScheme: 'http',
    httpPath: '/index.htm?em',
    httpTimeoutMs: 5000,
    watchedProcesses: [],
    parentId: null,
    service: serviceDefaults(kind),
  };
}

export function formFromConfig(c: DeviceConfig): DeviceFormValues {
  const base = emptyForm(c.kind);
  return {
    ...base,
    name: c.name,
    family: c.family,
    host: c.host,
    port: c.port ?? '',
    intervalSeconds: c.intervalSeconds,
    enabled: c.enabled,
    ...(c.snmp && {
      snmpVersion: c.snmp.version,
      timeoutMs: c.snmp.timeoutMs,
      retries: c.snmp.retries,
      v3User: c.snmp.user,
      level: c.snmp.level,
      authProtocol: c.snmp.authProtocol,
      privProtocol: c.snmp.privProtocol,
      context: c.snmp.context,
    }),
    ...(c.vsphere && { vsphereUser: c.vsphere.user, tlsFingerprint: c.vsphere.tlsFingerprint, vmHistory: c.vsphere.vmHistory ?? 'auto' }),
    ...(c.http && { httpScheme: c.http.scheme, httpPath: c.http.path, httpTimeoutMs: c.http.timeoutMs }),
    watchedProcesses: c.watchedProcesses,
    parentId: c.parentId,
    ...(kindDefinition(c.kind).fields && {
      service: {
        ...base.service,
        ...serviceValues(Object.keys(base.service), ((c as Record<string, unknown>)[c.kind] ?? {}) as Record<string, unknown>),
      },
    }),
  };
}

/**
 * The request body for add, update and test. Secrets go only when typed: an empty secret field on an
 * existing device means "keep the stored one". Settings of the other kinds are not sent.
 */
export function toDeviceInput(v: DeviceFormValues): DeviceInput {
  const secret: NonNullable<DeviceInput['secret']> = {};
  if (v.kind === 'snmp') {
    if (v.snmpVersion !== '3' && v.community) secret.community = v.community;
    if (v.snmpVersion === '3' && v.level !== 'noAuthNoPriv' && v.authKey) secret.authKey = v.authKey;
    if (v.snmpVersion === '3' && v.level === 'authPriv' && v.privKey) secret.privKey = v.privKey;
  }
  const def = kindDefinition(v.kind);
  if (def.secretFields.includes('password') && v.password) secret.password = v.password;
  return {
    name: v.name.trim(),
    kind: v.kind,
    family: v.family,
    host: v.host.trim(),
    port: v.port === '' ? null : v.port,
    intervalSeconds: v.intervalSeconds,
    enabled: v.enabled,
    snmp:
      v.kind === 'snmp'
        ? {
            version: v.snmpVersion,
            timeoutMs: v.timeoutMs,
            retries: v.retries,
            user: v.snmpVersion === '3' ? v.v3User.trim() : '',
            level: v.level,
            authProtocol: v.authProtocol,
            privProtocol: v.privProtocol,
            context: v.snmpVersion === '3' ? v.context : '',
          }
        : null,
    vsphere: v.kind === 'vsphere' ? { user: v.vsphereUser.trim(), tlsFingerprint: v.tlsFingerprint, vmHistory: v.vmHistory } : null,
    http: v.kind === 'http' ? { scheme: v.httpScheme, path: v.httpPath, timeoutMs: v.httpTimeoutMs } : null,
    ...(def.fields && { [v.kind]: serviceSettings(v.kind, v.service) }),
    watchedProcesses: v.kind === 'snmp' ? v.watchedProcesses : [],
    parentId: v.parentId,
    ...(Object.keys(secret).length > 0 && { secret }),
  };
}

const ISSUE_FIELDS: Record<string, FormField> = {
  name: 'name',
  kind: 'kind',
  family: 'family',
  host: 'host',
  port: 'port',
  intervalSeconds: 'intervalSeconds',
  'snmp.version': 'snmpVersion',
  'snmp.timeoutMs': 'timeoutMs',
  'snmp.retries': 'retries',
  'snmp.user': 'v3User',
  'snmp.level': 'level',
  'snmp.authProtocol': 'authProtocol',
  'snmp.privProtocol': 'privProtocol',
  'snmp.context': 'context',
  snmp: 'snmpVersion',
  'vsphere.user': 'vsphereUser',
  'vsphere.tlsFingerprint': 'tlsFingerprint',
  'vsphere.vmHistory': 'vmHistory',
  vsphere: 'vsphereUser',
  'http.scheme': 'httpScheme',
  'http.path': 'httpPath',
  'http.timeoutMs': 'httpTimeoutMs',
  'secret.community': 'community',
  'secret.authKey': 'authKey',
  'secret.privKey': 'privKey',
  'secret.password': 'password',
  watchedProcesses: 'watchedProcesses',
};

/** `postgres.user` → `service.user` when `user` is a declared field of the kind `postgres`. */
function declaredField(path: string): ErrorKey | undefined {
  const [kind, ...rest] = path.split('.');
  const key = rest.join('.');
  if (!kind || !key) return undefined;
  try {
    return kindDefinition(kind as DeviceKind).fields?.some((f) => f.key === key) ? `service.${key}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Maps the field paths of a VigieError's issues (`device.snmp.user` for update and test, `snmp.user` for
 * add) to form fields; issues with no matching field are returned apart so that they are still shown.
 */
export function issuesToFields(issues: readonly { path: string; message: string }[]): {
  fields: Partial<Record<ErrorKey, string>>;
  other: string[];
} {
  const fields: Partial<Record<ErrorKey, string>> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const path = issue.path.replace(/^device\./, '');
    const field = ISSUE_FIELDS[path] ?? ISSUE_FIELDS[path.replace(/\.\d+$/, '')] ?? declaredField(path);
    if (field) fields[field] ??= issue.message;
    else other.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
  }
  return { fields, other };
}

/** What the form checks itself before asking the core: a secret the device cannot work without. */
export function missingSecret(v: DeviceFormValues, hasStoredSecret: boolean): FormField | null {
  if (hasStoredSecret) return null;
  if (v.kind === 'snmp' && v.snmpVersion !== '3' && !v.community) return 'community';
  if (v.kind === 'snmp' && v.snmpVersion === '3' && v.level !== 'noAuthNoPriv' && !v.authKey)
    return 'authKey';
  if (v.kind === 'snmp' && v.snmpVersion === '3' && v.level === 'authPriv' && !v.privKey) return 'privKey';
  if (v.kind === 'vsphere' && !v.password) return 'password';
  return null;
}
