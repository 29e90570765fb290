import { describe, expect, it } from 'vitest';
import { fahrenheitToCelsius, toCelsius } from './temperature-units';

describe('temperature units', () => {
  it('converts °F to °C', () => {
    expect(fahrenheitToCelsius(32)).toBe(0);
    expect(fahrenheitToCelsius(212)).toBe(100);
    expect(fahrenheitToCelsius(81)).toBeCloseTo(27.22, 2);
    expect(fahrenheitToCelsius(-40)).toBe(-40);
  });

  it('leaves °C alone and keeps unknown values unknown', () => {
    expect(toCelsius(21.5, 'celsius')).toBe(21.5);
    expect(toCelsius(75, 'fahrenheit')).toBeCloseTo(23.89, 2);
    expect(toCelsius(null, 'fahrenheit')).toBeNull();
    expect(toCelsius(Number.NaN, 'celsius')).toBeNull();
  });
});
