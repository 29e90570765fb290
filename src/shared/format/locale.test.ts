import { describe, expect, it } from 'vitest';
import { intlLocale, resolveLang } from './locale';

describe('locale', () => {
  it('keeps the user regional variant of the chosen language', () => {
    expect(intlLocale('en', ['fr-CA', 'en-GB'])).toBe('en-GB');
    expect(intlLocale('fr', ['fr-CA', 'en-GB'])).toBe('fr-CA');
    expect(intlLocale('fr', ['de-DE'])).toBe('fr');
  });
  it('resolves the system language to French or English', () => {
    expect(resolveLang('system', ['fr-BE', 'en'])).toBe('fr');
    expect(resolveLang('system', ['de-DE', 'en-US'])).toBe('en');
    expect(resolveLang('system', ['de-DE'])).toBe('en');
    expect(resolveLang('fr', ['en-US'])).toBe('fr');
  });
});
