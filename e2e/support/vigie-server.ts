import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './paths';

export interface VigieServer {
  url: string;
  dataDir: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const READY = /Vigie console: (https?:\/\/\S+)/;

export function serveAvailable(): { ok: boolean; why: string } {
  if (!existsSync(join(REPO, 'bin/vigie.js'))) return { ok: false, why: 'bin/vigie.js does not exist yet' };
  if (!existsSync(join(REPO, 'out/main/cli.js'))) return { ok: false, why: 'out/main/cli.js is not built' };
  return { ok: true, why: '' };
}

/**
 * Starts `vigie serve` on a port the OS picks, with a fresh data folder and file-backed secrets, and waits
 * for the line that prints its address. The data folder is removed when the server stops.
 */
export async function startVigieServer(): Promise<VigieServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/vigie.js', 'serve', '--port', '0', '--data', dataDir, '--secrets', 'file'],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VIGIE_DATA: dataDir } },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`vigie serve printed no address within 30 s:\n${out}`)),
      30_000,
    );
    const onData = (d: Buffer): void => {
      out += d.toString();
      const m = READY.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vigie serve exited with ${code} before it was ready:\n${out}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timeout = new Promise((r) => setTimeout(r, 5000, 'timeout'));
        if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
