/**
 * The name of an enumerated value as the MIB spells it; an unknown code shows as "unknown(7)" so that a
 * firmware with new values is visible rather than silently mapped to something wrong.
 */
export function enumText(names: Readonly<Record<number, string>>, value: number | null): string | null {
  if (value === null) return null;
  return names[value] ?? `unknown(${value})`;
}
