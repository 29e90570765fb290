import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceSnapshotSchema } from '../../../src/shared/contract/devices';
import { freeUdpPort } from '../../helpers/free-port';
import { DEFAULT_USERS, hasSnmpd, startSnmpd, type SnmpdPeer } from '../../helpers/snmpd';
import { readSnmprec, snmprecColumn } from '../../helpers/snmprec';
import { SHARED_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { missingPeer } from '../../helpers/peer';

const available = await hasSnmpd();
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ENTRY = 'src/main/cli/probe-main.ts';
const HOSTILE = '<img src=x onerror=alert(1)>';
const ESCAPES = 'room\x1b[2Jgone';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function probe(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', ENTRY, 'probe', ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function meminfoTotal(): number {
  return Number(/^MemTotal:\s+(\d+)/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]) * 1024;
}

describe.skipIf(missingPeer('snmpd', available ? null : 'Debian snmpd not installed (apt-get install snmpd)'))('vigie probe (child process) against snmpd and snmpsim', () => {
  let agent: SnmpdPeer;
  let sim: SnmpsimPeer;
  const SWITCH = `${SHARED_SNMPREC}cisco-ios-catalyst3550.snmprec`;

  beforeAll(async () => {
    agent = await startSnmpd({ extra: [`sysName ${HOSTILE}`, `sysLocation ${ESCAPES}`] });
    sim = await startSnmpsim([SWITCH]);
  });
  afterAll(async () => {
    await agent?.dispose();
    await sim?.stop();
  });

  it('--json prints exactly the snapshot shape with the real memory of this machine', async () => {
    const r = await probe(['127.0.0.1', '--port', String(agent.port), '--community-env', 'VIGIE_C', '--json'], { VIGIE_C: agent.community });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['family', 'identity', 'metrics', 'problems', 'state', 'tables']);
    const snapshot = DeviceSnapshotSchema.parse({ ...out, at: 0 });
    expect(snapshot.family).toBe('linux');
    expect(snapshot.identity.sysName).toBe(HOSTILE);
    expect(snapshot.metrics.find((m) => m.name === 'memory.total')?.value).toBe(meminfoTotal());
    expect(snapshot.tables.filesystems?.some((row) => row.mount === '/')).toBe(true);
    expect(['ok', 'warning', 'critical']).toContain(snapshot.state);
  });

  it('prints the page as tables by default, with terminal escapes from the device neutralised', async () => {
    const r = await probe(['127.0.0.1', '--port', String(agent.port), '--community-env', 'VIGIE_C', '--watch', 'snmpd'], { VIGIE_C: agent.community });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Family\s+linux \(Linux \/ UNIX server\)/);
    for (const title of ['Identity', 'Metrics', 'Filesystems', 'Network interfaces', 'Watched processes', 'Processes']) expect(r.stdout).toContain(title);
    expect(r.stdout).toContain(HOSTILE);
    // Control characters never reach the terminal: the location (with an ESC) is shown as its bytes.
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stdout).toContain([...Buffer.from(ESCAPES)].map((b) => b.toString(16).padStart(2, '0')).join(':'));
    expect(r.stdout).toMatch(/\n\s+snmpd\s+ok\s+[1-9]\d*\s/);
  });

  it('--interval polls twice so that rates appear', async () => {
    const r = await probe(['127.0.0.1', '--port', String(agent.port), '--community-env', 'VIGIE_C', '--interval', '2', '--json'], { VIGIE_C: agent.community });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { metrics: { name: string; instance: string; value: number }[] };
    const lo = out.metrics.find((m) => m.name === 'if.in.bps' && m.instance === 'lo');
    expect(lo?.value).toBeGreaterThanOrEqual(0);
  });

  it('SNMPv3 authPriv with keys from the environment', async () => {
    const u = DEFAULT_USERS[0];
    if (!u) throw new Error('fixture');
    const r = await probe(
      ['127.0.0.1', '--port', String(agent.port), '--user', u.name, '--auth-protocol', u.authProtocol, '--auth-key-env', 'A', '--priv-protocol', u.privProtocol, '--priv-key-env', 'P', '--json'],
      { A: u.authKey, P: u.privKey },
    );
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { family: string }).family).toBe('linux');
  });

  it('exits 1 with a clear message when the device cannot be polled', async () => {
    const wrong = await probe(['127.0.0.1', '--port', String(agent.port), '--timeout', '300', '--retries', '0']);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toMatch(/cannot poll 127\.0\.0\.1 \(community\): .*does not answer this community/);
    const closed = await probe(['127.0.0.1', '--port', String(await freeUdpPort()), '--timeout', '300', '--retries', '0']);
    expect(closed.code).toBe(1);
    expect(closed.stderr).toContain('(refused)');
    const u = DEFAULT_USERS[0];
    const badKey = await probe(['127.0.0.1', '--port', String(agent.port), '--user', u?.name ?? '', '--auth-key-env', 'A', '--priv-key-env', 'P', '--timeout', '300', '--retries', '0'], {
      A: 'wrong-auth-key',
      P: u?.privKey ?? '',
    });
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toContain('(auth)');
  });

  it('exits 2 on a bad command line, and never takes a secret from argv', async () => {
    const missing = await probe(['127.0.0.1', '--community-env', 'VIGIE_NOT_SET_ANYWHERE']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('environment variable VIGIE_NOT_SET_ANYWHERE is not set');
    const badPort = await probe(['127.0.0.1', '--port', '70000']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('--port');
    const argvSecret = await probe(['127.0.0.1', '--community', 'secret']);
    expect(argvSecret.code).toBe(2);
  });

  it('detects and prints a switch from a recording', async () => {
    const r = await probe(['127.0.0.1', '--port', String(sim.port), '--community-env', 'C', '--timeout', '3000', '--json'], { C: sim.community(SWITCH) });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { family: string; tables: { ports: unknown[] } };
    expect(out.family).toBe('switch');
    expect(out.tables.ports.length).toBe(snmprecColumn(readSnmprec(SWITCH), '1.3.6.1.2.1.2.2.1', 1).size);
  });
});
