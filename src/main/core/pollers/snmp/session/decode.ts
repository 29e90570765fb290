import type { SnmpValueType, SnmpVarbind } from './types';

/** Readable text from an OCTET STRING: UTF-8 when printable, else colon-separated hex (MAC addresses...). */
export function octetsToText(value: SnmpVarbind['value'] | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (!Buffer.isBuffer(value)) return String(value);
  const text = value.toString('utf8').replace(/\0+$/, '');
  // eslint-disable-next-line no-control-regex
  if (!/[\x00-\x08\x0e-\x1f\x7f\uFFFD]/.test(text)) return text;
  return [...value].map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export function toNumber(vb: SnmpVarbind | undefined): number | null {
  if (!vb) return null;
  const v = vb.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (Buffer.isBuffer(v)) {
    // Some agents (and recordings) send numbers as strings, e.g. "95.5" for a temperature.
    const n = Number.parseFloat(v.toString('utf8'));
    return Number.isFinite(n) ? n : null;
  }
  if (typeof v === 'string') {
    const n = Number.parseFloat(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function toText(vb: SnmpVarbind | undefined): string | null {
  if (!vb) return null;
  return octetsToText(vb.value);
}

/** Counter value for CounterRates: bigint for Counter64, number otherwise; null if not a counter-like value. */
export function toCounter(vb: SnmpVarbind | undefined): { value: number | bigint; bits: 32 | 64 } | null {
  if (!vb) return null;
  if (vb.type === 'counter64' && typeof vb.value === 'bigint') return { value: vb.value, bits: 64 };
  if (typeof vb.value === 'number') return { value: vb.value >>> 0, bits: 32 };
  return null;
}

/** Counter64 arrives from net-snmp as a big-endian byte buffer. */
export function bufferToBigInt(buf: Buffer): bigint {
  let n = 0n;
  for (const b of buf) n = (n << 8n) | BigInt(b);
  return n;
}

export const TYPE_BY_TAG: Record<number, SnmpValueType> = {
  1: 'integer',
  2: 'integer',
  4: 'octets',
  5: 'null',
  6: 'oid',
  64: 'ip',
  65: 'counter32',
  66: 'gauge32',
  67: 'timeticks',
  68: 'opaque',
  70: 'counter64',
};
