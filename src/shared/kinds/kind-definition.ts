import type { z } from 'zod';
import type { FamilyGroup, Label } from '../families/descriptor';

/** The secret fields a device can carry; they go to the SecretStore, never into settings. */
export type SecretField = 'community' | 'authKey' | 'privKey' | 'password';

/** One CSV row as read: column name → cell text (absent or blank = not given). */
export type CsvCells = Partial<Record<string, string>>;

/**
 * A settings field the form draws by itself (no component to write): kinds whose settings are plain
 * text, numbers and choices declare them, and the renderer's generic field list shows them.
 */
export interface KindField {
  /** Path in the settings object: `user`, or `tls.mode` for a nested object. */
  key: string;
  type: 'text' | 'number' | 'select';
  label: Label;
  options?: readonly { value: string; label: Label }[];
  /** Shown only when another settings field has one of these values (e.g. CA file when tls is 'verify'). */
  when?: { key: string; values: readonly string[] };
  placeholder?: string;
  min?: number;
  max?: number;
}

export interface KindCsv<S> {
  /** The kind's own columns, after the common ones (name, kind, host, port...). */
  columns: readonly string[];
  /** Read on import, always written empty on export. */
  secretColumns: readonly string[];
  read(row: CsvCells): { settings: unknown; secret: Partial<Record<SecretField, string>> };
  write(settings: S): Record<string, string>;
}

/**
 * Everything the contract, the form, the import/export and the monitor need to know about one kind of
 * device (a protocol). The core's side (its Source) is listed in src/main/core/default-catalog.ts.
 */
export interface KindDefinition<K extends string = string, S extends z.ZodType | null = z.ZodType | null> {
  kind: K;
  label: Label;
  /** Offered in the add form and accepted by the import ('local' is created by the app itself). */
  addable: boolean;
  /** Schema of `device[kind]`, or null for a kind without settings. */
  settings: S;
  /** Devices stored before the kind had settings may lack them: the source then uses the defaults. */
  settingsOptional?: boolean;
  /**
   * State of a device that cannot be polled (refused, login failed). Unknown for agents (we do not know
   * how the equipment is); critical for services, whose not answering is the outage itself.
   */
  downState?: 'unknown' | 'critical';
  defaultPort: number | null;
  /** Family drawn until the first poll detects one (and the only one when the kind has a single family). */
  defaultFamily: string;
  /** Dashboard group when the family has no descriptor. */
  group: FamilyGroup;
  /** Polls a whole inventory (a vCenter): allowed more series and table rows per poll. */
  largeInventory?: boolean;
  /** Secret fields the form offers for this kind. */
  secretFields: readonly SecretField[];
  /** Secret fields a device of this kind cannot be polled without. */
  requiredSecrets(settings: (S extends z.ZodType ? z.output<S> : null) | null): SecretField[];
  /** Settings fields drawn by the generic form; absent when the renderer has a component for the kind. */
  fields?: readonly KindField[];
  csv: KindCsv<S extends z.ZodType ? z.output<S> : null>;
}

/** Keeps the literal kind and the exact settings schema type, so the contract can derive its fields. */
export function defineKind<K extends string, S extends z.ZodType | null>(d: KindDefinition<K, S>): KindDefinition<K, S> {
  return d;
}

export const blank = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());

export function num(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : Number.NaN;
}

const snake = (key: string): string => key.replace(/\./g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The value at a dotted path (`tls.mode`) of a settings object. */
export function getPath(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const k of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** Sets a dotted path, creating the nested objects on the way. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    const next = o[k];
    o = (o[k] = next !== null && typeof next === 'object' ? next : {}) as Record<string, unknown>;
  }
  o[keys[keys.length - 1]!] = value;
}

/**
 * CSV columns derived from declared form fields: `<kind>_<field>` per field (`postgres_tls_ca_file` for
 * `tls.caFile`) and `<kind>_password` when the kind has a password. A blank cell leaves the default.
 */
export function csvFromFields<S>(kind: string, fields: readonly KindField[], secret: readonly SecretField[]): KindCsv<S> {
  const col = (key: string): string => `${kind}_${snake(key)}`;
  return {
    columns: [...fields.map((f) => col(f.key)), ...secret.map(col)],
    secretColumns: secret.map(col),
    read(row) {
      const settings: Record<string, unknown> = {};
      for (const f of fields) {
        const cell = blank(row[col(f.key)]);
        if (cell !== undefined) setPath(settings, f.key, f.type === 'number' ? num(cell) : cell);
      }
      const out: Partial<Record<SecretField, string>> = {};
      for (const s of secret) {
        const cell = row[col(s)];
        // A password is taken as typed: leading or trailing spaces may be part of it.
        if (cell !== undefined && blank(cell) !== undefined) out[s] = cell;
      }
      return { settings, secret: out };
    },
    write(settings) {
      const out: Record<string, string> = {};
      for (const f of fields) {
        const v = getPath(settings, f.key);
        out[col(f.key)] = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
      }
      return out;
    },
  };
}
