/**
 * Name patterns of scopes and exclusions: `*` and `?` wildcards, case-insensitive, whole name. An empty
 * (or blank) pattern matches nothing, so a stray empty line in the settings excludes nothing.
 */
export function compilePattern(pattern: string): RegExp | null {
  const p = pattern.trim();
  if (p === '') return null;
  const body = p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'is');
}

export interface NameMatcher {
  /** True when at least one pattern matches the name. */
  test(name: string | null | undefined): boolean;
  /** True when there is no usable pattern at all. */
  readonly empty: boolean;
}

export function nameMatcher(patterns: readonly string[]): NameMatcher {
  const res = patterns.map(compilePattern).filter((r): r is RegExp => r !== null);
  return {
    empty: res.length === 0,
    test: (name) => name !== null && name !== undefined && res.some((r) => r.test(name)),
  };
}
