import { describe, expect, it } from 'vitest';
import { loadBenchmarks, missingRequirements } from '../../bench/run';

// Every benchmark runs at smoke size in the suite, so that `npm run bench` cannot rot between runs.
const benchmarks = await loadBenchmarks();

describe.each(benchmarks.map((b) => [b.name, b] as const))('benchmark %s (smoke)', (_name, bench) => {
  const missing = missingRequirements(bench);
  it.skipIf(missing.length > 0)(`produces finite figures and a ratio${missing.length ? ` (skipped: missing ${missing.join(', ')})` : ''}`, async () => {
    const results = await bench.run('smoke');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(Number.isFinite(r.vigie.value) && r.vigie.value > 0).toBe(true);
      expect(Number.isFinite(r.baseline.value) && r.baseline.value > 0).toBe(true);
      expect(r.ratio).toBeCloseTo(r.vigie.value / r.baseline.value, 6);
    }
  }, 600_000);
});
