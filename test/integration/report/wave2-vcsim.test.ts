import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportDocumentSchema, ReportProfileSchema, type ReportCheckResult, type ReportDocument } from '../../../src/shared/contract/report';
import { REPORT_CHECKS } from '../../../src/main/core/report/checks/index';
import { chromiumPdf } from '../../../src/main/core/report/render/chromium-pdf';
import { renderCheckCsv, renderCombinedCsv } from '../../../src/main/core/report/render/csv';
import { renderReportHtml } from '../../../src/main/core/report/render/html';
import { runReport } from '../../../src/main/core/report/run-report';
import { CHROMIUM_LAUNCH } from '../../helpers/chromium';
import { missingPeer } from '../../helpers/peer';
import { startVcsim, vcsimAvailable, type Vcsim } from '../../helpers/vcsim';

const available = vcsimAvailable();
const pdfTools = existsSync(CHROMIUM_LAUNCH.executablePath) && existsSync('/usr/bin/pdftotext');

describe.skipIf(missingPeer('vCenter simulator', available.ok ? null : available.reason))('second-wave report checks against the seeded simulator', () => {
  let sim: Vcsim;
  let doc: ReportDocument;

  beforeAll(async () => {
    sim = await startVcsim({ cluster: 1, host: 3, standalone: 1, vm: 5, ds: 3, maintenance: 1, disconnected: 1, noTools: 1, setupDays: 90, wave2: true });
    const started = Date.now();
    doc = await runReport({
      profile: ReportProfileSchema.parse({ name: 'wave2', vcenters: ['vc'] }),
      targets: [{ name: 'vc1', host: sim.host, port: sim.port, user: sim.user, password: sim.password, tlsFingerprint: sim.fingerprint }],
      previous: null,
      now: () => started,
    });
  }, 180_000);
  afterAll(async () => {
    await sim?.stop();
  });

  const seeded = (): NonNullable<Vcsim['wave2']> => {
    if (!sim.wave2) throw new Error('the simulator did not print its wave2 seeds');
    return sim.wave2;
  };
  const check = (id: string): ReportCheckResult => {
    const c = doc.checks.find((x) => x.id === id);
    if (!c) throw new Error(`check ${id} missing`);
    return c;
  };
  /** Rows as `col=value|...` strings of the given columns, sorted: order-free exact comparison. */
  const rows = (id: string, cols: string[]): string[] =>
    check(id)
      .rows.map((r) => cols.map((c) => `${c}=${String(r[c])}`).join('|'))
      .sort();
  const line = (cells: Record<string, unknown>): string =>
    Object.entries(cells)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join('|');

  it('runs all 39 checks, the 23 new ones included', () => {
    expect(doc.checks.map((c) => c.id)).toEqual(REPORT_CHECKS.map((c) => c.id));
    expect(doc.checks).toHaveLength(39);
  });

  it('VM checks list exactly the seeded VMs', () => {
    const w = seeded();
    expect(rows('vms-consolidation-needed', ['vm', 'severity'])).toEqual([line({ vm: w.consolidationVm, severity: 'warning' })]);
    expect(rows('vms-tools-old', ['vm', 'toolsVersionStatus'])).toEqual([line({ vm: w.toolsOldVm, toolsVersionStatus: 'guestToolsNeedUpgrade' })]);
    expect(rows('vms-hardware-old', ['vm', 'hardwareVersion'])).toEqual([line({ vm: w.hardwareOldVm, hardwareVersion: 10 })]);
    expect(rows('vms-balloon-swap', ['vm', 'balloonedMB', 'swappedMB', 'severity'])).toEqual(
      [line({ vm: w.balloonVm, balloonedMB: 512, swappedMB: 0, severity: 'warning' }), line({ vm: w.swapVm, balloonedMB: 0, swappedMB: 256, severity: 'critical' })].sort(),
    );
    expect(rows('vms-inaccessible', ['vm', 'connectionState', 'severity'])).toEqual([line({ vm: w.inaccessibleVm, connectionState: 'inaccessible', severity: 'critical' })]);
    expect(rows('vms-nic-disconnected', ['vm', 'connectAtPowerOn'])).toEqual([line({ vm: w.nicVm, connectAtPowerOn: true })]);
  });

  it('vms-guest-disk-low lists the low filesystem and names the VMs without Tools apart', () => {
    const w = seeded();
    expect(rows('vms-guest-disk-low', ['vm', 'disk', 'freeMB', 'percentFree', 'severity'])).toEqual([line({ vm: w.guestDiskVm, disk: 'C:\\', freeMB: 500, percentFree: 0.5, severity: 'critical' })]);
    for (const vm of sim.scenario.noToolsVms) expect(check('vms-guest-disk-low').message).toContain(vm);
  });

  it('vms-powered-off-long dates the VM off 10 days from its event, says unknown past the events read, skips the recent one', () => {
    const w = seeded();
    expect(rows('vms-powered-off-long', ['vm', 'daysOff'])).toEqual([line({ vm: w.offLongVm, daysOff: w.offLongDays }), line({ vm: w.offUnknownVm, daysOff: null })].sort());
    const unknown = check('vms-powered-off-long').rows.find((r) => r.vm === w.offUnknownVm);
    expect(unknown?.poweredOffSince).toBeNull();
    expect(check('vms-powered-off-long').message).toMatch(/unknown date/);
  });

  it('ha-restarts lists the seeded restart with both hosts', () => {
    const w = seeded();
    expect(rows('ha-restarts', ['vm', 'from', 'to'])).toEqual([line({ vm: w.haRestartVm, from: w.haRestartFrom, to: w.haRestartTo })]);
  });

  it('vms-cpu-ready reads cpu.ready.summation: any row is above the threshold', () => {
    const c = check('vms-cpu-ready');
    expect(['ok', 'findings']).toContain(c.status);
    for (const r of c.rows) expect(Number(r.readyPercent)).toBeGreaterThan(10);
  });

  it('host checks list exactly the seeded hosts', () => {
    const w = seeded();
    expect(rows('hosts-shell-ssh', ['host', 'service'])).toEqual([line({ host: w.sshHost, service: 'SSH' })]);
    expect(rows('hosts-reboot-required', ['host'])).toEqual([line({ host: w.rebootHost })]);
    expect(rows('hosts-certificate-expiry', ['host', 'daysLeft', 'severity'])).toEqual([line({ host: w.certHost, daysLeft: w.certDaysLeft, severity: 'warning' })]);
    expect(rows('hosts-hardware-health', ['host', 'sensor', 'type', 'reading', 'unit', 'status'])).toEqual(
      w.sensors.map((s) => line({ host: w.sensorHost, sensor: s.name, type: s.type, reading: s.reading, unit: s.unit, status: s.status })).sort(),
    );
    expect(rows('hosts-dead-paths', ['host', 'path', 'livePaths'])).toEqual([line({ host: w.deadPathHost, path: w.deadPath, livePaths: 1 })]);
    expect(rows('hosts-overcommit', ['host'])).toEqual([line({ host: w.overcommitHost })]);
    expect(rows('config-issues', ['host', 'issue'])).toEqual([line({ host: w.configIssueHost, issue: w.configIssue })]);
  });

  it('cluster, datastore, network and licence checks list exactly the seeded objects', () => {
    const w = seeded();
    expect(rows('clusters-ha-drs', ['cluster', 'ha', 'drs', 'admissionControl'])).toEqual([line({ cluster: w.drsOffCluster, ha: true, drs: false, admissionControl: true })]);
    expect(rows('datastores-overallocated', ['datastore'])).toEqual([line({ datastore: w.overallocatedDatastore })]);
    expect(rows('datastores-not-on-all-hosts', ['datastore', 'missingHosts'])).toEqual([line({ datastore: w.partialDatastore, missingHosts: w.partialDatastoreMissingHost })]);
    expect(rows('network-security', ['portGroup', 'host', 'promiscuous', 'forgedTransmits'])).toEqual(
      [
        line({ portGroup: w.promiscuousPortgroup, host: w.promiscuousHost, promiscuous: true, forgedTransmits: false }),
        line({ portGroup: w.forgedDvPortgroup, host: null, promiscuous: false, forgedTransmits: true }),
      ].sort(),
    );
    expect(rows('licenses-expiring', ['license', 'daysLeft', 'severity'])).toEqual(
      [line({ license: w.expiringLicense, daysLeft: 10, severity: 'warning' }), line({ license: w.overusedLicense, daysLeft: null, severity: 'critical' })].sort(),
    );
    for (const r of check('licenses-expiring').rows) expect(String(r.key)).toMatch(/^\w{5}-\*{5}-\*{5}-\*{5}-\w{5}$/);
  });

  it('alarms-triggered lists every seeded alarm, whatever the entity type, with its name, status, time and acknowledgement', () => {
    const w = seeded();
    expect(rows('alarms-triggered', ['entity', 'alarm', 'status', 'acknowledged'])).toEqual(
      w.alarms.map((a) => line({ entity: a.entity, alarm: a.alarm, status: a.status, acknowledged: a.acknowledged })).sort(),
    );
    expect(rows('alarms-triggered', ['entityType']).sort()).toEqual(['entityType=VM', 'entityType=datacenter', 'entityType=datastore']);
    for (const r of check('alarms-triggered').rows) expect(Number.isNaN(Date.parse(String(r.time)))).toBe(false);
  });

  describe('the four outputs cover every check from the registry, with no special case', () => {
    const withRows = (): ReportCheckResult[] => doc.checks.filter((c) => c.rows.length > 0);

    it('JSON: the document parses back with all 39 checks', () => {
      const back = ReportDocumentSchema.parse(JSON.parse(JSON.stringify(doc)));
      expect(back.checks.map((c) => c.id)).toEqual(REPORT_CHECKS.map((c) => c.id));
    });

    it('HTML in English and French: a section per check with findings, titled from the registry with its thresholds', () => {
      const en = renderReportHtml(doc, { checks: REPORT_CHECKS, language: 'en' });
      const fr = renderReportHtml(doc, { checks: REPORT_CHECKS, language: 'fr' });
      expect(withRows().length).toBeGreaterThanOrEqual(23);
      expect(en).toContain('Host certificates expiring within 60 days');
      expect(fr).toContain('Certificats d’hôte expirant sous 60 jours');
      expect(fr).toContain('Capteurs matériels des hôtes qui ne sont pas au vert');
      for (const c of withRows()) {
        const meta = REPORT_CHECKS.find((m) => m.id === c.id);
        const labels = Object.values(meta?.columnLabels ?? {});
        // Every column of a check with findings is labelled in the page's language.
        for (const l of labels) {
          expect(en, c.id).toContain(l.en.replace(/&/g, '&amp;'));
          expect(fr, c.id).toContain(l.fr.replace(/&/g, '&amp;'));
        }
      }
    });

    it('CSV: one file per check with its columns, and the combined one with every finding', () => {
      for (const c of doc.checks) {
        const meta = REPORT_CHECKS.find((m) => m.id === c.id);
        const records: string[][] = parse(renderCheckCsv(c), { bom: true });
        expect(records[0], c.id).toEqual(expect.arrayContaining([...(meta?.columns ?? [])]));
        expect(records.length - 1, c.id).toBe(c.rows.length);
      }
      const combined: string[][] = parse(renderCombinedCsv(doc), { bom: true });
      const total = doc.checks.reduce((n, c) => n + c.rows.length, 0);
      expect(combined.length - 1).toBeGreaterThanOrEqual(total);
    });

    it.skipIf(missingPeer('Chromium and pdftotext', pdfTools ? null : 'apt-get install chromium poppler-utils'))(
      'PDF: the printed report holds the new sections',
      async () => {
        const html = renderReportHtml(doc, { checks: REPORT_CHECKS, language: 'en' });
        const pdf = await chromiumPdf({ executablePath: CHROMIUM_LAUNCH.executablePath }).render(html);
        const dir = mkdtempSync(join(tmpdir(), 'vigie-wave2-pdf-'));
        try {
          writeFileSync(join(dir, 'r.pdf'), pdf);
          const text = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
          for (const title of ['Triggered alarms', 'Host hardware sensors not green', 'Licences expiring within 30 days', 'Storage paths in dead state']) expect(text).toContain(title);
          expect(text).toContain(seeded().deadPath);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
      120_000,
    );
  });
});
