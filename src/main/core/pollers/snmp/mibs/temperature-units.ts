/** Sensors report in the unit their owner chose; the console stores °C only. */
export function fahrenheitToCelsius(f: number): number {
  return Math.round(((f - 32) * 5 * 100) / 9) / 100;
}

export function toCelsius(value: number | null, unit: 'celsius' | 'fahrenheit'): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return unit === 'fahrenheit' ? fahrenheitToCelsius(value) : value;
}
