import { describe, expect, it } from 'vitest';
import { nameMatcher } from './patterns';

describe('name patterns', () => {
  it('matches * and ? case-insensitively over the whole name', () => {
    const m = nameMatcher(['test-*', 'db?']);
    expect(m.test('TEST-web01')).toBe(true);
    expect(m.test('db1')).toBe(true);
    expect(m.test('db12')).toBe(false);
    expect(m.test('mytest-1')).toBe(false);
  });
  it('treats regex characters literally', () => {
    expect(nameMatcher(['a.b (1)']).test('a.b (1)')).toBe(true);
    expect(nameMatcher(['a.b']).test('axb')).toBe(false);
  });
  it('an empty or blank pattern excludes nothing', () => {
    const m = nameMatcher(['', '  ']);
    expect(m.empty).toBe(true);
    expect(m.test('anything')).toBe(false);
    expect(m.test('')).toBe(false);
  });
});
