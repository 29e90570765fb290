import type { Unit } from '../src/shared/units';
import type { SampleInput } from '../src/main/core/store/metric-store';

/**
 * Value generators shaped like what Vigie's pollers store, because compressed size depends on the data:
 * interface rates (floats from counter deltas, the most numerous series on network devices), CPU load
 * (integer percent from hrProcessorLoad), used bytes (integers moving by pages), temperatures (integers),
 * local-machine percentages (floats from systeminformation). `random` is the incompressible worst case.
 * Seeded, so both sides of a comparison get the same values.
 */
export const PROFILES = ['rate', 'cpu', 'bytes', 'temp', 'fpct'] as const;
export type Profile = (typeof PROFILES)[number] | 'random';

const UNIT_OF: Record<Profile, Unit> = {
  rate: 'bitsPerSecond',
  cpu: 'percent',
  bytes: 'bytes',
  temp: 'celsius',
  fpct: 'percent',
  random: '',
};

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;

export function generator(profile: Profile, seed: number): (t: number) => number {
  const rnd = seededRandom(seed);
  const base = 1e6 + rnd() * 1e9;
  let walk = rnd() * 100;
  let used = 2e9 + rnd() * 6e9;
  let temp = 40 + Math.round(rnd() * 20);
  switch (profile) {
    case 'rate':
      return (t) => base * (1 + 0.5 * Math.sin((2 * Math.PI * t) / DAY_MS)) * (1 + 0.2 * (rnd() - 0.5));
    case 'cpu':
      return () => (walk = Math.max(0, Math.min(100, Math.round(walk + (rnd() - 0.5) * 10))));
    case 'bytes':
      return () => (used += Math.round((rnd() - 0.5) * 200) * 4096);
    case 'temp':
      return () => (temp = Math.max(25, Math.min(90, temp + Math.round((rnd() - 0.5) * 2.2))));
    case 'fpct':
      return (t) => 30 + 20 * Math.sin((2 * Math.PI * t) / DAY_MS) + rnd() * 10;
    case 'random':
      return () => (rnd() - 0.5) * 2 ** (rnd() * 60);
  }
}

export interface BenchSeries {
  key: string;
  profile: Profile;
  sample: SampleInput;
  next: (t: number) => number;
}

/** `count` series spread over devices of 20 series each, profiles in rotation. */
export function makeSeries(count: number, profiles: readonly Profile[] = PROFILES, seed = 1): BenchSeries[] {
  return Array.from({ length: count }, (_, i) => {
    const profile = profiles[i % profiles.length]!;
    const sample: SampleInput = { deviceId: `dev${Math.floor(i / 20)}`, metric: `m.${profile}`, instance: `i${i}`, unit: UNIT_OF[profile], value: 0 };
    return { key: `${sample.deviceId}|${sample.metric}|${sample.instance}`, profile, sample, next: generator(profile, seed + i) };
  });
}
