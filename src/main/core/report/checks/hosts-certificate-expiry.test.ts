import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostCertificate, hostsCertificateExpiry } from './hosts-certificate-expiry';
import { DAY, host, NOW, plainRows, props, snapshotOf } from './test-snapshot';

/** PEM certificates made by openssl, valid for N days from the real clock (the check's clock is moved to match). */
let dir = '';
const pems = new Map<number, string>();
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-cert-'));
  for (const days of [10, 45, 400]) {
    const file = join(dir, `${days}.pem`);
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', file, '-days', String(days), '-subj', `/CN=esx-${days}`], { stdio: 'ignore' });
    pems.set(days, readFileSync(file, 'latin1'));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** As vCenter sends HostConfigInfo.certificate: an ArrayOfByte, one signed byte per element. */
const asBytes = (pem: string): string => [...Buffer.from(pem, 'latin1')].map((b) => `<byte>${b > 127 ? b - 256 : b}</byte>`).join('');
const pem = (days: number): string => pems.get(days) ?? '';

describe('hosts-certificate-expiry', () => {
  it('reads the certificate from bytes or from PEM text', () => {
    expect(hostCertificate(props({ c: asBytes(pem(10)) }).get('c'))?.subject).toBe('CN=esx-10');
    expect(hostCertificate(props({ c: `<byte>${pem(45)}</byte>` }).get('c'))?.subject).toBe('CN=esx-45');
    expect(hostCertificate(props({ c: '<byte>1</byte><byte>2</byte>' }).get('c'))).toBeNull();
  });
  it('lists hosts whose certificate expires within N days; expired is critical; unreadable ones are named', () => {
    const now = Date.now();
    const s = snapshotOf({
      now,
      hosts: [
        host('soon', { props: props({ 'config.certificate': asBytes(pem(10)) }) }),
        host('later', { props: props({ 'config.certificate': asBytes(pem(45)) }) }),
        host('fine', { props: props({ 'config.certificate': asBytes(pem(400)) }) }),
        host('blank'),
        host('down', { connectionState: 'disconnected' }),
      ],
    });
    const out = hostsCertificateExpiry.run(s, { days: 30 });
    expect(plainRows(out).map((r) => [r.host, r.daysLeft, r.severity, r.subject])).toEqual([['soon', 9, 'warning', 'CN=esx-10']]);
    expect(out.status === 'rows' && out.message).toBe('certificate not readable (HostSystem.config.certificate) on: blank');
    expect(plainRows(hostsCertificateExpiry.run(s, { days: 60 })).map((r) => r.host)).toEqual(['soon', 'later']);
    // Eleven days later the first one has expired.
    const expired = hostsCertificateExpiry.run({ ...s, now: now + 11 * DAY }, { days: 30 });
    expect(plainRows(expired).map((r) => [r.host, r.daysLeft, r.severity])).toEqual([['soon', -2, 'critical']]);
  });
  it('is unsupported, naming the property, when no connected host exposes it', () => {
    expect(hostsCertificateExpiry.run(snapshotOf({ now: NOW, hosts: [host('a'), host('b')] }), { days: 60 })).toEqual({
      status: 'unsupported',
      message: 'the server does not expose HostSystem.config.certificate (the host\'s certificate) on any connected host',
    });
  });
});
