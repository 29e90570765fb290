import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'ldapts';
import { LdapSettingsSchema, type LdapSettings } from '../../../src/shared/kinds/ldap';
import { ldapService } from '../../../src/main/core/pollers/ldap/ldap-source';
import { MONITOR_DISABLED } from '../../../src/main/core/pollers/ldap/ldap-result';
import type { ServiceTarget } from '../../../src/main/core/pollers/service-target';
import type { PollResult, SourceDeps } from '../../../src/main/core/pollers/source';
import { systemClock } from '../../../src/main/core/ports';
import { missingPeer } from '../../helpers/peer';
import { hasOpenssl, selfSignedCertificate } from '../../helpers/smtp';
import { ADMIN_DN, ADMIN_PASSWORD, MONITOR_DN, PLAIN_DN, SUFFIX, USER_PASSWORD, slapdMissing, startSlapd, type SlapdPeer } from '../../helpers/slapd';
import { waitUntil } from '../../helpers/wait-until';

const deps: SourceDeps = { clock: systemClock, log: { info: () => undefined, warn: () => undefined, error: () => undefined } };
const never = new AbortController().signal;

function target(port: number, settings: Partial<LdapSettings> = {}, password: string | null = USER_PASSWORD): ServiceTarget<LdapSettings> {
  return { name: 'directory', host: '127.0.0.1', port, settings: LdapSettingsSchema.parse({ bindDn: MONITOR_DN, baseDn: SUFFIX, ...settings }), password };
}

function metric(r: PollResult, name: string, instance = ''): number | undefined {
  return r.metrics.find((m) => m.name === name && m.instance === instance)?.value;
}

function op(r: PollResult, name: string): { initiated: number; completed: number } {
  const row = r.tables.operations?.find((o) => o.operation === name);
  return { initiated: Number(row?.initiated), completed: Number(row?.completed) };
}

/** What the server itself says, read as its admin. */
async function monitorCounter(url: string, dn: string): Promise<number> {
  const c = new Client({ url });
  try {
    await c.bind(ADMIN_DN, ADMIN_PASSWORD);
    const { searchEntries } = await c.search(dn, { scope: 'base', attributes: ['monitorCounter'] });
    return Number(searchEntries[0]?.monitorCounter);
  } finally {
    await c.unbind();
  }
}

describe.skipIf(missingPeer('slapd', slapdMissing()))('LDAP source against a real OpenLDAP', () => {
  let slapd: SlapdPeer;
  let bare: SlapdPeer;
  const clients: Client[] = [];

  beforeAll(async () => {
    [slapd, bare] = await Promise.all([startSlapd({ people: 10 }), startSlapd({ monitor: false })]);
  });

  afterAll(async () => {
    for (const c of clients) await c.unbind().catch(() => undefined);
    await slapd?.dispose();
    await bare?.dispose();
  });

  it('counts open connections as cn=Monitor does', async () => {
    const poller = ldapService.open(target(slapd.port), deps);
    const before = await poller.poll(never);
    const base = metric(before, 'ldap.connections.current') ?? NaN;
    for (let i = 0; i < 4; i++) {
      const c = new Client({ url: slapd.url });
      await c.bind(PLAIN_DN, USER_PASSWORD);
      clients.push(c);
    }
    // Earlier polls' connections close asynchronously on the server: wait until the count settles.
    const after = await waitUntil('four more connections to be counted', 20_000, async () => {
      const r = await poller.poll(never);
      return metric(r, 'ldap.connections.current') === base + 4 ? r : null;
    });
    expect(after.identity.monitor).toBe('enabled');
    expect(Number(after.identity.connectionsTotal)).toBeLessThanOrEqual(await monitorCounter(slapd.url, 'cn=Total,cn=Connections,cn=Monitor'));
    expect(metric(after, 'ldap.threads.open')).toBeGreaterThanOrEqual(1);
    expect(metric(after, 'ldap.bind.time')).toBeGreaterThan(0);
    expect(metric(after, 'ldap.search.time')).toBeGreaterThan(0);
    expect(metric(after, 'ldap.response.time')).toBeGreaterThanOrEqual(metric(after, 'ldap.search.time') ?? Infinity);
    expect(after.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(String(after.identity.version)).toContain('OpenLDAP');
    expect(after.problems).toEqual([]);
    await poller.close();
  });

  it('sees binds and searches move the operation counters and entries sent', async () => {
    const poller = ldapService.open(target(slapd.port), deps);
    const t0 = Date.now();
    const first = await poller.poll(never);
    const c = new Client({ url: slapd.url });
    for (let i = 0; i < 20; i++) await c.bind(PLAIN_DN, USER_PASSWORD);
    const { searchEntries } = await c.search(`ou=people,${SUFFIX}`, { scope: 'sub', filter: '(objectClass=*)' });
    await c.unbind();
    expect(searchEntries).toHaveLength(13); // ou=people, monitor, plain and 10 users
    const second = await poller.poll(never);
    const seconds = (Date.now() - t0) / 1000;
    // 20 binds here and the second poll's own bind; nothing else talks to this private server.
    expect(op(second, 'bind').completed - op(first, 'bind').completed).toBe(21);
    expect(metric(second, 'ldap.operations.rate', 'bind')).toBeGreaterThanOrEqual(21 / seconds);
    expect(Number(second.identity.entriesSent) - Number(first.identity.entriesSent)).toBeGreaterThanOrEqual(13);
    expect(metric(second, 'ldap.entries.rate')).toBeGreaterThanOrEqual(13 / seconds);
    expect(metric(first, 'ldap.entries.rate')).toBeUndefined(); // first sample: a gap, not a 0
    await poller.close();
  });

  it('says when the monitor backend is not enabled, as a problem and not a failure', async () => {
    const t = target(bare.port);
    const result = await ldapService.test(t, deps, never);
    expect(result).toMatchObject({ ok: true, stage: 'ok' });
    expect(result.message).toContain('monitor not enabled');
    const poll = await ldapService.open(t, deps).poll(never);
    expect(poll.identity.monitor).toBe('not enabled');
    expect(poll.problems).toEqual([{ severity: 'warning', message: MONITOR_DISABLED }]);
    expect(metric(poll, 'ldap.bind.time')).toBeGreaterThan(0);
    expect(metric(poll, 'ldap.connections.current')).toBeUndefined();
  });

  it('names the ACL when the bind DN may not read cn=Monitor', async () => {
    const t = target(slapd.port, { bindDn: PLAIN_DN });
    const result = await ldapService.test(t, deps, never);
    expect(result).toMatchObject({ ok: false, stage: 'permission' });
    expect(result.message).toContain(`Access to cn=Monitor denied for ${PLAIN_DN}`);
    const poll = await ldapService.open(t, deps).poll(never);
    expect(poll.identity.monitor).toBe('access denied');
  });

  it('tells a wrong password, a missing base DN, TLS required but absent and a stopped server apart', async () => {
    const ok = await ldapService.test(target(slapd.port), deps, never);
    expect(ok).toMatchObject({ ok: true, stage: 'ok' });

    const wrong = await ldapService.test(target(slapd.port, {}, 'wrong'), deps, never);
    expect(wrong).toMatchObject({ ok: false, stage: 'auth' });
    expect(wrong.message).toContain(`Authentication failed for ${MONITOR_DN}`);

    const noBase = await ldapService.test(target(slapd.port, { baseDn: 'dc=nope,dc=test' }), deps, never);
    expect(noBase).toMatchObject({ ok: false, stage: 'database' });
    expect(noBase.message).toContain('Base DN dc=nope,dc=test does not exist');

    const tls = await ldapService.test(target(slapd.port, { tls: { mode: 'require', caFile: null, certFile: null, keyFile: null } }), deps, never);
    expect(tls).toMatchObject({ ok: false, stage: 'tls' });
    expect(tls.message).toContain('does not offer StartTLS');

    await bare.stop();
    const stopped = await ldapService.test(target(bare.port), deps, never);
    expect(stopped).toMatchObject({ ok: false, stage: 'refused' });
  });
});

describe.skipIf(missingPeer('slapd', slapdMissing()) || missingPeer('openssl', hasOpenssl ? null : 'openssl not found'))('LDAP source with StartTLS', () => {
  let slapd: SlapdPeer;
  let dir: string;
  let ca: string;
  let otherCa: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-ldap-tls-'));
    const server = selfSignedCertificate(dir, 'slapd');
    ca = server.certPath;
    otherCa = selfSignedCertificate(dir, 'other').certPath;
    slapd = await startSlapd({ tls: { certFile: server.certPath, keyFile: join(dir, 'slapd-key.pem') }, requireTls: true });
  });

  afterAll(async () => {
    await slapd?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('binds over StartTLS, verifies the CA, and says which side refuses', async () => {
    const tls = (mode: 'none' | 'require' | 'verify', caFile: string | null = null): Partial<LdapSettings> => ({ tls: { mode, caFile, certFile: null, keyFile: null } });
    expect(await ldapService.test(target(slapd.port, tls('require')), deps, never)).toMatchObject({ ok: true, stage: 'ok' });
    expect(await ldapService.test(target(slapd.port, tls('verify', ca)), deps, never)).toMatchObject({ ok: true, stage: 'ok' });

    const untrusted = await ldapService.test(target(slapd.port, tls('verify', otherCa)), deps, never);
    expect(untrusted).toMatchObject({ ok: false, stage: 'tls-untrusted' });
    expect(untrusted.message).toContain('is not trusted');

    const plain = await ldapService.test(target(slapd.port, tls('none')), deps, never);
    expect(plain).toMatchObject({ ok: false, stage: 'tls' });
    expect(plain.message).toContain('requires TLS');
  });
});
