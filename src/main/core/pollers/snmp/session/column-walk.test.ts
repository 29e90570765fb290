import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareOids, walkColumns, type WalkStep } from './column-walk';
import type { SnmpVarbind } from './types';

/** An agent over a sorted MIB: GETBULK semantics (successors of each OID, `reps` each, endOfMibView as null). */
function agent(mib: string[], log: string[][] = []): WalkStep {
  const sorted = [...mib].sort(compareOids);
  return (oids, reps) => {
    log.push(oids);
    return Promise.resolve(
      oids.map((oid) => {
        const out: (SnmpVarbind | null)[] = [];
        let i = sorted.findIndex((o) => compareOids(o, oid) > 0);
        for (let k = 0; k < reps; k++) {
          const next = i >= 0 ? sorted[i] : undefined;
          out.push(next ? { oid: next, type: 'integer', value: k } : null);
          if (i >= 0) i = i + 1 < sorted.length ? i + 1 : -1;
        }
        return out;
      }),
    );
  };
}

describe('compareOids', () => {
  it('orders numerically, arc by arc (property: agrees with array comparison)', () => {
    const oid = fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(oid, oid, (a, b) => {
        let expected = 0;
        for (let i = 0; i < Math.max(a.length, b.length) && expected === 0; i++) {
          const x = a[i];
          const y = b[i];
          if (x === undefined) expected = -1;
          else if (y === undefined) expected = 1;
          else if (x !== y) expected = x < y ? -1 : 1;
        }
        expect(compareOids(a.join('.'), b.join('.'))).toBe(expected);
      }),
    );
    expect(compareOids('1.3.6.1.2.1.2.2.1.10', '1.3.6.1.2.1.2.2.1.9')).toBe(1);
  });
});

describe('walkColumns', () => {
  const mib = [
    '1.3.1',
    ...[1, 2, 3, 10, 11].flatMap((row) => [2, 3, 5].map((col) => `1.3.6.1.2.${col}.${row}`)),
    '1.3.6.1.3.1',
  ];

  it('walks several columns together and stops each at its end', async () => {
    const log: string[][] = [];
    const out = await walkColumns(['1.3.6.1.2.2', '1.3.6.1.2.5'], agent(mib, log), { budget: 6 });
    expect(out.get('1.3.6.1.2.2')?.map((v) => v.oid)).toEqual([1, 2, 3, 10, 11].map((r) => `1.3.6.1.2.2.${r}`));
    expect(out.get('1.3.6.1.2.5')?.map((v) => v.oid)).toEqual([1, 2, 3, 10, 11].map((r) => `1.3.6.1.2.5.${r}`));
    // 5 rows, 3 per request per column: two requests carry both columns.
    expect(log.length).toBe(2);
    expect(log[0]).toEqual(['1.3.6.1.2.2', '1.3.6.1.2.5']);
  });

  it('returns an empty column for a subtree the agent lacks, and survives the end of the MIB', async () => {
    const out = await walkColumns(['1.3.6.1.2.4', '1.3.6.1.3', '1.3.9'], agent(mib), { budget: 10 });
    expect(out.get('1.3.6.1.2.4')).toEqual([]);
    expect(out.get('1.3.6.1.3')?.map((v) => v.oid)).toEqual(['1.3.6.1.3.1']);
    expect(out.get('1.3.9')).toEqual([]);
  });

  it('stops on an agent that answers backwards or the same OID (no endless walk)', async () => {
    let calls = 0;
    const looping: WalkStep = (oids) => {
      calls++;
      return Promise.resolve(oids.map(() => [{ oid: '1.3.6.1.2.2.1', type: 'integer' as const, value: 1 }]));
    };
    const out = await walkColumns(['1.3.6.1.2.2'], looping, { budget: 5 });
    expect(out.get('1.3.6.1.2.2')?.length).toBe(1);
    expect(calls).toBe(2);
  });

  it('stops when an answer advances nothing (empty answers)', async () => {
    let calls = 0;
    const empty: WalkStep = (oids) => {
      calls++;
      return Promise.resolve(oids.map(() => []));
    };
    expect((await walkColumns(['1.3.6', '1.3.7'], empty, { budget: 5 })).get('1.3.6')).toEqual([]);
    expect(calls).toBe(1);
  });

  it('caps a column at maxRows', async () => {
    let n = 0;
    const endless: WalkStep = (oids, reps) =>
      Promise.resolve(oids.map(() => Array.from({ length: reps }, () => ({ oid: `1.3.6.${++n}`, type: 'integer' as const, value: n }))));
    const out = await walkColumns(['1.3.6'], endless, { budget: 50, maxRows: 120 });
    expect(out.get('1.3.6')?.length).toBe(120);
  });
});
