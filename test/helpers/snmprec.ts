import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Reads .snmprec recordings (`OID|tag|value`, one per line, as snmpsim serves them) so that tests compute
 * their expected values from the very file the simulator serves, instead of copying numbers by hand.
 *
 * API (kept stable, other tests use it):
 *  - readSnmprec(path): Map<oid, { tag, value }>, raw strings; a tag ending in "x" means a hex-encoded value;
 *    `#` comment lines are skipped; for a repeated OID the first line wins (that is what snmpsimd serves).
 *  - snmprecText(entry): the value as text (hex decoded for "4x"); snmprecNumber(entry): as a number.
 *  - snmprecColumn(rec, entryOid, column): Map<index, entry> of one table column (index = OID suffix).
 *  - snmprecSubtree(rec, prefix): entries under an OID prefix, in file order.
 *  - writeSnmprec(path, rec): writes a (filtered) recording back, e.g. to build fault fixtures.
 */
export interface SnmprecEntry {
  /** ASN.1 tag as written: "2", "4", "4x", "6", "64", "64x", "65", "66", "67", "70". */
  tag: string;
  /** Raw value text (hex digits when the tag ends in "x"). */
  value: string;
}

export type Snmprec = Map<string, SnmprecEntry>;

export function readSnmprec(path: string): Snmprec {
  const out: Snmprec = new Map();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const first = line.indexOf('|');
    const second = line.indexOf('|', first + 1);
    if (first < 1 || second < 0) continue;
    const oid = line.slice(0, first);
    if (out.has(oid)) continue;
    out.set(oid, { tag: line.slice(first + 1, second), value: line.slice(second + 1).replace(/\r$/, '') });
  }
  return out;
}

export function snmprecText(entry: SnmprecEntry | undefined): string | null {
  if (!entry) return null;
  if (entry.tag.endsWith('x')) return Buffer.from(entry.value, 'hex').toString('utf8').replace(/\0+$/, '');
  return entry.value;
}

export function snmprecNumber(entry: SnmprecEntry | undefined): number | null {
  const text = snmprecText(entry);
  if (text === null || text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** BigInt value, for Counter64 columns beyond 2^53. */
export function snmprecBigInt(entry: SnmprecEntry | undefined): bigint | null {
  const text = snmprecText(entry);
  if (text === null || !/^-?\d+$/.test(text)) return null;
  return BigInt(text);
}

export function snmprecColumn(rec: Snmprec, entryOid: string, column: number): Map<string, SnmprecEntry> {
  const prefix = `${entryOid}.${column}.`;
  const out = new Map<string, SnmprecEntry>();
  for (const [oid, entry] of rec) if (oid.startsWith(prefix)) out.set(oid.slice(prefix.length), entry);
  return out;
}

export function snmprecSubtree(rec: Snmprec, prefix: string): [string, SnmprecEntry][] {
  const p = `${prefix}.`;
  return [...rec].filter(([oid]) => oid.startsWith(p));
}

export function writeSnmprec(path: string, rec: Snmprec): void {
  writeFileSync(path, [...rec].map(([oid, e]) => `${oid}|${e.tag}|${e.value}`).join('\n') + '\n');
}
