/**
 * Child process of kill-safety.test.ts: ingests poll cycles in a loop, maintaining the store after each one
 * with a tiny time budget (so passes are often interrupted half-way), and reports every committed cycle on
 * stdout. The parent kills it with SIGKILL at a random moment.
 * Usage: node --import tsx ingest-child.ts <db path> <first cycle>
 */
import { writeSync } from 'node:fs';
import { openMetricStore } from '../../../src/main/core/store/sqlite-metric-store';
import { CHILD_TIERS, SERIES, STEP_MS, T0, sampleValue } from './kill-safety-plan';

/** stdout is a non-blocking pipe: when the parent is slow to read, a write can fail with EAGAIN; wait, retry. */
function report(line: string): void {
  for (;;) {
    try {
      writeSync(1, line);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
    }
  }
}

const [path, first] = process.argv.slice(2);
if (!path || first === undefined) throw new Error('usage: ingest-child.ts <db path> <first cycle>');
const store = openMetricStore(path, { tiers: CHILD_TIERS, maintainBudgetMs: 1 });
const samples = Array.from({ length: SERIES }, (_, i) => ({ deviceId: 'dev', metric: 'm', instance: `s${i}`, unit: '' as const, value: 0 }));
report('ready\n');
for (let cycle = Number(first); ; cycle++) {
  const at = T0 + cycle * STEP_MS;
  samples.forEach((s, i) => (s.value = sampleValue(cycle, i)));
  store.ingest(at, samples);
  // Synchronous write: once the parent reads this line, the cycle was committed.
  report(`committed ${cycle}\n`);
  store.maintain(at);
}
