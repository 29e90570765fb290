import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DeviceInputSchema, type DeviceConfig, type DeviceInput, type ImportResult } from '../../../shared/contract/devices';
import { VigieError } from '../../../shared/contract/envelope';
import { ownSettings } from '../../../shared/kinds/index';
import { describeMissing, missingSecrets } from './credential-check';
import { neutraliseCell, restoreCell } from './csv-cell';
import { CSV_COLUMNS, deviceToRow, rowToInput } from './device-csv';
import type { DeviceRegistry } from './device-registry';

interface Candidate {
  line: number;
  name: string;
  input: unknown;
}

/** A parent named earlier in the same file, before it exists (dry run): validated as present. */
const PENDING = 'pending-';

function csvCandidates(text: string, registry: DeviceRegistry): Candidate[] {
  let records: { record: Record<string, string>; line: number }[];
  try {
    const parsed: { record: Record<string, string>; info: { lines: number } }[] = parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    });
    records = parsed.map((r) => ({
      record: Object.fromEntries(Object.entries(r.record).map(([k, v]) => [k, restoreCell(v)])),
      line: r.info.lines,
    }));
  } catch (error) {
    throw new VigieError('invalid_request', `Not a valid CSV file: ${(error as Error).message}`);
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const unknown = header.filter((h) => !CSV_COLUMNS.includes(h));
  if (unknown.length) {
    throw new VigieError('invalid_request', `Unknown CSV column(s): ${unknown.join(', ')}. Expected: ${CSV_COLUMNS.join(', ')}`);
  }
  if (header.length && (!header.includes('name') || !header.includes('host'))) {
    throw new VigieError('invalid_request', 'The CSV file needs at least the columns name and host');
  }
  const earlier = new Map<string, string>();
  const byName = (name: string): string | null =>
    registry.list().find((d) => d.name.toLowerCase() === name.toLowerCase())?.id ?? earlier.get(name.toLowerCase()) ?? null;
  return records.map(({ record, line }, i) => {
    const candidate = { line, name: record.name ?? '', input: rowToInput(record, byName) };
    const key = (record.name ?? '').toLowerCase();
    if (!earlier.has(key)) earlier.set(key, `${PENDING}${i}`);
    return candidate;
  });
}

function jsonCandidates(text: string): Candidate[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new VigieError('invalid_request', `Not valid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(doc) ? doc : (doc as { devices?: unknown })?.devices;
  if (!Array.isArray(list)) throw new VigieError('invalid_request', 'Expected a JSON array of devices (or {"devices": [...]})');
  return (list as unknown[]).map((input, i) => ({
    line: i + 1,
    name: isRecord(input) && typeof input.name === 'string' ? input.name : '',
    input,
  }));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Imports a device list row by row: each row is validated like a form submission; the bad ones are reported
 * with their line and reason and the good ones are added (unless dryRun), each listed by line, so the answer
 * always says exactly which rows went in. Nothing already stored is touched. A row that cannot be read at all
 * (null, a number) is refused like any other bad row, never an error that leaves the caller guessing.
 */
export async function importDevices(
  registry: DeviceRegistry,
  format: 'csv' | 'json',
  text: string,
  dryRun: boolean,
  onAdded: (id: string) => void,
): Promise<ImportResult> {
  const candidates = format === 'csv' ? csvCandidates(text, registry) : jsonCandidates(text);
  const result: ImportResult = { added: 0, addedRows: [], rejected: [], missingCredential: [] };
  const seen = new Set<string>();
  const pending = new Set<string>();
  const addedIds: string[] = [];
  // One write of the settings and one of the secrets for the whole file; devices are polled once stored.
  await registry.batch(async () => {
    for (const c of candidates) {
      if (!isRecord(c.input)) {
        result.rejected.push({ line: c.line, name: c.name, reason: `row: expected a device object, got ${c.input === null ? 'null' : typeof c.input}` });
        continue;
      }
      const input = c.input;
      // A parent listed earlier in the file: resolve it now that it may have been added.
      if (typeof input.parentId === 'string' && input.parentId.startsWith(PENDING)) {
        const parentName = candidates[Number(input.parentId.slice(PENDING.length))]?.name.toLowerCase();
        const found = registry.list().find((d) => d.name.toLowerCase() === parentName)?.id;
        if (found) input.parentId = found;
      }
      const parsed = DeviceInputSchema.safeParse(c.input);
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        result.rejected.push({ line: c.line, name: c.name, reason: `${i?.path.join('.') || 'row'}: ${i?.message ?? 'invalid'}` });
        continue;
      }
      const key = parsed.data.name.toLowerCase();
      if (seen.has(key)) {
        result.rejected.push({ line: c.line, name: c.name, reason: 'name: repeated in this file' });
        continue;
      }
      seen.add(key);
      try {
        if (dryRun) {
          registry.validate(parsed.data, undefined, pending);
          pending.add(`${PENDING}${candidates.indexOf(c)}`);
        } else addedIds.push((await registry.add(parsed.data)).id);
        result.added += 1;
        result.addedRows.push({ line: c.line, name: parsed.data.name });
        const missing = missingSecrets(parsed.data, parsed.data.secret);
        if (missing.length) result.missingCredential.push({ line: c.line, name: parsed.data.name, reason: describeMissing(missing) });
      } catch (error) {
        result.rejected.push({ line: c.line, name: c.name, reason: (error as Error).message });
      }
    }
  });
  for (const id of addedIds) onAdded(id);
  return result;
}

/** The device's own kind's settings, as `{ [kind]: settings }` (other kinds' objects are not exported). */
function kindSettingsOf(d: DeviceConfig): Partial<DeviceInput> {
  const settings = ownSettings(d);
  return settings ? { [d.kind]: settings } : {};
}

export function exportDevices(registry: DeviceRegistry, format: 'csv' | 'json'): { text: string; filename: string } {
  const devices = registry.list().filter((d) => d.kind !== 'local');
  const nameById = (id: string): string | undefined => registry.find(id)?.name;
  const date = new Date().toISOString().slice(0, 10);
  if (format === 'csv') {
    const rows = devices.map((d) =>
      Object.fromEntries(Object.entries(deviceToRow(d, nameById)).map(([k, v]) => [k, neutraliseCell(v)])),
    );
    return { text: stringify(rows, { header: true, columns: [...CSV_COLUMNS] }), filename: `vigie-devices-${date}.csv` };
  }
  const inputs: DeviceInput[] = devices.map((d) => ({
    name: d.name,
    kind: d.kind,
    family: d.family,
    host: d.host,
    port: d.port,
    intervalSeconds: d.intervalSeconds,
    enabled: d.enabled,
    ...kindSettingsOf(d),
    watchedProcesses: d.watchedProcesses,
    parentId: d.parentId,
  }));
  return { text: JSON.stringify(inputs, null, 2) + '\n', filename: `vigie-devices-${date}.json` };
}
