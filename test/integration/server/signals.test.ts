import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./signals-entry.ts', import.meta.url));
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Starts serve, waits for its URL, sends the signal, and waits for the exit (SIGKILL after 60 s). With
 * `twice`, sends it again once the close is under way: the administrator who really means "now".
 */
async function oneSignal(signal: NodeJS.Signals, twice = false): Promise<Exit> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-signals-'));
  dirs.push(dataDir);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ENTRY, 'serve', '--port', '0', '--data', dataDir],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_NO_WARNINGS: '1', SIGNALS_CLOSE_MS: '1500' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<Exit>((resolve) =>
    child.once('exit', (code, sig) => setImmediate(() => resolve({ code, signal: sig, stderr }))),
  );
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('Vigie console: ')) resolve();
    });
    void exit.then((r) => reject(new Error(`serve exited before its URL: ${r.stderr}`)));
  });
  child.kill(signal);
  if (twice) {
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (stderr.includes('closing: waiting')) resolve();
      };
      child.stderr.on('data', check);
      check();
    });
    child.kill(signal);
  }
  const result = await exit;
  clearTimeout(killer);
  return result;
}

describe('serve: one signal, one clean close', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} while the close waits on a poll: graceful close, exit 0`, async () => {
      const r = await oneSignal(signal);
      expect(r.stderr).not.toContain('again');
      expect(r.stderr).toContain('closed\n');
      expect({ code: r.code, signal: r.signal }).toEqual({ code: 0, signal: null });
    }, 90_000);
  }

  it('a second SIGTERM during the close still forces the exit, with code 1', async () => {
    const r = await oneSignal('SIGTERM', true);
    expect(r.stderr).toContain('vigie serve: SIGTERM again, exiting without waiting');
    expect(r.stderr).not.toContain('closed\n');
    expect(r.code).toBe(1);
  }, 90_000);
});
