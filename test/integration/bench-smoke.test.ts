import { describe, expect, it } from 'vitest';
import { loadBenchmarks, missingRequirements } from '../../bench/run';
import { missingPeer } from '../helpers/peer';

// Every benchmark runs at smoke size in the suite, so that `npm run bench` cannot rot between runs.
const benchmarks = await loadBenchmarks();

describe.each(benchmarks.map((b) => [b.name, b] as const))('benchmark %s (smoke)', (_name, bench) => {
  const missing = missingRequirements(bench);
  it.skipIf(missingPeer(`baseline tools of ${bench.name}`, missing.length ? `missing ${missing.join(', ')}` : null))('produces finite figures and a ratio', async () => {
    const results = await bench.run('smoke');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(Number.isFinite(r.vigie.value) && r.vigie.value > 0).toBe(true);
      expect(Number.isFinite(r.baseline.value) && r.baseline.value > 0).toBe(true);
      expect(r.ratio).toBeCloseTo(r.vigie.value / r.baseline.value, 6);
    }
  }, 600_000);
});
