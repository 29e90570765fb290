import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageVersion } from '../../../src/main/core/package-version';
import { AuthStore } from '../../../src/main/server/auth-store';
import { DeviceSnapshotSchema, type DeviceSnapshot } from '../../../src/shared/contract/devices';
import { freeTcpPort } from '../../helpers/free-port';
import { missingPeer } from '../../helpers/peer';
import { DEFAULT_USERS, hasSnmpd, startSnmpd, type SnmpdPeer } from '../../helpers/snmpd';
import { postForm, request, sessionCookieOf } from '../server/http-request';

/**
 * Every option the README and `--help` document for `serve`, `passwd` and `probe`, through the real CLI
 * (src/main/cli/index.ts, the one `vigie` runs) in a child process: the subcommands are registered together
 * there, so an option of the program can shadow one of a subcommand (it did: `probe --version`).
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ENTRY = 'src/main/cli/index.ts';
const hasOpenssl = existsSync('/usr/bin/openssl');
const snmpdAvailable = await hasSnmpd();
/** Each child process starts tsx and the CLI: seconds alone, tens of seconds on a loaded 2-core machine. */
const LONG = 600_000;
const PASSWORD = 'cli options password 42';

/** No D-Bus session: keytar cannot reach a Secret Service, as on a bare appliance. */
const noKeyring: NodeJS.ProcessEnv = { ...process.env, NODE_NO_WARNINGS: '1' };
delete noKeyring.DBUS_SESSION_BUS_ADDRESS;
delete noKeyring.DISPLAY;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function spawnVigie(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; out: { stdout: string; stderr: string }; exit: Promise<Run> } {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  child.stdout?.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exit = new Promise<Run>((resolve) => child.once('exit', (code) => setImmediate(() => resolve({ code, ...out, ms: Date.now() - started }))));
  return { child, out, exit };
}

async function vigie(args: string[], env: NodeJS.ProcessEnv = noKeyring, timeoutMs = 180_000): Promise<Run> {
  const { child, exit } = spawnVigie(args, env);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    return await exit;
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `check` until it holds (the condition asserted), with a generous deadline for a busy machine. */
async function until(check: () => boolean, what: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not seen within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Served {
  url: string;
  stop(): Promise<Run>;
}

async function serve(args: string[], env: NodeJS.ProcessEnv = noKeyring): Promise<Served> {
  const { child, out, exit } = spawnVigie(['serve', ...args], env);
  let exited = false;
  void exit.then(() => (exited = true));
  try {
    await until(() => exited || /Vigie console: \S+/.test(out.stdout), 'the URL line of serve');
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const url = /Vigie console: (\S+)/.exec(out.stdout)?.[1];
  if (!url) throw new Error(`serve exited before printing its URL:\n${out.stdout}\n${out.stderr}`);
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      try {
        return await exit;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-cli-options-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('vigie (program options)', { timeout: LONG }, () => {
  it('--version and -V print the program version at top level', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await vigie([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(packageVersion());
    }
  });
});

describe('vigie serve (real CLI)', { timeout: LONG }, () => {
  it('--port, --host, --data, --secrets file: listens where asked and keeps its data in the folder given', async () => {
    const port = await freeTcpPort();
    const data = join(dir, 'serve-data');
    const s = await serve(['--port', String(port), '--host', '127.0.0.1', '--data', data, '--secrets', 'file']);
    try {
      expect(s.url).toBe(`http://127.0.0.1:${port}/`);
      expect((await request(new URL('/healthz', s.url).toString())).body).toBe('ok');
      expect(statSync(data).mode & 0o777).toBe(0o700);
      await until(() => existsSync(join(data, 'secrets.key')) || existsSync(join(data, 'secrets.enc')) || existsSync(join(data, 'settings.json')), 'files in the data folder');
    } finally {
      expect((await s.stop()).code).toBe(0);
    }
  });

  it('--secrets keychain (the default) says the keychain is unreachable without a D-Bus session', async () => {
    const { child, out, exit } = spawnVigie(['serve', '--port', '0', '--data', join(dir, 'keychain'), '--secrets', 'keychain'], noKeyring);
    const says = (): boolean => /keychain|Secret Service|D-Bus|--secrets file/i.test(`${out.stdout}${out.stderr}`);
    try {
      // Without a Secret Service the console either refuses to start or starts and says so: never silently.
      await until(says, 'a word about the keychain');
    } finally {
      child.kill('SIGTERM');
      await exit;
    }
    expect(says()).toBe(true);
  });

  it('--host other than loopback is refused without TLS, and --insecure-public lifts exactly that refusal', async () => {
    const refused = await vigie(['serve', '--host', '192.0.2.1', '--port', '0', '--data', join(dir, 'pub'), '--secrets', 'file']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Refusing to listen on 192.0.2.1 without TLS');
    // 192.0.2.1 (TEST-NET-1) is no address of this machine: past the policy, the bind itself fails.
    const allowed = await vigie(['serve', '--host', '192.0.2.1', '--port', '0', '--data', join(dir, 'pub'), '--secrets', 'file', '--insecure-public']);
    expect(allowed.code).toBe(1);
    expect(allowed.stderr).not.toContain('Refusing to listen');
    expect(allowed.stderr).toMatch(/192\.0\.2\.1/);
  });

  it('--allowed-host answers a reverse proxy name on a loopback bind, and no other name', async () => {
    const s = await serve(['--port', '0', '--data', join(dir, 'proxy'), '--secrets', 'file', '--allowed-host', 'vigie.example', '--allowed-host', 'second.example']);
    try {
      const url = new URL('/healthz', s.url).toString();
      expect((await request(url, { headers: { host: 'vigie.example' } })).status).toBe(200);
      expect((await request(url, { headers: { host: 'second.example' } })).status).toBe(200);
      expect((await request(url, { headers: { host: 'other.example' } })).status).toBe(421);
    } finally {
      await s.stop();
    }
  });

  it('--static serves the renderer from the folder given (after a login with the password `vigie passwd` set)', async () => {
    const web = join(dir, 'web');
    mkdirSync(web);
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>vigie static marker 4711</title>');
    const data = join(dir, 'static');
    const set = await vigie(['passwd', '--data', data, '--password-env', 'PW'], { ...noKeyring, PW: PASSWORD });
    expect(set.code).toBe(0);
    const s = await serve(['--port', '0', '--data', data, '--secrets', 'file', '--static', web]);
    try {
      const login = await postForm(s.url, '/login', { password: PASSWORD });
      expect(login.status).toBe(303);
      const r = await request(s.url, { headers: { cookie: sessionCookieOf(login) } });
      expect(r.status).toBe(200);
      expect(r.body).toContain('vigie static marker 4711');
    } finally {
      await s.stop();
    }
  });

});

describe.skipIf(missingPeer('openssl', hasOpenssl ? null : 'openssl not installed (apt-get install openssl)'))('vigie serve over TLS (real CLI)', { timeout: LONG }, () => {
  it('--tls-cert and --tls-key serve HTTPS with that certificate', async () => {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=vigie-cli-test', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    const s = await serve(['--port', '0', '--data', join(dir, 'tls'), '--secrets', 'file', '--tls-cert', cert, '--tls-key', key]);
    try {
      expect(s.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
      const body = await new Promise<string>((resolve, reject) => {
        const req = httpsRequest(new URL('/healthz', s.url), { ca: readFileSync(cert) }, (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve(text));
        });
        req.on('error', reject);
        req.end();
      });
      expect(body).toBe('ok');
    } finally {
      await s.stop();
    }
  });
});

describe('vigie passwd (real CLI)', { timeout: LONG }, () => {
  it('--data and --password-env set the password in that folder', async () => {
    const data = join(dir, 'passwd');
    const r = await vigie(['passwd', '--data', data, '--password-env', 'VIGIE_NEW_PW'], { ...noKeyring, VIGIE_NEW_PW: 'a long enough password 42' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(join(data, 'auth.json'));
    expect(await new AuthStore(data).verify('a long enough password 42')).toBe(true);
    expect(await new AuthStore(data).verify('another password 42')).toBe(false);
    expect(statSync(join(data, 'auth.json')).mode & 0o077).toBe(0);
  });
});

interface Silent {
  port: number;
  /** Every datagram received, with its arrival time. */
  received: { at: number; bytes: string }[];
  close(): Promise<void>;
}

/** A UDP port that receives and never answers: shows what a timeout and retries send, and when. */
async function silentAgent(): Promise<Silent> {
  const socket = dgram.createSocket('udp4');
  const received: Silent['received'] = [];
  socket.on('message', (msg) => received.push({ at: Date.now(), bytes: msg.toString('hex') }));
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', r));
  return { port: socket.address().port, received, close: () => new Promise<void>((r) => socket.close(() => r())) };
}

/** How many times each distinct request was sent, and the shortest gap between two sends of the same one. */
function sends(received: Silent['received']): { counts: number[]; minGapMs: number } {
  const times = new Map<string, number[]>();
  for (const r of received) times.set(r.bytes, [...(times.get(r.bytes) ?? []), r.at]);
  let minGapMs = Infinity;
  for (const t of times.values()) for (let i = 1; i < t.length; i++) minGapMs = Math.min(minGapMs, (t[i] ?? 0) - (t[i - 1] ?? 0));
  return { counts: [...times.values()].map((t) => t.length), minGapMs };
}

describe.skipIf(missingPeer('snmpd', snmpdAvailable ? null : 'Debian snmpd not installed (apt-get install snmpd)'))('vigie probe (real CLI) against snmpd', { timeout: LONG }, () => {
  let agent: SnmpdPeer;
  const snapshot = (r: Run): DeviceSnapshot => DeviceSnapshotSchema.parse({ ...(JSON.parse(r.stdout) as object), at: 0 });
  const base = (): string[] => ['127.0.0.1', '--port', String(agent.port), '--timeout', '5000'];

  beforeAll(async () => {
    agent = await startSnmpd({ extra: ['sysName vigie-cli-probe'] });
  });
  afterAll(async () => {
    await agent?.dispose();
  });

  it('--version 1, 2c and 3 select the SNMP version, after the host as the README writes it', async () => {
    const u = DEFAULT_USERS[0];
    if (!u) throw new Error('fixture');
    const env = { ...noKeyring, C: agent.community, A: u.authKey, P: u.privKey };
    for (const version of ['1', '2c']) {
      const r = await vigie(['probe', ...base(), '--version', version, '--community-env', 'C', '--json'], env);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(snapshot(r).identity.sysName).toBe('vigie-cli-probe');
    }
    const v3 = await vigie(['probe', ...base(), '--version', '3', '--user', u.name, '--auth-key-env', 'A', '--priv-key-env', 'P', '--json'], env);
    expect(v3.stderr).toBe('');
    expect(v3.code).toBe(0);
    expect(snapshot(v3).identity.sysName).toBe('vigie-cli-probe');
    // The probe's own check, not the program's version: a wrong value is a usage error.
    const bad = await vigie(['probe', ...base(), '--version', '4']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--version must be 1, 2c or 3');
    expect(bad.stdout).not.toContain(packageVersion());
  });

  it('v3 options: --user, --level, --auth-protocol, --auth-key-env, --priv-protocol, --priv-key-env, --context', async () => {
    const md5 = DEFAULT_USERS.find((u) => u.authProtocol === 'md5');
    if (!md5) throw new Error('fixture');
    const env = { ...noKeyring, A: md5.authKey, P: md5.privKey };
    const args = ['probe', ...base(), '--user', md5.name, '--auth-protocol', md5.authProtocol, '--auth-key-env', 'A', '--priv-protocol', md5.privProtocol, '--priv-key-env', 'P'];
    const ok = await vigie([...args, '--level', 'authPriv', '--context', '', '--json'], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(snapshot(ok).family).toBe('linux');
    // The users are "rouser NAME priv": authNoPriv must be refused by the agent, which proves --level is sent.
    const noPriv = await vigie([...args, '--level', 'authNoPriv', '--retries', '0', '--timeout', '1000'], env);
    expect(noPriv.code).toBe(1);
    expect(noPriv.stdout).toBe('');
    // The wrong protocol with the right key does not authenticate: --auth-protocol is used.
    const wrongProtocol = await vigie(['probe', ...base(), '--user', md5.name, '--auth-protocol', 'sha', '--auth-key-env', 'A', '--priv-protocol', md5.privProtocol, '--priv-key-env', 'P', '--retries', '0', '--timeout', '1000'], env);
    expect(wrongProtocol.code).toBe(1);
    expect(wrongProtocol.stderr).toContain('(auth)');
    // A context snmpd does not serve: no answer with data.
    const otherContext = await vigie([...args, '--context', 'no-such-context', '--retries', '0', '--timeout', '1000'], env);
    expect(otherContext.code).toBe(1);
  });

  it('--family forces a family; --watch adds a watched process; --json switches the output format', async () => {
    const env = { ...noKeyring, C: agent.community };
    const forced = await vigie(['probe', ...base(), '--community-env', 'C', '--family', 'generic-snmp', '--json'], env);
    expect(forced.code).toBe(0);
    expect(snapshot(forced).family).toBe('generic-snmp');
    const unknown = await vigie(['probe', ...base(), '--community-env', 'C', '--family', 'no-such-family', '--json'], env);
    expect(unknown.code).not.toBe(0);
    const watched = await vigie(['probe', ...base(), '--community-env', 'C', '--watch', 'snmpd', '--watch', 'no-such-process-xyz', '--json'], env);
    expect(watched.code).toBe(0);
    const rows = snapshot(watched).tables.watched ?? [];
    expect(rows.map((row) => [row.name, row.state])).toEqual([
      ['snmpd', 'ok'],
      ['no-such-process-xyz', 'critical'],
    ]);
    expect(Number(rows[0]?.running)).toBeGreaterThanOrEqual(1);
    const human = await vigie(['probe', ...base(), '--community-env', 'C'], env);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^Family\s+linux/);
    expect(() => JSON.parse(human.stdout) as unknown).toThrow();
  });

  it('--interval polls twice so that counter rates appear; without it they do not', async () => {
    const env = { ...noKeyring, C: agent.community };
    const once = snapshot(await vigie(['probe', ...base(), '--community-env', 'C', '--json'], env));
    expect(once.metrics.some((m) => m.name === 'if.in.bps')).toBe(false);
    const r = await vigie(['probe', ...base(), '--community-env', 'C', '--interval', '1', '--json'], env);
    expect(r.code).toBe(0);
    expect(r.ms).toBeGreaterThanOrEqual(1000);
    expect(snapshot(r).metrics.find((m) => m.name === 'if.in.bps' && m.instance === 'lo')?.value).toBeGreaterThanOrEqual(0);
  });

  it('--timeout and --retries: a silent agent gets each request retries + 1 times, --timeout apart', async () => {
    for (const [retries, timeout] of [
      [0, 400],
      [2, 900],
    ] as const) {
      const silent = await silentAgent();
      try {
        const r = await vigie(['probe', '127.0.0.1', '--port', String(silent.port), '--timeout', String(timeout), '--retries', String(retries)]);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('cannot poll 127.0.0.1 (timeout)');
        const { counts, minGapMs } = sends(silent.received);
        // The poll's requests are each sent retries + 1 times; the one request sent once is the unauthenticated
        // SNMPv3 discovery that tells a dead host from a wrong community (connection-test.ts).
        expect(counts.filter((n) => n === retries + 1).length).toBeGreaterThanOrEqual(1);
        expect(counts.every((n) => n === retries + 1 || n === 1)).toBe(true);
        if (retries > 0) expect(minGapMs).toBeGreaterThanOrEqual(timeout - 50);
      } finally {
        await silent.close();
      }
    }
  });

  it('a command-line error exits 2, as documented, also for an option commander rejects', async () => {
    const unknown = await vigie(['probe', '127.0.0.1', '--community', 'secret']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--community'");
    const port = await vigie(['probe', '127.0.0.1', '--port', '70000']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port');
  });
});
