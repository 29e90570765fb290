import { describe, expect, it } from 'vitest';
import { formatAxis, formatDuration, formatShare, formatValue } from './format-value';

// Intl puts no-break or narrow no-break spaces between number and unit; compare with plain spaces.
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatValue', () => {
  it('formats sizes with decimal prefixes in each locale', () => {
    expect(plain(formatValue(1_500_000_000, 'bytes', 'en'))).toBe('1.5 GB');
    expect(plain(formatValue(1_500_000_000, 'bytes', 'fr'))).toBe('1,5 Go');
    expect(plain(formatValue(999, 'bytes', 'en'))).toBe('999 B');
    expect(plain(formatValue(999, 'bytes', 'fr'))).toBe('999 o');
    expect(plain(formatValue(512, 'bytesPerSecond', 'en'))).toBe('512 B/s');
    expect(plain(formatValue(4.2e12, 'bytes', 'en'))).toBe('4.2 TB');
  });

  it('formats rates', () => {
    expect(plain(formatValue(12_000_000, 'bitsPerSecond', 'en'))).toBe('12 Mb/s');
    expect(plain(formatValue(12_000_000, 'bitsPerSecond', 'fr'))).toBe('12 Mbit/s');
    expect(plain(formatValue(2_500_000, 'bytesPerSecond', 'en'))).toBe('2.5 MB/s');
    expect(formatValue(12.345, 'perSecond', 'en')).toBe('12.3/s');
  });

  it('formats percentages with the locale separator and about three significant digits', () => {
    expect(formatValue(12.345, 'percent', 'en')).toBe('12.3%');
    expect(plain(formatValue(12.345, 'percent', 'fr'))).toBe('12,3 %');
    expect(formatValue(100, 'percent', 'en')).toBe('100%');
    expect(formatValue(0.456, 'percent', 'en')).toBe('0.46%');
  });

  it('formats physical units', () => {
    expect(plain(formatValue(21.54, 'celsius', 'fr'))).toBe('21,5 °C');
    expect(plain(formatValue(230.26, 'volts', 'en'))).toBe('230.3 V');
    expect(plain(formatValue(1234, 'watts', 'fr'))).toBe('1 234 W');
    expect(plain(formatValue(2400, 'megahertz', 'en'))).toBe('2,400 MHz');
    expect(plain(formatValue(12.5, 'milliseconds', 'en'))).toBe('12.5 ms');
  });

  it('shows a dash for missing or non-finite values', () => {
    expect(formatValue(null, 'percent', 'en')).toBe('—');
    expect(formatValue(undefined, 'bytes', 'en')).toBe('—');
    expect(formatValue(Number.NaN, '', 'en')).toBe('—');
    expect(formatValue(Number.POSITIVE_INFINITY, 'count', 'en')).toBe('—');
  });

  it('formats counts as integers with grouping', () => {
    expect(formatValue(1234567.8, 'count', 'en')).toBe('1,234,568');
    expect(plain(formatValue(1234567.8, 'count', 'fr'))).toBe('1 234 568');
  });
});

describe('formatDuration', () => {
  it('keeps the two largest parts', () => {
    expect(formatDuration(3 * 86_400 + 4 * 3600 + 59, 'en')).toBe('3d 4h');
    expect(formatDuration(3 * 86_400 + 4 * 3600 + 59, 'fr')).toBe('3j 4h');
    expect(formatDuration(5 * 60 + 12, 'en')).toBe('5m 12s');
    expect(formatDuration(3600 + 5, 'en')).toBe('1h');
    expect(formatDuration(0, 'en')).toBe('0s');
  });
  it('is used for the seconds unit', () => {
    expect(formatValue(90_061, 'seconds', 'en')).toBe('1d 1h');
  });
});

describe('formatAxis and formatShare', () => {
  it('compacts plain numbers on axes', () => {
    expect(formatAxis(12_500, 'count', 'en')).toBe('12.5K');
    expect(formatAxis(3 * 86_400 + 7200, 'seconds', 'en')).toBe('3d');
  });
  it('formats shares as percentages', () => {
    expect(formatShare(0.125, 'en')).toBe('12.5%');
    expect(plain(formatShare(0.125, 'fr'))).toBe('12,5 %');
  });
});
