import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { freeTcpPort } from './free-port';
import { waitUntil } from './wait-until';
import { readyOrCleanUp, stopChild } from './server-child';

/** Why Debian's OpenLDAP server cannot be started here, or null when it can. */
export function slapdMissing(): string | null {
  for (const bin of ['slapd', 'slapadd', 'slappasswd']) {
    if (spawnSync('sh', ['-c', `command -v ${bin}`]).status !== 0) return `${bin} not found (Debian package slapd)`;
  }
  return null;
}

export const SUFFIX = 'dc=vigie,dc=test';
export const ADMIN_DN = `cn=admin,${SUFFIX}`;
export const ADMIN_PASSWORD = 'admin-secret';
/** A user the monitor ACL lets read cn=Monitor, and one it does not. Passwords are test fixtures. */
export const MONITOR_DN = `uid=monitor,ou=people,${SUFFIX}`;
export const PLAIN_DN = `uid=plain,ou=people,${SUFFIX}`;
export const USER_PASSWORD = 'user-secret';

export interface SlapdOptions {
  /** Run the monitor database (cn=Monitor); default true. */
  monitor?: boolean;
  /** Extra people entries under ou=people (uid values), to give searches something to send. */
  people?: number;
  /** Offer StartTLS with this certificate and key (PEM paths). */
  tls?: { certFile: string; keyFile: string };
  /** Refuse binds and searches before TLS (`security tls=1`). */
  requireTls?: boolean;
}

export interface SlapdPeer {
  port: number;
  url: string;
  dir: string;
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

function hash(password: string): string {
  return spawnSync('slappasswd', ['-s', password], { encoding: 'utf8' }).stdout.trim();
}

/**
 * A private OpenLDAP server on 127.0.0.1: an mdb database for dc=vigie,dc=test in a temp directory, and the
 * monitor database readable by the admin and uid=monitor only. Resolves once an anonymous search answers.
 */
export async function startSlapd(options: SlapdOptions = {}): Promise<SlapdPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-slapd-'));
  mkdirSync(join(dir, 'db'));
  const conf = join(dir, 'slapd.conf');
  const userHash = hash(USER_PASSWORD);
  writeFileSync(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      `pidfile ${join(dir, 'slapd.pid')}`,
      'modulepath /usr/lib/ldap',
      ...(options.tls ? [`TLSCertificateFile ${options.tls.certFile}`, `TLSCertificateKeyFile ${options.tls.keyFile}`] : []),
      ...(options.requireTls ? ['security tls=1'] : []),
      'moduleload back_mdb',
      'database mdb',
      `suffix "${SUFFIX}"`,
      `rootdn "${ADMIN_DN}"`,
      `rootpw ${hash(ADMIN_PASSWORD)}`,
      `directory ${join(dir, 'db')}`,
      'access to attrs=userPassword by anonymous auth by * none',
      `access to dn.subtree="${SUFFIX}" by * read`,
      ...(options.monitor === false
        ? []
        : ['database monitor', `access to dn.subtree="cn=Monitor" by dn.exact="${ADMIN_DN}" read by dn.exact="${MONITOR_DN}" read by * none`]),
      '',
    ].join('\n'),
  );
  const person = (uid: string): string =>
    [`dn: uid=${uid},ou=people,${SUFFIX}`, 'objectClass: inetOrgPerson', `uid: ${uid}`, `cn: ${uid}`, `sn: ${uid}`, `userPassword: ${userHash}`, ''].join('\n');
  const ldif = [
    [`dn: ${SUFFIX}`, 'objectClass: dcObject', 'objectClass: organization', 'o: Vigie', 'dc: vigie', ''].join('\n'),
    [`dn: ou=people,${SUFFIX}`, 'objectClass: organizationalUnit', 'ou: people', ''].join('\n'),
    person('monitor'),
    person('plain'),
    ...Array.from({ length: options.people ?? 0 }, (_, i) => person(`user${i}`)),
  ].join('\n');
  writeFileSync(join(dir, 'base.ldif'), ldif);
  const add = spawnSync('slapadd', ['-f', conf, '-l', join(dir, 'base.ldif')], { encoding: 'utf8' });
  if (add.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`slapadd failed: ${add.stderr}`);
  }
  const port = await freeTcpPort();
  const url = `ldap://127.0.0.1:${port}`;
  // -d keeps slapd in the foreground (a child this process can stop); level 0 logs nothing.
  const child: ChildProcess = spawn('slapd', ['-f', conf, '-h', `${url}/`, '-d', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer): void => void (output = (output + d.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const ready = waitUntil(
    'slapd did not answer',
    20_000,
    async () => {
      if (child.exitCode !== null) throw new Error(`slapd exited (${child.exitCode}): ${output}`);
      const c = new Client({ url, connectTimeout: 500, timeout: 500 });
      try {
        await c.search(SUFFIX, { scope: 'base', attributes: ['1.1'] });
        return true;
      } catch (error) {
        // An LDAP result code (e.g. confidentiality required) is an answer: the server is up.
        return typeof (error as { code?: unknown }).code === 'number' ? true : null;
      } finally {
        await c.unbind().catch(() => undefined);
      }
    },
    () => output,
  );
  const stop = (): Promise<void> => stopChild(child, 10_000);
  const dispose = await readyOrCleanUp(ready, stop, dir);
  return {
    port,
    url,
    dir,
    stop,
    dispose,
  };
}
