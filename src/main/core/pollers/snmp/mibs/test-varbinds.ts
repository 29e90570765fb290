import type { SnmpTable, SnmpValueType, SnmpVarbind } from '../session/types';

/** Decoded varbinds and tables as a session returns them, for the MIB readers' unit tests. */
export function vb(oid: string, type: SnmpValueType, value: SnmpVarbind['value']): SnmpVarbind {
  return { oid, type, value };
}

export function int(value: number): SnmpVarbind {
  return vb('', 'integer', value);
}

export function str(value: string): SnmpVarbind {
  return vb('', 'octets', Buffer.from(value, 'utf8'));
}

export function c64(value: bigint): SnmpVarbind {
  return vb('', 'counter64', value);
}

/** rows: index → { column: varbind }. */
export function table(rows: Record<string, Record<number, SnmpVarbind>>): SnmpTable {
  return new Map(Object.entries(rows).map(([index, cols]) => [index, new Map(Object.entries(cols).map(([c, v]) => [Number(c), v]))]));
}

export function scalars(entries: Record<string, SnmpVarbind>): Map<string, SnmpVarbind> {
  return new Map(Object.entries(entries).map(([oid, v]) => [oid, { ...v, oid }]));
}
