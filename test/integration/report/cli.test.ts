import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportDocumentSchema, type ReportDocument } from '../../../src/shared/contract/report';
import { FileSecretStore } from '../../../src/main/core/secrets/file-secret-store';
import { CHROMIUM_LAUNCH } from '../../helpers/chromium';
import { freeTcpPort } from '../../helpers/free-port';
import { missingPeer } from '../../helpers/peer';
import { startVcsim, vcsimAvailable, type Vcsim } from '../../helpers/vcsim';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ENTRY = 'src/main/cli/index.ts';
const available = vcsimAvailable();
const pdfTools = existsSync(CHROMIUM_LAUNCH.executablePath) && existsSync('/usr/bin/pdftotext');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real CLI entry as a child process; a busy 2-core machine needs a generous bound. */
function vigie(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', ENTRY, 'report', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, VIGIE_TEST_PW: 'vigie-pass', ...env },
        timeout: 240_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const rowsOf = (doc: ReportDocument, id: string): ReportDocument['checks'][number]['rows'] =>
  doc.checks.find((c) => c.id === id)?.rows ?? [];

describe.skipIf(missingPeer('vcsim', available.ok ? null : available.reason))(
  'vigie report (child process) against the vCenter simulator',
  () => {
    let sim: Vcsim;
    let dir: string;
    let login: string[];
    const runs = new Map<string, Run>();

    beforeAll(async () => {
      // Every running VM without Tools, so the hostile VM (the last running one) is in a finding.
      sim = await startVcsim({
        tls: true,
        hostileName: true,
        noTools: 10_000,
        maintenance: 1,
        lowDatastore: true,
      });
      dir = mkdtempSync(join(tmpdir(), 'vigie-report-cli-'));
      login = [
        '--vcenter',
        `https://127.0.0.1:${sim.port}`,
        '--user',
        sim.user,
        '--password-env',
        'VIGIE_TEST_PW',
      ];
      const trusted = [...login, '--trust-fingerprint', sim.fingerprint.toLowerCase()];
      const closed = await freeTcpPort();

      // Profile mode: a data folder as the console leaves it (device + profile in settings, password in the
      // encrypted secrets file).
      const data = join(dir, 'data');
      const secrets = new FileSecretStore({ dataDir: data, env: {} });
      await secrets.set('device:vc-lab', JSON.stringify({ password: sim.password }));
      const device = {
        id: 'vc-lab',
        name: 'lab vCenter',
        kind: 'vsphere',
        family: 'vsphere',
        host: '127.0.0.1',
        port: sim.port,
        vsphere: { user: sim.user, tlsFingerprint: sim.fingerprint },
        hasSecret: true,
        createdAt: 1,
      };
      writeFileSync(
        join(data, 'settings.json'),
        JSON.stringify({
          version: 1,
          devices: [device],
          reportProfiles: [{ name: 'daily', vcenters: ['vc-lab'], language: 'fr' }],
        }),
      );

      // Independent runs at once: each CLI start costs seconds on a loaded machine.
      const jobs: [string, string[]][] = [
        ['untrusted', [...login, '--format', 'json']],
        ['json', [...trusted, '--format', 'json', '--out', join(dir, 'r.json')]],
        ['html-fr', [...trusted, '--lang', 'fr', '--out', join(dir, 'r.html')]],
        ['csv', [...trusted, '--format', 'csv']],
        ['pdf', [...trusted, '--format', 'pdf', '--out', join(dir, 'r.pdf')]],
        ['wrong-password', [...trusted, '--format', 'json']],
        [
          'unreachable',
          ['--vcenter', `https://127.0.0.1:${closed}`, '--user', 'u', '--password-env', 'VIGIE_TEST_PW'],
        ],
        [
          'profile',
          [
            '--profile',
            'daily',
            '--data',
            data,
            '--secrets',
            'file',
            '--format',
            'json',
            '--out',
            join(dir, 'p.json'),
          ],
        ],
        ['profile-missing', ['--profile', 'weekly', '--data', data, '--secrets', 'file']],
        ['no-target', ['--format', 'json']],
        ['no-env', [...login.slice(0, 4), '--password-env', 'VIGIE_UNSET_VARIABLE']],
        ['bad-format', [...trusted, '--format', 'docx']],
        ['bad-fingerprint', [...login, '--trust-fingerprint', 'AB:CD']],
        ['no-browser', [...trusted, '--format', 'pdf', '--chromium', '/nonexistent/chrome']],
      ];
      await Promise.all(
        jobs.map(async ([name, args]) => {
          runs.set(
            name,
            await vigie(args, name === 'wrong-password' ? { VIGIE_TEST_PW: 'not-the-password' } : {}),
          );
        }),
      );
    });
    afterAll(async () => {
      await sim?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const run = (name: string): Run => {
      const r = runs.get(name);
      if (!r) throw new Error(`no run ${name}`);
      return r;
    };

    it('refuses an untrusted certificate with its fingerprint and how to trust it, then reports with --trust-fingerprint', () => {
      const r = run('untrusted');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([
        `vigie report: 127.0.0.1: certificate not trusted, SHA-256 fingerprint ${sim.fingerprint}; if it is your vCenter's, run again with --trust-fingerprint ${sim.fingerprint}`,
      ]);
      const ok = run('json');
      expect(ok.stderr).toMatch(
        /^vigie report: .*r\.json written \(\d+ bytes\): \d+ critical, \d+ warning, \d+ check\(s\) could not run\n$/,
      );
      expect(ok.code).toBe(0);
    });

    it('--format json writes the report document with the simulator findings and the hostile name as data', () => {
      const doc = ReportDocumentSchema.parse(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')));
      expect(doc.checks.length).toBeGreaterThanOrEqual(16);
      expect(doc.vcenters[0]?.summary.hosts).toBe(sim.counts.hosts);
      expect(doc.vcenters[0]?.summary.vms).toBe(sim.counts.vms);
      expect(rowsOf(doc, 'vms-no-tools').map((r) => r.vm)).toContain(sim.scenario.hostileVm);
      expect(rowsOf(doc, 'hosts-maintenance').map((r) => r.host)).toEqual(sim.scenario.maintenanceHosts);
      expect(rowsOf(doc, 'datastores-low-free').map((r) => r.datastore)).toContain(sim.scenario.lowDatastore);
    });

    it('--lang fr writes French HTML with the hostile VM name escaped', () => {
      expect(run('html-fr').code).toBe(0);
      const html = readFileSync(join(dir, 'r.html'), 'utf8');
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain('Rapport quotidien vCenter');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;vm&quot; été');
      expect(html).not.toContain('<img');
      expect(html).not.toMatch(/<script/i);
    });

    it('--format csv writes every check in one CSV on standard output', () => {
      const r = run('csv');
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const table: string[][] = parse(r.stdout, { bom: true });
      const header = table[0] ?? [];
      expect(header.slice(0, 6)).toEqual(['check', 'status', 'message', 'vcenter', 'severity', 'isNew']);
      const noTools = table
        .filter((row) => row[0] === 'vms-no-tools')
        .map((row) => row[header.indexOf('vm')]);
      expect(noTools).toContain(sim.scenario.hostileVm);
      expect(table.some((row) => row[0] === 'vcenter-services' && row[1] === 'unsupported')).toBe(true);
    });

    it.skipIf(missingPeer('Chromium and pdftotext', pdfTools ? null : 'apt-get install chromium poppler-utils'))('--format pdf writes a PDF whose text holds the hostile VM name as text', () => {
      const r = run('pdf');
      expect(r.stderr).toMatch(/r\.pdf written/);
      expect(r.code).toBe(0);
      const pdf = readFileSync(join(dir, 'r.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('vCenter daily report');
      expect(text).toContain('<img src=x');
      expect(text).toContain('onerror=alert(1)>');
      expect(text).toContain('été');
    });

    it('says the login was refused for a wrong password', () => {
      const r = run('wrong-password');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /^vigie report: no report \(auth\): 127\.0\.0\.1 \(127\.0\.0\.1:\d+\): login refused .*check the user name and the password/,
      );
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toContain('not-the-password');
    });

    it('says it cannot reach a closed port', () => {
      const r = run('unreachable');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^vigie report: no report \(connect\): 127\.0\.0\.1 \(127\.0\.0\.1:\d+\): cannot read the vCenter \(.*\); check the address, the port/,
      );
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });

    it('says there is no browser for --format pdf before reading the vCenter', () => {
      expect(run('no-browser')).toMatchObject({
        code: 1,
        stdout: '',
        stderr:
          'vigie report: no browser at /nonexistent/chrome (from --chromium): name the Chromium or Chrome executable\n',
      });
    });

    it('--profile reads the data folder (device, encrypted password) and keeps the report in the history', () => {
      const r = run('profile');
      expect(r.stderr).toMatch(/p\.json written/);
      expect(r.code).toBe(0);
      const doc = ReportDocumentSchema.parse(JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8')));
      expect(doc.profile).toBe('daily');
      expect(doc.language).toBe('fr');
      expect(doc.vcenters.map((v) => v.name)).toEqual(['lab vCenter']);
      const kept = readdirSync(join(dir, 'data', 'reports')).sort();
      expect(kept).toEqual([`${doc.id}.html`, `${doc.id}.json`]);
      expect(readFileSync(join(dir, 'data', 'reports', `${doc.id}.html`), 'utf8')).toContain(
        'Rapport quotidien vCenter',
      );
      const missing = run('profile-missing');
      expect(missing.code).toBe(1);
      expect(missing.stderr).toBe(
        `vigie report: no report profile "weekly" in ${join(dir, 'data')} (profiles: daily)\n`,
      );
    });

    it('exits 2 with one line for a command line it cannot run', () => {
      expect(run('no-target')).toMatchObject({
        code: 2,
        stderr:
          'vigie report: say what to report on: --profile NAME, or --vcenter URL --user USER --password-env VAR\n',
      });
      expect(run('no-env')).toMatchObject({
        code: 2,
        stderr: 'vigie report: --password-env: environment variable VIGIE_UNSET_VARIABLE is not set\n',
      });
      expect(run('bad-format').code).toBe(2);
      expect(run('bad-format').stderr).toMatch(/^vigie report: --format: .*\n$/);
      expect(run('bad-fingerprint')).toMatchObject({
        code: 2,
        stderr: 'vigie report: --trust-fingerprint: SHA-256 fingerprint expected\n',
      });
    });
  },
);
