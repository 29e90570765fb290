import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMetricStore } from '../../../src/main/core/store/sqlite-metric-store';
import { CHILD_TIERS, SERIES, STEP_MS, T0, sampleValue } from './kill-safety-plan';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const KILLS = 20;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-kill-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  committed: number[];
  stderr: string;
}

/** Starts the child, lets it ingest for `ms` after it is ready, kills it with SIGKILL, returns what it reported. */
function runAndKill(path: string, first: number, ms: number): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'ingest-child.ts'), path, String(first)], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    const committed: number[] = [];
    let stderr = '';
    let rest = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') timer = setTimeout(() => child.kill('SIGKILL'), ms);
        const m = /^committed (\d+)$/.exec(line);
        if (m) committed.push(Number(m[1]));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    // 'close', not 'exit': every line the child wrote before dying must have been read.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child exited on its own (${String(code)}): ${stderr}`));
      else resolvePromise({ committed, stderr });
    });
  });
}

describe('metric store under kill -9', () => {
  it(`reopens intact after ${KILLS} kills mid-ingest and loses at most the batch in flight`, async () => {
    const path = join(dir, 'metrics.db');
    const reported = new Set<number>();
    let next = 0;
    let maxCommitted = -1;
    for (let k = 0; k < KILLS; k++) {
      const run = await runAndKill(path, next, 100 + Math.floor(Math.random() * 600));
      for (const c of run.committed) reported.add(c);
      const lastReported = run.committed.length ? run.committed[run.committed.length - 1]! : next - 1;

      const db = new Database(path);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();

      const store = openMetricStore(path, { tiers: CHILD_TIERS });
      const inFlight = lastReported + 1;
      let inFlightSeries = 0;
      const problems: string[] = [];
      try {
        for (let i = 0; i < SERIES; i++) {
          // All series over this run; the first and last series over the whole history.
          const from = i === 0 || i === SERIES - 1 ? 0 : next;
          const raw = store.queryTier(`dev|m|s${i}`, 'raw', T0 + from * STEP_MS, T0 + (lastReported + 2) * STEP_MS);
          const present = new Set<number>();
          raw.t.forEach((t, j) => {
            const c = (t - T0) / STEP_MS;
            present.add(c);
            if (raw.avg[j] !== sampleValue(c, i)) problems.push(`series ${i} cycle ${c}: ${raw.avg[j]}`);
            // Nothing else but, at most, the one in flight when the kill came.
            if (!reported.has(c) && c !== inFlight) problems.push(`series ${i}: unexpected cycle ${c}`);
            maxCommitted = Math.max(maxCommitted, c);
          });
          for (const c of reported) if (c >= from && !present.has(c)) problems.push(`series ${i} lost committed cycle ${c} after kill ${k}`);
          if (present.has(inFlight)) inFlightSeries++;
        }
        expect(problems.slice(0, 10)).toEqual([]);
        // The batch in flight is all or nothing.
        expect([0, SERIES]).toContain(inFlightSeries);
        if (inFlightSeries === SERIES) reported.add(inFlight);
        expect(store.latest()).toHaveLength(SERIES);
      } finally {
        store.close();
      }
      next = maxCommitted + 1;
    }
    // The kills came at many points of the run, not all before the first commit.
    expect(reported.size).toBeGreaterThan(KILLS * 10);
  }, 300_000);
});
