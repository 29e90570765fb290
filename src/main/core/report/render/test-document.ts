import type { ReportCheckResult, ReportDocument, ReportRow } from '../../../../shared/contract/report';

export const HOSTILE = `<img src=x onerror=alert(1)> & "vm" 'q' été 日本語 العربية`;

const summary = {
  hosts: 4,
  vms: 40,
  vmsPoweredOn: 30,
  vmsPoweredOff: 8,
  vmsSuspended: 2,
  templates: 1,
  clusters: 2,
  datastores: 3,
};

function check(
  partial: Partial<ReportCheckResult> & Pick<ReportCheckResult, 'id' | 'status'>,
): ReportCheckResult {
  return {
    title: partial.id,
    threshold: null,
    message: null,
    durationMs: 12,
    columns: [],
    rows: [],
    ...partial,
  };
}

const row = (r: ReportRow): ReportRow => r;

/** A small report with one check of each status, a hostile VM name and a formula-looking description. */
export function testDocument(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    id: 'daily-20261203T060000Z',
    profile: 'daily',
    generatedAt: '2026-12-03T06:00:00.000Z',
    durationMs: 4321,
    language: 'en',
    vcenters: [{ name: 'vc1.lab', version: '8.0.2', build: '22385739', summary, error: null }],
    summary,
    checks: [
      check({
        id: 'hosts-disconnected',
        title: 'Hosts not connected',
        status: 'ok',
        columns: ['host', 'cluster', 'state'],
      }),
      check({
        id: 'snapshots-old',
        title: 'Snapshots older than 14 days',
        status: 'findings',
        threshold: { days: 14 },
        columns: ['vm', 'name', 'daysOld', 'creator', 'created', 'description', 'sizeGB'],
        rows: [
          row({
            vcenter: 'vc1.lab',
            severity: 'critical',
            isNew: true,
            vm: HOSTILE,
            name: 'before-upgrade',
            daysOld: 120,
            creator: 'admin',
            created: '2026-08-05T10:00:00Z',
            description: '=HYPERLINK("http://evil")',
            sizeGB: 1234.5,
          }),
          row({
            vcenter: 'vc1.lab',
            severity: 'warning',
            isNew: false,
            vm: 'db-01',
            name: 'snap',
            daysOld: 20,
            creator: null,
            created: '2026-11-13T10:00:00Z',
            description: '-2+3',
            sizeGB: -1,
          }),
        ],
      }),
      check({
        id: 'datastores-low-free',
        title: 'Datastores with less than 5 % free',
        status: 'findings',
        threshold: { percentFree: 5 },
        columns: ['datastore', 'type', 'capacityMB', 'freeMB', 'percentFree'],
        rows: [
          row({
            vcenter: 'vc1.lab',
            severity: 'warning',
            isNew: false,
            datastore: 'ds-low',
            type: 'VMFS',
            capacityMB: 1048576,
            freeMB: 41943,
            percentFree: 4,
          }),
        ],
      }),
      check({
        id: 'vcenter-services',
        title: 'vCenter services not running',
        status: 'unsupported',
        message: 'appliance services API (not implemented by this server)',
      }),
      check({
        id: 'vm-cpu-usage',
        title: 'VMs over 75 % CPU',
        status: 'error',
        threshold: { days: 1, percent: 75 },
        message: 'QueryPerf: no answer within 30 s',
      }),
    ],
    timings: { collect: 2100, checks: 40, render: 12 },
    ...overrides,
  };
}
