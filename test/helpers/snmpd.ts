import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSnmpSession } from '../../src/main/core/pollers/snmp/session/net-snmp-session';
import { freeUdpPort } from './free-port';

/** An SNMPv3 user the agent knows (authPriv). Keys are test fixtures, not secrets. */
export interface SnmpdUser {
  name: string;
  authProtocol: 'md5' | 'sha' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
  authKey: string;
  privProtocol: 'des' | 'aes';
  privKey: string;
}

export interface SnmpdOptions {
  community?: string;
  users?: SnmpdUser[];
  /** Extra snmpd.conf lines. */
  extra?: string[];
  /** Reuse a port (restart on the same address). */
  port?: number;
  /** Reuse a state directory (same engine id and boots counter after a restart). */
  dir?: string;
}

export interface SnmpdPeer {
  port: number;
  community: string;
  users: SnmpdUser[];
  dir: string;
  pid: number;
  /** Stops the agent, keeping its directory (to restart it with `startSnmpd({ port, dir })`). */
  stop(): Promise<void>;
  /** Stops it and removes its directory. */
  dispose(): Promise<void>;
}

export const DEFAULT_USERS: SnmpdUser[] = [
  { name: 'vigie-sha-aes', authProtocol: 'sha', authKey: 'auth-pass-sha1', privProtocol: 'aes', privKey: 'priv-pass-aes1' },
  { name: 'vigie-md5-des', authProtocol: 'md5', authKey: 'auth-pass-md51', privProtocol: 'des', privKey: 'priv-pass-des1' },
  { name: 'vigie-sha256', authProtocol: 'sha256', authKey: 'auth-pass-sha256', privProtocol: 'aes', privKey: 'priv-pass-aes256' },
];

const AUTH_NAME: Record<SnmpdUser['authProtocol'], string> = {
  md5: 'MD5',
  sha: 'SHA',
  sha224: 'SHA-224',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
};

/** Is Debian's snmpd installed? Tests that need it skip with this reason otherwise. */
export async function hasSnmpd(): Promise<boolean> {
  return new Promise((resolve) => {
    const c = spawn('sh', ['-c', 'command -v snmpd'], { stdio: 'ignore' });
    c.on('exit', (code) => resolve(code === 0));
    c.on('error', () => resolve(false));
  });
}

/**
 * Starts Debian's net-snmp agent on 127.0.0.1 with its own configuration and state directory (never the
 * system's): a read-only v2c community and SNMPv3 authPriv users. Resolves once it answers.
 */
export async function startSnmpd(options: SnmpdOptions = {}): Promise<SnmpdPeer> {
  const community = options.community ?? 'vigie-test';
  const users = options.users ?? DEFAULT_USERS;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'vigie-snmpd-'));
  const port = options.port ?? (await freeUdpPort());
  const conf = join(dir, 'snmpd.conf');
  writeFileSync(
    conf,
    [
      `rocommunity ${community} 127.0.0.1`,
      ...users.flatMap((u) => [
        `createUser ${u.name} ${AUTH_NAME[u.authProtocol]} "${u.authKey}" ${u.privProtocol.toUpperCase()} "${u.privKey}"`,
        `rouser ${u.name} priv`,
      ]),
      'includeAllDisks 1%',
      ...(options.extra ?? []),
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(
    'snmpd',
    ['-C', '-c', conf, '-f', '-Lo', '-p', join(dir, 'snmpd.pid'), `udp:127.0.0.1:${port}`],
    { env: { ...process.env, MIBS: '', SNMP_PERSISTENT_DIR: join(dir, 'state') }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`snmpd exited (${child.exitCode}): ${output}`);
    const s = createSnmpSession({ host: '127.0.0.1', port, version: '2c', community, timeoutMs: 300, retries: 0 });
    try {
      if ((await s.get(['1.3.6.1.2.1.1.3.0'])).size > 0) break;
    } catch {
      /* not listening yet */
    } finally {
      s.close();
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`snmpd did not answer within 20 s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  return {
    port,
    community,
    users,
    dir,
    pid: child.pid ?? -1,
    stop,
    async dispose() {
      await stop();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
