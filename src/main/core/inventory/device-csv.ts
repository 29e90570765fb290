import type { DeviceConfig, DeviceInput } from '../../../shared/contract/devices';

/**
 * CSV columns of the device list. Secrets columns are read on import (so a list can be loaded in bulk) and
 * always written empty on export: a CSV travels by mail, a credential must not.
 */
export const CSV_COLUMNS = [
  'name',
  'kind',
  'host',
  'port',
  'family',
  'interval_seconds',
  'enabled',
  'parent',
  'snmp_version',
  'snmp_community',
  'snmp_user',
  'snmp_level',
  'snmp_auth_protocol',
  'snmp_auth_key',
  'snmp_priv_protocol',
  'snmp_priv_key',
  'snmp_timeout_ms',
  'snmp_retries',
  'vsphere_user',
  'vsphere_password',
  'vsphere_fingerprint',
  'http_scheme',
  'http_path',
  'watched_processes',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Partial<Record<CsvColumn, string>>;

const SECRET_COLUMNS: ReadonlySet<CsvColumn> = new Set(['snmp_community', 'snmp_auth_key', 'snmp_priv_key', 'vsphere_password']);

function num(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : Number.NaN;
}

function bool(v: string | undefined): boolean | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  return /^(1|true|yes|oui|y)$/i.test(v.trim());
}

const blank = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** One CSV row → the same input object the form sends; validation is the schema's job, not this mapper's. */
export function rowToInput(row: CsvRow, parentIdByName: (name: string) => string | null): DeviceInput {
  const kind = (blank(row.kind) ?? 'snmp') as DeviceInput['kind'];
  const input: Record<string, unknown> = {
    name: row.name ?? '',
    kind,
    host: row.host ?? '',
    port: num(row.port) ?? null,
    family: blank(row.family) ?? 'auto',
    intervalSeconds: num(row.interval_seconds) ?? 60,
    enabled: bool(row.enabled) ?? true,
    parentId: blank(row.parent) ? parentIdByName(row.parent!.trim()) : null,
    watchedProcesses: blank(row.watched_processes)?.split(';').map((s) => s.trim()).filter(Boolean) ?? [],
  };
  const secret: Record<string, string> = {};
  if (kind === 'snmp') {
    input.snmp = {
      version: blank(row.snmp_version) ?? '2c',
      ...(blank(row.snmp_user) ? { user: blank(row.snmp_user) } : {}),
      ...(blank(row.snmp_level) ? { level: blank(row.snmp_level) } : {}),
      ...(blank(row.snmp_auth_protocol) ? { authProtocol: blank(row.snmp_auth_protocol) } : {}),
      ...(blank(row.snmp_priv_protocol) ? { privProtocol: blank(row.snmp_priv_protocol) } : {}),
      ...(num(row.snmp_timeout_ms) !== undefined ? { timeoutMs: num(row.snmp_timeout_ms) } : {}),
      ...(num(row.snmp_retries) !== undefined ? { retries: num(row.snmp_retries) } : {}),
    };
    if (blank(row.snmp_community)) secret.community = row.snmp_community!.trim();
    if (blank(row.snmp_auth_key)) secret.authKey = row.snmp_auth_key!.trim();
    if (blank(row.snmp_priv_key)) secret.privKey = row.snmp_priv_key!.trim();
  }
  if (kind === 'vsphere') {
    input.vsphere = { user: row.vsphere_user ?? '', tlsFingerprint: blank(row.vsphere_fingerprint)?.toUpperCase() ?? null };
    if (blank(row.vsphere_password)) secret.password = row.vsphere_password!;
  }
  if (kind === 'http') {
    input.http = {
      ...(blank(row.http_scheme) ? { scheme: blank(row.http_scheme) } : {}),
      ...(blank(row.http_path) ? { path: blank(row.http_path) } : {}),
    };
  }
  if (Object.keys(secret).length) input.secret = secret;
  return input as DeviceInput;
}

export function deviceToRow(d: DeviceConfig, nameById: (id: string) => string | undefined): Record<CsvColumn, string> {
  const row: Record<CsvColumn, string> = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as Record<CsvColumn, string>;
  row.name = d.name;
  row.kind = d.kind;
  row.host = d.host;
  row.port = d.port === null ? '' : String(d.port);
  row.family = d.family;
  row.interval_seconds = String(d.intervalSeconds);
  row.enabled = String(d.enabled);
  row.parent = d.parentId ? (nameById(d.parentId) ?? '') : '';
  row.watched_processes = d.watchedProcesses.join(';');
  if (d.snmp) {
    row.snmp_version = d.snmp.version;
    row.snmp_user = d.snmp.user;
    if (d.snmp.version === '3') {
      row.snmp_level = d.snmp.level;
      row.snmp_auth_protocol = d.snmp.authProtocol;
      row.snmp_priv_protocol = d.snmp.privProtocol;
    }
    row.snmp_timeout_ms = String(d.snmp.timeoutMs);
    row.snmp_retries = String(d.snmp.retries);
  }
  if (d.vsphere) {
    row.vsphere_user = d.vsphere.user;
    row.vsphere_fingerprint = d.vsphere.tlsFingerprint ?? '';
  }
  if (d.http) {
    row.http_scheme = d.http.scheme;
    row.http_path = d.http.path;
  }
  for (const c of SECRET_COLUMNS) row[c] = '';
  return row;
}
