import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressObject } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTP_PASSWORD_REF } from '../../../src/main/core/mail/mail-service';
import { FileSecretStore } from '../../../src/main/core/secrets/file-secret-store';
import { defaultSettings } from '../../../src/main/core/settings/schema';
import { ReportDocumentSchema } from '../../../src/shared/contract/report';
import { missingPeer } from '../../helpers/peer';
import { hasOpenssl, selfSignedCertificate, startSmtp, type TestSmtp } from '../../helpers/smtp';
import { startVcsim, vcsimAvailable } from '../../helpers/vcsim';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'src/main/cli/index.ts');

function vigie(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_NO_WARNINGS: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe.skipIf(missingPeer('openssl', hasOpenssl ? null : 'openssl not installed (apt-get install openssl)'))('vigie mail-test', () => {
  let dir: string;
  let tlsMaterial: { key: string; cert: string; certPath: string };
  let smtp: TestSmtp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-mail-cli-'));
    tlsMaterial = selfSignedCertificate(dir);
    smtp = await startSmtp({ ...tlsMaterial, user: 'cron', password: 'pw-from-env' });
  });
  afterAll(() => smtp.close());

  it('sends through --smtp with STARTTLS and a password from the environment (CA via NODE_EXTRA_CA_CERTS)', async () => {
    const r = await vigie(
      ['mail-test', '--to', 'ops@example.com,lead@example.com', '--smtp', `smtp://cron@127.0.0.1:${smtp.port}`, '--starttls', '--smtp-password-env', 'SMTP_PW', '--from', 'vigie@example.com'],
      { SMTP_PW: 'pw-from-env', NODE_EXTRA_CA_CERTS: tlsMaterial.certPath },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Test mail accepted by 127\\.0\\.0\\.1:${smtp.port} for ops@example.com, lead@example.com; message id <.+>\\n$`));
    const got = smtp.received.at(-1)!;
    expect(got.mail.subject).toBe('Vigie test mail');
    expect(got.user).toBe('cron');
    expect(got.envelopeTo).toEqual(['ops@example.com', 'lead@example.com']);
  });

  it('exits 1 with one line: untrusted certificate (with its fingerprint), wrong password', async () => {
    const base = ['mail-test', '--to', 'ops@example.com', '--smtp', `smtp://cron@127.0.0.1:${smtp.port}`, '--starttls', '--smtp-password-env', 'SMTP_PW'];
    const untrusted = await vigie(base, { SMTP_PW: 'pw-from-env' });
    expect(untrusted.code).toBe(1);
    const fp = new X509Certificate(tlsMaterial.cert).fingerprint256.toUpperCase();
    expect(untrusted.stderr).toMatch(/^vigie mail-test: not sent: tls-untrusted: TLS: the certificate of 127\.0\.0\.1:\d+ is not trusted/);
    expect(untrusted.stderr).toContain(fp);
    expect(untrusted.stderr.trimEnd().split('\n')).toHaveLength(1);

    const wrong = await vigie(base, { SMTP_PW: 'nope', NODE_EXTRA_CA_CERTS: tlsMaterial.certPath });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^vigie mail-test: not sent: auth: Authentication failed for user cron on 127\.0\.0\.1:\d+ \(server said: 535/);
    expect(wrong.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 on a password in the URL or a missing variable', async () => {
    const r = await vigie(['mail-test', '--to', 'ops@example.com', '--smtp', 'smtp://cron:secret@127.0.0.1:25'], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('must not contain a password');
  });

  it('vigie report --mail mails what happened to an unreachable vCenter (never silence)', async () => {
    const before = smtp.received.length;
    const r = await vigie(
      ['report', '--vcenter', 'http://127.0.0.1:9', '--user', 'reader', '--password-env', 'VC_PW', '--out', join(dir, 'r.html'),
        '--mail', '--to', 'ops@example.com', '--cc', 'lead@example.com', '--smtp', `smtp://cron@127.0.0.1:${smtp.port}`, '--starttls', '--smtp-password-env', 'SMTP_PW'],
      { VC_PW: 'x', SMTP_PW: 'pw-from-env', NODE_EXTRA_CA_CERTS: tlsMaterial.certPath },
    );
    expect(r.stderr).toMatch(/vigie report: (report|failure) mailed to ops@example.com, lead@example.com/);
    expect(smtp.received).toHaveLength(before + 1);
    const got = smtp.received.at(-1)!;
    expect(got.mail.subject).toMatch(/^Vigie report vcenter — \d{4}-\d{2}-\d{2} — (FAILED|.*failed)/);
    expect(got.envelopeTo.sort()).toEqual(['lead@example.com', 'ops@example.com']);
  });

  it("uses the data folder's settings and the appliance's secrets file", async () => {
    const data = mkdtempSync(join(tmpdir(), 'vigie-mail-data-'));
    const settings = defaultSettings();
    settings.smtp = {
      ...settings.smtp,
      host: '127.0.0.1',
      port: smtp.port,
      security: 'starttls',
      username: 'cron',
      passwordSet: true,
      from: 'Vigie <vigie@example.com>',
      caFile: tlsMaterial.certPath,
    };
    writeFileSync(join(data, 'settings.json'), JSON.stringify(settings));
    await new FileSecretStore({ dataDir: data }).set(SMTP_PASSWORD_REF, 'pw-from-env');
    const r = await vigie(['mail-test', '--to', 'ops@example.com', '--data', data, '--secrets', 'file'], {});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(smtp.received.at(-1)!.mail.text).toContain(`using the settings of ${data}`);
  });
});

const vcsim = vcsimAvailable();

describe.skipIf(
  missingPeer('openssl', hasOpenssl ? null : 'openssl not installed (apt-get install openssl)') ||
    missingPeer('vcsim', vcsim.ok ? null : vcsim.reason),
)('vigie report --profile NAME --mail (data folder, secrets file, simulator)', () => {
  it("mails the kept report to the profile's recipients with the counts in the subject; a stored bad cron is one warning line", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-report-mail-'));
    const tls = selfSignedCertificate(dir);
    const smtp = await startSmtp({ ...tls, user: 'cron', password: 'smtp-pw' });
    // One host in maintenance: a finding whatever else the simulator holds.
    const sim = await startVcsim({ tls: true, maintenance: 1 });
    try {
      const data = join(dir, 'data');
      const secrets = new FileSecretStore({ dataDir: data, env: {} });
      await secrets.set('device:vc-lab', JSON.stringify({ password: sim.password }));
      await secrets.set(SMTP_PASSWORD_REF, 'smtp-pw');
      const settings = {
        ...defaultSettings(),
        devices: [
          {
            id: 'vc-lab',
            name: 'lab vCenter',
            kind: 'vsphere',
            family: 'vsphere',
            host: '127.0.0.1',
            port: sim.port,
            vsphere: { user: sim.user, tlsFingerprint: sim.fingerprint },
            hasSecret: true,
            createdAt: 1,
          },
        ],
        reportProfiles: [
          {
            name: 'nightly',
            vcenters: ['vc-lab'],
            // Saved by a console from before saving checked it (or edited by hand): the run still goes on.
            schedule: { kind: 'cron', expression: '61 25 * * *', timezone: 'Europe/Paris' },
            mail: { to: ['ops@example.com', 'noc@example.com'], cc: ['lead@example.com'] },
          },
        ],
      };
      settings.smtp = {
        ...settings.smtp,
        host: '127.0.0.1',
        port: smtp.port,
        security: 'starttls',
        username: 'cron',
        passwordSet: true,
        from: 'Vigie <vigie@example.com>',
        caFile: tls.certPath,
      };
      writeFileSync(join(data, 'settings.json'), JSON.stringify(settings));

      const out = join(dir, 'nightly.json');
      const r = await vigie(['report', '--profile', 'nightly', '--mail', '--data', data, '--secrets', 'file', '--format', 'json', '--out', out], {});
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines.filter((l) => l.includes('schedule.expression'))).toEqual([
        'vigie report: profile "nightly": schedule.expression: invalid cron expression "61 25 * * *": CronPattern: Invalid value for minute: 61: it never runs by itself (this run goes on)',
      ]);
      expect(lines).toContain(`vigie report: report mailed to ops@example.com, noc@example.com, lead@example.com via 127.0.0.1:${smtp.port}`);

      const doc = ReportDocumentSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
      const rows = doc.checks.flatMap((c) => c.rows);
      const critical = rows.filter((x) => x.severity === 'critical').length;
      const warning = rows.filter((x) => x.severity === 'warning').length;
      expect(doc.checks.find((c) => c.id === 'hosts-maintenance')?.rows).toHaveLength(1);
      expect(warning).toBeGreaterThan(0);

      expect(smtp.received).toHaveLength(1);
      const got = smtp.received[0]!;
      expect(got.user).toBe('cron');
      expect(got.envelopeTo.sort()).toEqual(['lead@example.com', 'noc@example.com', 'ops@example.com']);
      const failed = doc.checks.filter((c) => c.status === 'error').length + doc.vcenters.filter((v) => v.error !== null).length;
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(doc.generatedAt));
      const counts = [`${critical} critical`, `${warning} warning`, ...(failed ? [`${failed} check${failed > 1 ? 's' : ''} failed`] : [])];
      expect(got.mail.subject).toBe(`Vigie report nightly — ${day} — ${counts.join(', ')}`);
      const names = (a: AddressObject | AddressObject[] | undefined): string => [a ?? []].flat().map((x) => x.text).join(', ');
      expect(names(got.mail.to)).toBe('ops@example.com, noc@example.com');
      expect(names(got.mail.cc)).toBe('lead@example.com');
    } finally {
      await sim.stop();
      await smtp.close();
    }
  }, 180_000);
});
