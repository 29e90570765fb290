import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection, type Connection, type ConnectionOptions } from 'mysql2/promise';
import { freeTcpPort } from './free-port';
import { waitUntil } from './wait-until';
import { readyOrCleanUp, stopChild } from './server-child';

/** Why Debian's MariaDB server cannot be started here, or null when it can. */
export function mariadbMissing(): string | null {
  for (const bin of ['mariadbd', 'mariadb-install-db']) {
    if (spawnSync('sh', ['-c', `command -v ${bin}`]).status !== 0) return `${bin} not found (Debian package mariadb-server)`;
  }
  return null;
}

export interface MariadbOptions {
  /** Extra mariadbd options (e.g. `--log-bin`, `--server-id=2`, `--ssl-cert=…`). */
  args?: string[];
}

export interface MariadbPeer {
  port: number;
  dir: string;
  /** A root connection (no password, over TCP) for the test to set things up and read the truth. */
  root(options?: Pick<ConnectionOptions, 'ssl'>): Promise<Connection>;
  /** Stops the server, keeping its data directory. */
  stop(): Promise<void>;
  /** Stops it and removes its directory. */
  dispose(): Promise<void>;
}

/**
 * A private MariaDB server on 127.0.0.1: its own data directory, socket and port, running as the current
 * user (root here, so `--user=root`). Resolves once it accepts a TCP connection.
 */
export async function startMariadb(options: MariadbOptions = {}): Promise<MariadbPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-mariadb-'));
  const data = join(dir, 'data');
  const install = spawnSync(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${data}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`mariadb-install-db failed: ${install.stderr}`);
  }
  const port = await freeTcpPort();
  const child: ChildProcess = spawn(
    'mariadbd',
    [
      '--no-defaults',
      `--datadir=${data}`,
      '--user=root',
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(dir, 'sock')}`,
      `--pid-file=${join(dir, 'pid')}`,
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=16M',
      ...(options.args ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (d: Buffer): void => void (output = (output + d.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const root = (more: Pick<ConnectionOptions, 'ssl'> = {}): Promise<Connection> =>
    createConnection({ host: '127.0.0.1', port, user: 'root', multipleStatements: true, ...more });
  const ready = waitUntil(
    'mariadbd did not accept connections',
    30_000,
    async () => {
      if (child.exitCode !== null) throw new Error(`mariadbd exited (${child.exitCode}): ${output}`);
      try {
        // A server error (positive errno, e.g. "TLS required") is an answer; socket errors have negative ones.
        const c = await root().catch((error: unknown) => {
          const errno = (error as { errno?: unknown }).errno;
          if (typeof errno === 'number' && errno > 0) return null;
          throw error;
        });
        if (c === null) return true;
        await c.end();
        return true;
      } catch {
        return null;
      }
    },
    () => output,
  );
  const stop = (): Promise<void> => stopChild(child, 15_000);
  const dispose = await readyOrCleanUp(ready, stop, dir);
  return {
    port,
    dir,
    root,
    stop,
    dispose,
  };
}
