import { describe, expect, it } from 'vitest';
import { catalogEn } from './catalog-en';
import { catalogFr } from './catalog-fr';
import { formatMessage } from './format-message';
import { msg } from './message';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('formatMessage', () => {
  it('formats a code with a measured value in each language and locale', () => {
    const m = msg('state.changed', { device: 'nas-1', state: 'CRITICAL', detail: 'x' });
    expect(formatMessage(m, 'en')).toBe('nas-1 is CRITICAL: x');
    expect(formatMessage(m, 'fr')).toBe('nas-1 est CRITICAL : x');
    const v = msg('check.value', { value: { value: 1.5e9, unit: 'bytes' } });
    expect(formatMessage(v, 'en', 'en-US')).toBe('1.5 GB');
    expect(formatMessage(v, 'fr', 'fr-FR')).toMatch(/^1,5\s?Go$/);
  });

  it('shows an unknown code with its parameters rather than nothing', () => {
    expect(formatMessage(msg('future.code', { n: 3 }), 'en')).toBe('future.code (n=3)');
  });

  it('has the same codes and placeholders in English and French', () => {
    expect(Object.keys(catalogFr).sort()).toEqual(Object.keys(catalogEn).sort());
    for (const [code, en] of Object.entries(catalogEn)) {
      expect(placeholders(catalogFr[code as keyof typeof catalogFr]), code).toEqual(placeholders(en));
    }
  });
});
