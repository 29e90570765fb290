import type { DeviceConfig, DeviceInput, DeviceKind } from '../../../shared/contract/devices';
import { DEVICE_KINDS, KIND_DEFINITIONS, kindDefinition, ownSettings } from '../../../shared/kinds/index';
import { blank, num } from '../../../shared/kinds/kind-definition';

/**
 * CSV columns of the device list: the common ones, then each kind's own (from its definition), then the
 * watched processes. Secret columns are read on import (so a list can be loaded in bulk) and always
 * written empty on export: a CSV travels by mail, a credential must not.
 */
const COMMON_COLUMNS = ['name', 'kind', 'host', 'port', 'family', 'interval_seconds', 'enabled', 'parent'] as const;
export const CSV_COLUMNS: readonly string[] = [
  ...COMMON_COLUMNS,
  ...KIND_DEFINITIONS.flatMap((d) => d.csv.columns),
  'watched_processes',
];
export type CsvRow = Partial<Record<string, string>>;

const SECRET_COLUMNS: readonly string[] = KIND_DEFINITIONS.flatMap((d) => d.csv.secretColumns);

function bool(v: string | undefined): boolean | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  return /^(1|true|yes|oui|y)$/i.test(v.trim());
}

/** One CSV row → the same input object the form sends; validation is the schema's job, not this mapper's. */
export function rowToInput(row: CsvRow, parentIdByName: (name: string) => string | null): DeviceInput {
  const kind = (blank(row.kind) ?? 'snmp') as DeviceKind;
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
  // An unknown kind is left for the schema to reject with its list of kinds.
  if ((DEVICE_KINDS as readonly string[]).includes(kind)) {
    const def = kindDefinition(kind);
    if (def.settings) {
      const { settings, secret } = def.csv.read(row);
      input[kind] = settings;
      if (Object.keys(secret).length) input.secret = secret;
    }
  }
  return input as DeviceInput;
}

export function deviceToRow(d: DeviceConfig, nameById: (id: string) => string | undefined): Record<string, string> {
  const row: Record<string, string> = Object.fromEntries(CSV_COLUMNS.map((c) => [c, '']));
  row.name = d.name;
  row.kind = d.kind;
  row.host = d.host;
  row.port = d.port === null ? '' : String(d.port);
  row.family = d.family;
  row.interval_seconds = String(d.intervalSeconds);
  row.enabled = String(d.enabled);
  row.parent = d.parentId ? (nameById(d.parentId) ?? '') : '';
  row.watched_processes = d.watchedProcesses.join(';');
  const settings = ownSettings(d);
  if (settings) Object.assign(row, kindDefinition(d.kind).csv.write(settings as never));
  for (const c of SECRET_COLUMNS) row[c] = '';
  return row;
}
