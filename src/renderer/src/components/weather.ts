import type { Weather } from '../../../shared/contract/devices';

export type WeatherKind = 'sun' | 'clouds' | 'storm' | 'none';

/**
 * The original product's weather: sunny when the device spent (nearly) all of the last 24 h OK, stormy
 * when a fifth or more was CRITICAL or unreachable, cloudy in between. No recorded time: no weather.
 */
export function weatherKind(w: Weather): WeatherKind {
  const total = w.ok + w.warning + w.critical + w.unknown;
  if (total <= 0) return 'none';
  const ok = w.ok / total;
  const bad = (w.critical + w.unknown) / total;
  if (bad >= 0.2) return 'storm';
  if (ok >= 0.95) return 'sun';
  return 'clouds';
}
