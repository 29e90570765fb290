import { readFileSync } from 'node:fs';
import type { SnmpSession, SnmpTable, SnmpValueType, SnmpVarbind } from '../../src/main/core/pollers/snmp/session/types';

/**
 * An SnmpSession answered from an .snmprec recording in memory (`OID|tag|value`, as snmpsim serves it), so
 * that a unit test can run every family's real detection and poll on every recording without a simulator.
 * snmpsim's `:numeric` variation (a counter that grows) answers its `initial=` value.
 */
const TYPES: Record<string, SnmpValueType> = {
  '2': 'integer',
  '4': 'octets',
  '5': 'null',
  '6': 'oid',
  '64': 'ip',
  '65': 'counter32',
  '66': 'gauge32',
  '67': 'timeticks',
  '68': 'opaque',
  '70': 'counter64',
};

function decode(oid: string, rawTag: string, rawValue: string): SnmpVarbind | null {
  const [tagPart = '', variation] = rawTag.split(':');
  const hex = tagPart.endsWith('x');
  const tag = hex ? tagPart.slice(0, -1) : tagPart;
  const type = TYPES[tag];
  if (!type) return null;
  let text = rawValue;
  if (variation === 'numeric') text = /(?:^|,)initial=([^,]*)/.exec(rawValue)?.[1] ?? '0';
  const bytes = hex ? Buffer.from(text, 'hex') : Buffer.from(text, 'utf8');
  switch (type) {
    case 'octets':
    case 'opaque':
      return { oid, type, value: bytes };
    case 'counter64':
      return { oid, type, value: BigInt(hex ? `0x${text || '0'}` : text || '0') };
    case 'ip':
      return { oid, type, value: hex ? [...bytes].join('.') : text };
    case 'oid':
      return { oid, type, value: hex ? bytes.toString('utf8') : text };
    case 'null':
      return { oid, type, value: null };
    default:
      return { oid, type, value: Number(hex ? Number.parseInt(text, 16) : text) };
  }
}

function compareOids(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

export function recordingSession(path: string): SnmpSession {
  const byOid = new Map<string, SnmpVarbind>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [oid = '', tag = '', ...rest] = line.replace(/\r$/, '').split('|');
    if (!oid || byOid.has(oid)) continue; // snmpsim serves the first of a repeated OID
    const vb = decode(oid, tag, rest.join('|'));
    if (vb) byOid.set(oid, vb);
  }
  const ordered = [...byOid.values()]
    .map((vb) => ({ vb, key: vb.oid.split('.').map(Number) }))
    .sort((a, b) => compareOids(a.key, b.key))
    .map((x) => x.vb);
  const under = (base: string): SnmpVarbind[] => ordered.filter((vb) => vb.oid.startsWith(`${base}.`));
  return {
    get: (oids) => Promise.resolve(new Map(oids.flatMap((o) => (byOid.has(o) ? [[o, byOid.get(o) as SnmpVarbind] as const] : [])))),
    walk: (base) => Promise.resolve(under(base)),
    table: (entry, columns) => {
      const table: SnmpTable = new Map();
      for (const column of columns) {
        const prefix = `${entry}.${column}.`;
        for (const vb of under(`${entry}.${column}`)) {
          const index = vb.oid.slice(prefix.length);
          let row = table.get(index);
          if (!row) table.set(index, (row = new Map<number, SnmpVarbind>()));
          row.set(column, vb);
        }
      }
      return Promise.resolve(table);
    },
    close: () => undefined,
  };
}
