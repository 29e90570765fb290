import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

type Tree = { [k: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`),
  );
}

// The renderer's own sources as text (Vite's glob, so this test needs no Node types in the web project).
const sources = import.meta.glob<string>(
  ['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.test.tsx'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);
const base = (k: string): string => k.replace(/_(one|other)$/, '');

describe('translations', () => {
  it('French has exactly the keys English has', () => {
    expect(keys(fr as Tree).sort()).toEqual(keys(en as Tree).sort());
  });

  it('every literal key the code asks for exists', () => {
    const known = new Set(keys(en as Tree).map(base));
    const missing: string[] = [];
    expect(Object.keys(sources).length).toBeGreaterThan(30);
    for (const [file, text] of Object.entries(sources)) {
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        if (m[1] && !known.has(m[1])) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('is really translated: French differs from English where words are', () => {
    const enMap = new Map(
      keys(en as Tree).map((k) => [k, k.split('.').reduce<unknown>((t, p) => (t as Tree)[p], en)]),
    );
    const same = keys(fr as Tree).filter((k) => {
      const v = k.split('.').reduce<unknown>((t, p) => (t as Tree)[p], fr);
      return typeof v === 'string' && v === enMap.get(k) && /[a-z]{4,}/.test(v);
    });
    // Words that are the same in both languages (product and protocol names, "Actions", "Message"…).
    const allowed =
      /^(common\.actions|palette\.pages|table\.pages|group\.(vmware|services)|kind\.vsphere|device\.message|import\.format|settings\.(metrics|secrets)|notifyChannels\.(title|type\.webhook))$/;
    expect(same.filter((k) => !allowed.test(k))).toEqual([]);
  });
});
