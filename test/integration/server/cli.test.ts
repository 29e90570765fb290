import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthStore } from '../../../src/main/server/auth-store';
import { runCli, SERVE_ENTRY, startServe } from '../../helpers/serve-process';
import { postForm, request } from './http-request';

let dir: string;
/** No D-Bus session: keytar cannot reach a Secret Service, as on a bare appliance. */
const noKeyring: NodeJS.ProcessEnv = { ...process.env };
delete noKeyring.DBUS_SESSION_BUS_ADDRESS;
delete noKeyring.DISPLAY;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const oneLine = (stderr: string): string[] => stderr.trim().split('\n');
const NOBODY = { uid: 65534, gid: 65534 };

describe('vigie serve (child process)', () => {
  it('starts with --secrets file, prints its URL and the first-run hint, and stops cleanly on SIGTERM', async () => {
    const data = join(dir, 'ok');
    const serve = await startServe(['--port', '0', '--data', data, '--secrets', 'file'], noKeyring);
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const hint = 'First run: open that address in a browser on this machine';
    await serve.waitForOutput((o) => o.stdout.includes(hint));
    expect(serve.output().stdout).toContain(hint);
    expect((await request(new URL('/healthz', serve.url).toString())).body).toBe('ok');
    expect(statSync(data).mode & 0o777).toBe(0o700);
    const end = await serve.stop('SIGTERM');
    expect(end.code).toBe(0);
    expect(end.stderr).toContain('info stopping {"signal":"SIGTERM"}');
  });

  it('says so when the port is in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await runCli(
        ['serve', '--port', String(port), '--data', join(dir, 'port'), '--secrets', 'file'],
        noKeyring,
      );
      expect(r.code).toBe(1);
      expect(oneLine(r.stderr)).toEqual([
        `vigie serve: Port ${port} on 127.0.0.1 is already in use (another Vigie?): stop that program or choose another port with --port`,
      ]);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('says so when the data folder cannot be written', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const r = await runCli(
      ['serve', '--port', '0', '--data', join(file, 'data'), '--secrets', 'file'],
      noKeyring,
    );
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toEqual([
      `vigie serve: Cannot write to the data folder ${join(file, 'data')} (ENOTDIR): fix its permissions or choose another with --data DIR`,
    ]);
  });

  it('says so when the data folder is read-only', async () => {
    const ro = join(dir, 'ro');
    mkdirSync(ro, { mode: 0o500 });
    // Root writes through any mode: as root (CI), run the command as the unprivileged user "nobody".
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chmodSync(dir, 0o755); // "nobody" must reach the folder to find it read-only
    const env = asRoot ? { ...noKeyring, HOME: tmpdir() } : noKeyring;
    const r = await runCli(['serve', '--port', '0', '--data', ro, '--secrets', 'file'], env, 30_000, asRoot ? NOBODY : undefined);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toEqual([
      `vigie serve: Cannot write to the data folder ${ro} (EACCES): fix its permissions or choose another with --data DIR`,
    ]);
  });

  it('refuses a public bind without TLS or --insecure-public', async () => {
    const r = await runCli(
      ['serve', '--host', '0.0.0.0', '--port', '0', '--data', join(dir, 'pub')],
      noKeyring,
    );
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toEqual([
      'vigie serve: Refusing to listen on 0.0.0.0 without TLS: passwords and session cookies would cross the network in clear. Give --tls-cert and --tls-key, or --insecure-public if a TLS proxy sits in front.',
    ]);
  });

  it('says which TLS file cannot be read', async () => {
    const missing = join(dir, 'missing-cert.pem');
    const r = await runCli(
      [
        'serve',
        '--port',
        '0',
        '--data',
        join(dir, 'tls'),
        '--tls-cert',
        missing,
        '--tls-key',
        join(dir, 'k.pem'),
      ],
      noKeyring,
    );
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toEqual([
      `vigie serve: Cannot read the TLS certificate ${missing} (ENOENT): check --tls-cert`,
    ]);
    const half = await runCli(['serve', '--tls-cert', missing, '--data', join(dir, 'tls')], noKeyring);
    expect(oneLine(half.stderr)).toEqual(['vigie serve: TLS needs both --tls-cert and --tls-key']);
  });

  it('says the keychain is unavailable without a D-Bus session and suggests --secrets file', async () => {
    const r = await runCli(['serve', '--port', '0', '--data', join(dir, 'kc')], noKeyring);
    expect(r.code).toBe(1);
    const lines = oneLine(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^vigie serve: The OS keychain is not available \(.*D-Bus.*\): .* start it with --secrets file/,
    );
  });

  it('refuses bad option values in one line', async () => {
    const r = await runCli(['serve', '--port', '99999', '--data', join(dir, 'opt')], noKeyring);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toEqual(['vigie serve: --port must be a number from 0 to 65535, not "99999"']);
  });
});

describe('vigie passwd (child process)', () => {
  it('sets the password from an environment variable, and a running serve accepts it', async () => {
    const data = join(dir, 'pw');
    const env = { ...noKeyring, NEW_ADMIN_PASSWORD: 'set by a script 42' };
    const set = await runCli(['passwd', '--data', data, '--password-env', 'NEW_ADMIN_PASSWORD'], env);
    expect(set.code).toBe(0);
    expect(set.stdout).toBe(`Admin password set (${join(data, 'auth.json')}).\n`);
    expect(readFileSync(join(data, 'auth.json'), 'utf8')).not.toContain('set by a script 42');
    const serve = await startServe(['--port', '0', '--data', data, '--secrets', 'file'], noKeyring);
    try {
      expect(serve.output().stdout).not.toContain('First run');
      const login = await postForm(serve.url, '/login', { password: 'set by a script 42' });
      expect(login.status).toBe(303);
      expect(login.headers['set-cookie']?.[0]).toMatch(/^vigie_session=/);
    } finally {
      expect((await serve.stop('SIGINT')).code).toBe(0);
    }
  });

  it('refuses a short password, an unset variable, and a missing terminal, changing nothing', async () => {
    const data = join(dir, 'pw-bad');
    const short = await runCli(['passwd', '--data', data, '--password-env', 'P'], {
      ...noKeyring,
      P: 'short',
    });
    expect(short.code).toBe(1);
    expect(short.stderr).toBe(
      'vigie passwd: The password must have at least 10 characters; nothing was changed\n',
    );
    const unset = await runCli(['passwd', '--data', data, '--password-env', 'NOT_SET_ANYWHERE'], noKeyring);
    expect(unset.stderr).toBe(
      'vigie passwd: The environment variable NOT_SET_ANYWHERE is empty or not set\n',
    );
    const noTty = await runCli(['passwd', '--data', data], noKeyring);
    expect(noTty.code).toBe(1);
    expect(noTty.stderr).toBe(
      'vigie passwd: No terminal to ask for the password: give it with --password-env VAR\n',
    );
    expect(await new AuthStore(data).isSet()).toBe(false);
  });

  it('asks twice on a terminal without echoing the password (through a pseudo-terminal made by script(1))', async () => {
    const data = join(dir, 'pw-tty');
    const secret = 'typed on a tty 7';
    const cmd = `${process.execPath} --import tsx ${SERVE_ENTRY} passwd --data ${data}`;
    const child = spawn('script', ['-qec', cmd, '/dev/null'], {
      cwd: process.cwd(),
      env: { ...noKeyring, NODE_NO_WARNINGS: '1' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (/New admin password: $/.test(out)) child.stdin.write(`${secret}\r`);
      if (/Repeat it: $/.test(out)) child.stdin.write(`${secret}\r`);
    });
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(0);
    expect(out).toContain('Admin password set');
    expect(out).not.toContain(secret);
    expect(await new AuthStore(data).verify(secret)).toBe(true);
  });
});
