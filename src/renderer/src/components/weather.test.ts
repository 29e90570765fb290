import { describe, expect, it } from 'vitest';
import { weatherKind } from './weather';

describe('weatherKind', () => {
  it('is sunny at 95 % OK or more, stormy from a fifth critical or unreachable, cloudy between', () => {
    expect(weatherKind({ ok: 0.96, warning: 0.04, critical: 0, unknown: 0 })).toBe('sun');
    expect(weatherKind({ ok: 0.94, warning: 0.06, critical: 0, unknown: 0 })).toBe('clouds');
    expect(weatherKind({ ok: 0.5, warning: 0.4, critical: 0.05, unknown: 0.05 })).toBe('clouds');
    expect(weatherKind({ ok: 0.8, warning: 0, critical: 0.1, unknown: 0.1 })).toBe('storm');
  });
  it('uses shares of the recorded time only, and none without history', () => {
    expect(weatherKind({ ok: 0.45, warning: 0.05, critical: 0, unknown: 0 })).toBe('clouds');
    expect(weatherKind({ ok: 0.48, warning: 0.02, critical: 0, unknown: 0 })).toBe('sun');
    expect(weatherKind({ ok: 0.5, warning: 0, critical: 0, unknown: 0 })).toBe('sun');
    expect(weatherKind({ ok: 0, warning: 0, critical: 0, unknown: 0 })).toBe('none');
  });
});
