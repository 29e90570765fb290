/**
 * A flat copy of a string. A string built by concatenation is a rope of its pieces, and a long-lived map
 * key or field keeps the rope (a node per piece): with ~100,000 keys held for the life of the process
 * (series, counters) that was megabytes. Used once per new key, never per sample.
 */
export function flatString(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
