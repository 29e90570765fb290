import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freeTcpPort } from './free-port';
import { waitUntil } from './wait-until';

/** The superuser's password over TCP (the socket in the data directory trusts local connections). */
export const PG_PASSWORD = 'vigie-test-pw';

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** Why a PostgreSQL server cannot be started here, or null when it can. */
export function postgresMissing(): string | null {
  if (!binDir()) return 'initdb not found under /usr/lib/postgresql (Debian package postgresql)';
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) return 'no postgres system user (Debian package postgresql creates it)';
  if (spawnSync('sh', ['-c', 'command -v runuser']).status !== 0) return 'runuser not found (util-linux)';
  return null;
}

export interface PostgresOptions {
  /** Serve TLS with a self-signed certificate (written as server.crt in the data directory). */
  tls?: boolean;
  /** Accept TCP connections only over TLS (pg_hba.conf hostssl). */
  tlsOnly?: boolean;
  /** Start as a streaming replica of this server (pg_basebackup -R over its socket). */
  replicaOf?: PostgresPeer;
}

export interface PostgresPeer {
  port: number;
  dir: string;
  /** The server's socket directory (for pg_basebackup). */
  socketDir: string;
  /** The self-signed certificate when started with tls. */
  certFile: string | null;
  /** A superuser client over TCP for the test to set things up and read the truth; the caller ends it. */
  root(database?: string): Promise<pg.Client>;
  stop(): void;
  start(): Promise<void>;
  dispose(): void;
}

function asPostgres(args: string[], what: string): string {
  const r = spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/**
 * A private PostgreSQL server on 127.0.0.1: initdb in a temporary directory owned by `postgres` (the server
 * refuses to run as root), pg_ctl on a free port, resolved once it accepts a TCP login. SCRAM passwords
 * over TCP, trust on its own socket.
 */
export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresPeer> {
  const bin = binDir()!;
  const dir = mkdtempSync(join(tmpdir(), 'vigie-pg-'));
  chownSync(dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()));
  chmodSync(dir, 0o700);
  const data = join(dir, 'data');
  const port = await freeTcpPort();
  if (options.replicaOf) {
    asPostgres([join(bin, 'pg_basebackup'), '-h', options.replicaOf.socketDir, '-p', String(options.replicaOf.port), '-U', 'postgres', '-D', data, '-R', '-X', 'stream', '-c', 'fast'], 'pg_basebackup');
  } else {
    const pwfile = join(dir, 'pw');
    writeFileSync(pwfile, PG_PASSWORD);
    chownSync(pwfile, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), 0);
    asPostgres([join(bin, 'initdb'), '-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--no-sync'], 'initdb');
  }
  let certFile: string | null = null;
  if (options.tls) {
    const key = join(data, 'server.key');
    certFile = join(data, 'server.crt');
    asPostgres(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=vigie-test-pg', '-keyout', key, '-out', certFile], 'openssl');
    chmodSync(key, 0o600);
  }
  if (options.tlsOnly) {
    const hba = join(data, 'pg_hba.conf');
    const text = readFileSync(hba, 'utf8').replace(/^host(\s+all\s+all\s+127\.0\.0\.1\/32)/m, 'hostssl$1');
    writeFileSync(hba, text);
  }
  const log = join(dir, 'server.log');
  const opts = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c shared_buffers=16MB',
    '-c max_connections=40',
    ...(options.tls ? ['-c ssl=on'] : []),
  ].join(' ');
  const start = async (): Promise<void> => {
    asPostgres([join(bin, 'pg_ctl'), '-D', data, '-o', opts, '-l', log, '-w', '-t', '60', 'start'], 'pg_ctl start');
    await waitUntil(
      'PostgreSQL did not accept a TCP login',
      60_000,
      async () => {
        const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: PG_PASSWORD, database: 'postgres', ssl: options.tlsOnly ? { rejectUnauthorized: false } : false });
        c.on('error', () => undefined);
        try {
          await c.connect();
          await c.end();
          return true;
        } catch {
          return null;
        }
      },
      () => (existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : ''),
    );
  };
  const stop = (): void => {
    spawnSync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop'], { encoding: 'utf8', timeout: 60_000 });
  };
  await start();
  return {
    port,
    dir,
    socketDir: dir,
    certFile,
    async root(database = 'postgres') {
      const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: PG_PASSWORD, database, ssl: options.tlsOnly ? { rejectUnauthorized: false } : false });
      c.on('error', () => undefined);
      await c.connect();
      return c;
    },
    stop,
    start,
    dispose() {
      stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
