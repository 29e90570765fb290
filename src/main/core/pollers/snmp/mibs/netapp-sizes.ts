/**
 * NETAPP-MIB sizes beyond 32 bits. Old filers only have signed Integer32 KB columns (dfKBytesTotal...) that
 * go negative past 2 TB, plus high/low pairs (dfHighTotalKBytes/dfLowTotalKBytes) whose low half is also
 * signed; newer ones add Counter64 columns (df64TotalKBytes...). Agents mix them (ONTAP 9 answers the high
 * words without the low ones), and the recordings show the raw 32-bit columns disagreeing with both of the
 * others: a raw 32-bit value is only ever used as the low word of something better.
 */
const TWO_32 = 4_294_967_296;

/** A signed Integer32 read as the unsigned 32-bit word it encodes. */
export function unsigned32(value: number): number {
  return value < 0 ? value + TWO_32 : value;
}

/** high × 2^32 + unsigned(low), or null when either half is missing or out of range. */
export function combineHighLow(high: number | null, low: number | null): number | null {
  if (high === null || low === null || !Number.isFinite(high) || !Number.isFinite(low)) return null;
  if (high < 0 || low < -2_147_483_648 || low >= TWO_32) return null;
  return high * TWO_32 + unsigned32(low);
}

/** The value whose low 32 bits are `low32` that lies nearest to `expected` (the lost high word, guessed). */
export function nearestWithLowWord(low32: number, expected: number): number {
  const base = unsigned32(low32);
  const wraps = Math.max(0, Math.round((expected - base) / TWO_32));
  return base + wraps * TWO_32;
}

export interface DfSizeColumns {
  /** Counter64 column (df64*KBytes), when the agent has it. */
  kb64: number | null;
  high: number | null;
  low: number | null;
  /** The plain 32-bit column (dfKBytes*): the low word when nothing better exists. */
  raw32: number | null;
}

export interface DfSizeHints {
  /** A value the result should be near when the high word must be guessed (e.g. percent × total). */
  expected?: number | null;
  /** A value the result can never exceed (available ≤ total): a pair above it is corrupt. */
  max?: number | null;
}

/**
 * Best size in KB: the 64-bit column; else the high/low pair; else the high word with the 32-bit column as
 * low word; else the 32-bit column with the high word guessed from `expected`; else the 32-bit column
 * read unsigned. A candidate above `max` is skipped.
 */
export function dfKilobytes(c: DfSizeColumns, hints: DfSizeHints = {}): number | null {
  const fits = (v: number | null): v is number => v !== null && (hints.max === undefined || hints.max === null || v <= hints.max);
  if (c.kb64 !== null && Number.isFinite(c.kb64) && c.kb64 >= 0) return c.kb64;
  const pair = combineHighLow(c.high, c.low);
  if (fits(pair)) return pair;
  if (c.raw32 === null || !Number.isFinite(c.raw32)) return null;
  const highWithRaw = combineHighLow(c.high, c.raw32);
  if (fits(highWithRaw)) return highWithRaw;
  if (hints.expected !== undefined && hints.expected !== null && Number.isFinite(hints.expected)) {
    return nearestWithLowWord(c.raw32, hints.expected);
  }
  return unsigned32(c.raw32);
}
