import { describe, expect, it } from 'vitest';
import { ReportProfileSchema, type ReportDocument, type ReportRow } from '../../../shared/contract/report';
import type { OutgoingMail } from '../mail/mailer';
import { resolveOwner } from '../mail/snapshot-owners';
import type { Logger } from '../ports';
import type { ReportService } from '../report/report-service';
import { runAndMail } from './scheduled-run';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const summary = { hosts: 1, vms: 3, vmsPoweredOn: 3, vmsPoweredOff: 0, vmsSuspended: 0, templates: 0, clusters: 1, datastores: 1 };
const HOSTILE_VM = '<img src=x onerror=alert(1)>';

function snap(vm: string, name: string, creator: string, severity: 'warning' | 'critical' = 'warning'): ReportRow {
  return { severity, isNew: false, vcenter: 'vc1', vm, name, daysOld: 30, creator, created: '2026-11-03T06:00:00Z', description: '', sizeGB: 12 };
}

function doc(rows: ReportRow[], extra: Partial<ReportDocument> = {}): ReportDocument {
  return {
    id: 'Daily-20261203T050000Z',
    profile: 'Daily',
    generatedAt: '2026-12-03T05:00:00.000Z',
    durationMs: 1000,
    language: 'en',
    vcenters: [{ name: 'vc1', version: '8.0', build: '1', summary, error: null }],
    summary,
    checks: [
      { id: 'snapshots-old', title: 'Snapshots older than 14 days', status: rows.length ? 'findings' : 'ok', threshold: { days: 14 }, message: null, durationMs: 1, columns: ['vm', 'name', 'daysOld', 'creator'], rows },
    ],
    timings: {},
    ...extra,
  };
}

function service(d: ReportDocument | Error, pdf: boolean | Error = true): ReportService & { exports: number } {
  const svc = {
    exports: 0,
    run: () => (d instanceof Error ? Promise.reject(d) : Promise.resolve(d)),
    html: () => '<!doctype html><html><body><h1>Report</h1></body></html>',
    export: () => {
      svc.exports += 1;
      if (pdf instanceof Error) return Promise.reject(pdf);
      return Promise.resolve({ filename: 'vigie-Daily-2026-12-03.pdf', mime: 'application/pdf', data: new Uint8Array([37, 80, 68, 70]) });
    },
  };
  return svc as unknown as ReportService & { exports: number };
}

const profile = (mail: Record<string, unknown> | undefined) =>
  ReportProfileSchema.parse({ name: 'Daily', vcenters: ['vc1'], schedule: { kind: 'daily', time: '06:00', timezone: 'Europe/Paris' }, mail });

async function run(d: ReportDocument | Error, mail: Record<string, unknown>, pdf: boolean | Error = true) {
  const sent: OutgoingMail[] = [];
  const svc = service(d, pdf);
  const result = await runAndMail({ reports: svc, send: (m) => Promise.resolve(sent.push(m)), clock: { now: () => Date.UTC(2026, 11, 3, 5) }, log: quiet }, profile(mail));
  return { sent, result, svc };
}

describe('report mail of a run', () => {
  it('mails the HTML report with the PDF, the subject counting findings, to and cc', async () => {
    const { sent, svc } = await run(doc([snap('db1', 's1', 'CORP\\alice', 'critical'), snap('web1', 's2', 'bob')]), { to: ['ops@example.com'], cc: ['lead@example.com'], pdf: true });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: ['ops@example.com'],
      cc: ['lead@example.com'],
      subject: 'Vigie report Daily — 2026-12-03 — 1 critical, 1 warning',
      html: '<!doctype html><html><body><h1>Report</h1></body></html>',
    });
    expect(sent[0]!.attachments).toEqual([{ filename: 'vigie-Daily-2026-12-03.pdf', contentType: 'application/pdf', content: new Uint8Array([37, 80, 68, 70]) }]);
    expect(sent[0]!.text).toContain('Snapshots older than 14 days: 2');
    expect(svc.exports).toBe(1);
  });

  it('a clean report is sent ("no problems") unless the profile skips it', async () => {
    const sent = (await run(doc([]), { to: ['ops@example.com'] })).sent;
    expect(sent.map((m) => m.subject)).toEqual(['Vigie report Daily — 2026-12-03 — no problems']);
    expect(sent[0]!.attachments).toEqual([]);
    expect((await run(doc([]), { to: ['ops@example.com'], skipWhenClean: true })).sent).toEqual([]);
  });

  it('a failed run mails its failure to the same recipients', async () => {
    const { sent, result } = await run(new Error('vc1: connection refused'), { to: ['ops@example.com'], cc: ['lead@example.com'] });
    expect(result.reportId).toBeNull();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: ['ops@example.com'], cc: ['lead@example.com'], subject: 'Vigie report Daily — 2026-12-03 — FAILED' });
    expect(sent[0]!.text).toContain('vc1: connection refused');
  });

  it('a PDF that cannot be made still sends the HTML, saying why', async () => {
    const { sent } = await run(doc([snap('db1', 's1', 'x')]), { to: ['ops@example.com'], pdf: true }, new Error('no Chromium found'));
    expect(sent[0]!.attachments).toEqual([]);
    expect(sent[0]!.text).toContain('The PDF could not be made: no Chromium found');
  });
});

describe('snapshot owners', () => {
  const owners = { enabled: true, addresses: { 'CORP\\carol': 'carol.smith@example.com' }, domain: 'example.com' };

  it('resolves by the map first, then the domain; never guesses a bad address', () => {
    expect(resolveOwner('corp\\CAROL', owners)).toBe('carol.smith@example.com');
    expect(resolveOwner('CORP\\alice', owners)).toBe('alice@example.com');
    expect(resolveOwner('bob@vsphere.local', owners)).toBe('bob@example.com');
    expect(resolveOwner('', owners)).toBeNull();
    expect(resolveOwner('CORP\\john doe', owners)).toBeNull();
    expect(resolveOwner('CORP\\alice', { ...owners, domain: null })).toBeNull();
  });

  it('mails one message per creator listing all their snapshots; unresolved creators are listed in the report, not mailed', async () => {
    const rows = [
      snap('db1', 'before-upgrade', 'CORP\\alice'),
      snap(HOSTILE_VM, 'x', 'CORP\\alice'),
      snap('web1', 'test', 'CORP\\carol'),
      snap('app1', 'old', ''),
      snap('app2', 'kept', 'CORP\\john doe'),
    ];
    const { sent } = await run(doc(rows), { to: ['ops@example.com'], snapshotOwners: owners });
    const [report, ...ownerMails] = sent;
    expect(ownerMails.map((m) => m.to)).toEqual([['alice@example.com'], ['carol.smith@example.com']]);
    expect(ownerMails[0]!.subject).toBe('Vigie: 2 old snapshots of yours — still needed?');
    expect(ownerMails[0]!.text).toContain('db1: "before-upgrade"');
    expect(ownerMails[0]!.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(ownerMails[0]!.html).not.toContain(HOSTILE_VM);
    expect(ownerMails[1]!.subject).toBe('Vigie: 1 old snapshot of yours — still needed?');
    const everyone = sent.flatMap((m) => [...m.to, ...(m.cc ?? [])]);
    expect(everyone.some((a) => a.includes('john'))).toBe(false);
    expect(report!.text).toContain('Snapshot owners not mailed (no address found):');
    expect(report!.text).toContain('(unknown): app1 "old"');
    expect(report!.text).toContain('CORP\\john doe: app2 "kept"');
    expect(report!.html).toContain('<h2>Snapshot owners not mailed (no address found)</h2>');
  });
});
