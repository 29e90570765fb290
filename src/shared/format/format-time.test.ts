import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTick, formatWhen } from './format-time';

describe('formatWhen', () => {
  const now = new Date(2026, 2, 14, 15, 30, 0).getTime();
  it('shows only the time of day for today', () => {
    const earlier = new Date(2026, 2, 14, 9, 5, 7).getTime();
    expect(formatWhen(earlier, 'en-GB', now)).toBe('09:05:07');
  });
  it('shows the date for another day', () => {
    const yesterday = new Date(2026, 2, 13, 23, 59, 0).getTime();
    expect(formatWhen(yesterday, 'en-GB', now)).toBe(formatDateTime(yesterday, 'en-GB'));
    expect(formatWhen(yesterday, 'en-GB', now)).toContain('13/03/2026');
  });
  it('shows a dash when never polled', () => {
    expect(formatWhen(null, 'en', now)).toBe('—');
  });
});

describe('formatTick', () => {
  const at = new Date(2026, 2, 14, 15, 30, 0).getTime();
  it('picks the precision from the span', () => {
    expect(formatTick(at, 3600_000, 'fr')).toBe('15:30');
    expect(formatTick(at, 30 * 86_400_000, 'fr')).toBe('14 mars');
    expect(formatTick(at, 365 * 86_400_000, 'en')).toBe('Mar 2026');
  });
});
