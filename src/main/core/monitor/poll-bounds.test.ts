import { describe, expect, it } from 'vitest';
import type { PollResult } from '../pollers/source';
import { applyBounds, boundsFor } from './poll-bounds';

const endless = (cores: number): PollResult => ({
  family: 'linux',
  identity: {},
  metrics: Array.from({ length: cores }, (_, i) => ({
    name: 'cpu.core.percent',
    instance: String(i),
    value: 1,
    unit: 'percent' as const,
  })),
  tables: { cores: Array.from({ length: cores }, (_, i) => ({ index: i })) },
  problems: [],
  uptimeSeconds: null,
});

describe('poll bounds', () => {
  it('keeps an agent to 1,000 series and 5,000 rows per table, and says so', () => {
    const out = applyBounds(endless(6_000), boundsFor('snmp'), () => new Set());
    expect(new Set(out.metrics.map((m) => m.instance)).size).toBe(1_000);
    expect(out.tables.cores).toHaveLength(5_000);
    expect(out.problems).toEqual([
      {
        severity: 'warning',
        message:
          'Series limit reached: the device reported 6000 series, only 1000 are kept (limit per device)',
      },
      {
        severity: 'warning',
        message: 'Table "cores" has 6000 rows, only the first 5000 are kept (limit per table)',
      },
    ]);
  });

  it('keeps the series the store already has before new ones', () => {
    const known = new Set(['cpu.core.percent|5999', 'cpu.core.percent|5998']);
    const out = applyBounds(endless(6_000), boundsFor('snmp'), () => known);
    const kept = new Set(out.metrics.map((m) => m.instance));
    expect(kept.has('5999') && kept.has('5998')).toBe(true);
    expect(kept.size).toBe(1_000);
  });

  it('leaves a result within bounds untouched and gives a vCenter more room', () => {
    const small = endless(900);
    expect(applyBounds(small, boundsFor('snmp'), () => new Set())).toBe(small);
    const big = endless(6_000);
    expect(applyBounds(big, boundsFor('vsphere'), () => new Set())).toBe(big);
  });
});
