/**
 * Child process of kill-safety.test.ts: ingests poll cycles in a loop, maintaining the store after each one
 * with a tiny time budget (so passes are often interrupted half-way), and reports every committed cycle on
 * stdout. The parent kills it with SIGKILL at a random moment.
 * Usage: node --import tsx ingest-child.ts <db path> <first cycle>
 */
import { writeSync } from 'node:fs';
import { openMetricStore } from '../../../src/main/core/store/sqlite-metric-store';
import { CHILD_TIERS, SERIES, STEP_MS, T0, sampleValue } from './kill-safety-plan';

const [path, first] = process.argv.slice(2);
if (!path || first === undefined) throw new Error('usage: ingest-child.ts <db path> <first cycle>');
const store = openMetricStore(path, { tiers: CHILD_TIERS, maintainBudgetMs: 1 });
const samples = Array.from({ length: SERIES }, (_, i) => ({ deviceId: 'dev', metric: 'm', instance: `s${i}`, unit: '' as const, value: 0 }));
writeSync(1, 'ready\n');
for (let cycle = Number(first); ; cycle++) {
  const at = T0 + cycle * STEP_MS;
  samples.forEach((s, i) => (s.value = sampleValue(cycle, i)));
  store.ingest(at, samples);
  // Synchronous write: once the parent reads this line, the cycle was committed.
  writeSync(1, `committed ${cycle}\n`);
  store.maintain(at);
}
