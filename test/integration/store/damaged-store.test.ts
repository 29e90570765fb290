import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openMetricStore } from '../../../src/main/core/store/sqlite-metric-store';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../../src/main/cli/index.ts', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A data folder whose metrics.db has its series index page zeroed, as found by an administrator. */
function dataDirWithDamagedStore(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-damaged-'));
  dirs.push(dir);
  const path = join(dir, 'metrics.db');
  const s = openMetricStore(path);
  s.ingest(Date.now() - 60_000, [
    { deviceId: 'this-computer', metric: 'cpu.total', instance: '', unit: 'percent', value: 5 },
  ]);
  s.close();
  const db = new Database(path, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = (
    db.prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'series'").get() as {
      rootpage: number;
    }
  ).rootpage;
  db.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(pageSize), 0, pageSize, (root - 1) * pageSize);
  closeSync(fd);
  return dir;
}

/** Runs the real `vigie serve` on `dir` until `done(stderr)` holds, then stops it with SIGTERM. */
async function serveUntil(
  dir: string,
  done: (stderr: string) => boolean,
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'serve', '--port', '0', '--data', dir, '--secrets', 'file'],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  const exit = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => setImmediate(() => resolve(code))),
  );
  const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (stdout.includes('Vigie console: ') && done(stderr)) resolve();
    };
    child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), check()));
    child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), check()));
    void exit.then(() => reject(new Error(`serve exited early:\n${stdout}\n${stderr}`)));
  });
  child.kill('SIGTERM');
  const code = await exit;
  clearTimeout(killer);
  return { code, stderr };
}

const mode = (p: string): number => statSync(p).mode & 0o777;

describe('serve with a damaged metric store', () => {
  it('says so at start, moves the file aside, stores again, and keeps its files private', async () => {
    const dir = dataDirWithDamagedStore();
    // Waits for a poll of "This computer" to be stored (the WAL grows) after the warning.
    const r = await serveUntil(
      dir,
      (err) => /metric store damaged/.test(err) && /\bwarn .*was damaged/.test(err),
    );
    expect(r.stderr).toMatch(
      /The metric store .*metrics\.db was damaged: the check at start-up found it damaged/,
    );
    expect(r.code).toBe(0);
    const moved = readdirSync(dir).filter((f) => /^metrics\.db\.damaged-/.test(f));
    expect(moved).toHaveLength(1);

    // The fresh store opens clean and is in use; no second incident on the next start.
    const again = await serveUntil(dir, () => true);
    expect(again.stderr).not.toMatch(/damaged/);
    for (const f of ['metrics.db', 'events.db', join('logs', 'vigie.log')])
      expect({ f, mode: mode(join(dir, f)) }).toEqual({ f, mode: 0o600 });
    const db = new Database(join(dir, 'metrics.db'), { readonly: true });
    expect((db.pragma('quick_check') as { quick_check: string }[])[0]!.quick_check).toBe('ok');
    db.close();
  }, 180_000);
});
