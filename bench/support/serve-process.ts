import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(REPO, 'out/main/cli.js');
const READY = /Vigie console: (https?:\/\/\S+)/;

/**
 * Builds out/ when it is missing or older than what a benchmark reads from it (`needs`: a string the built
 * CLI must contain, e.g. a metric name). The test suite builds before the benches run; `npm run bench` may not.
 */
export function ensureBuilt(needs: string): void {
  if (builtWith(needs)) return;
  execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO, stdio: 'ignore', timeout: 300_000 });
  if (!builtWith(needs)) throw new Error(`out/main was built but lacks "${needs}"`);
}

/** The CLI and its chunks (the bundler moves shared code out of cli.js). */
function builtWith(needs: string): boolean {
  if (!existsSync(CLI)) return false;
  const dir = join(REPO, 'out/main');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  return files.some((f) => readFileSync(join(dir, f), 'utf8').includes(needs));
}

export interface ServeProcess {
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/** `vigie serve` on a free loopback port over an existing data folder (secrets in its encrypted file). */
export async function startServe(dataDir: string, timeoutMs = 120_000): Promise<ServeProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(REPO, 'bin/vigie.js'), 'serve', '--port', '0', '--data', dataDir, '--secrets', 'file'],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VIGIE_DATA: dataDir } },
  );
  let out = '';
  const keep = (d: Buffer): void => {
    out = (out + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vigie serve printed no address within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = (): void => {
      const m = READY.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vigie serve exited with ${code} before it was ready:\n${out}`));
    });
  });
  return {
    url,
    pid: child.pid ?? -1,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      if ((await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000, 'timeout'))])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
