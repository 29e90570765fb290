import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportProfileSchema, type ReportCheckResult, type ReportDocument, type ReportProfileInput } from '../../../src/shared/contract/report';
import { REPORT_CHECKS } from '../../../src/main/core/report/checks/index';
import { VimClient } from '../../../src/main/core/vsphere/client';
import { retrieveFromContainer } from '../../../src/main/core/vsphere/property-collector';
import { struct, type MoRef } from '../../../src/main/core/vsphere/xml-build';
import { text } from '../../../src/main/core/vsphere/xml-parse';
import { ReportRunError, runReport, type ReportTarget } from '../../../src/main/core/report/run-report';
import { missingPeer } from '../../helpers/peer';
import { startNtpServer, startSilentUdp, type LoopbackUdp } from '../../helpers/ntp-server';
import { startVcsim, vcsimAvailable, type Vcsim, type VcsimOptions } from '../../helpers/vcsim';

const available = vcsimAvailable();
const DAY = 86_400_000;

/** Every problem the report looks for, seeded once; the ready line says what was seeded where. */
const SEEDED: VcsimOptions = {
  cluster: 1,
  host: 3,
  standalone: 1,
  vm: 2,
  ds: 3,
  maintenance: 1,
  disconnected: 1,
  snapshots: 2,
  oldSnapshots: 1,
  noTools: 1,
  cdrom: 1,
  migrations: 4,
  eventDays: 10,
  removed: 1,
  setupDays: 90,
  created: 1,
  oldCreated: 1,
  cloned: 1,
  oldRemoved: 1,
  errorEvents: 1,
  outsideDays: 10,
  datastoreFree: [2, 4, 30],
  ntpStopped: 1,
  ntpEmpty: 1,
};

const target = (sim: Vcsim, name: string, password = sim.password): ReportTarget => ({
  name,
  host: sim.host,
  port: sim.port,
  user: sim.user,
  password,
  tlsFingerprint: sim.fingerprint,
});

/**
 * The hosts' NTP servers: one loopback SNTP server that answers, one that does not (set in beforeAll). Only
 * the main run expects them (and so probes them); the other runs expect none, which lists the same hosts.
 */
let ntpServers: string[] = [];

const profile = (over: Partial<ReportProfileInput> = {}, expectNtp: string[] = []): ReturnType<typeof ReportProfileSchema.parse> =>
  ReportProfileSchema.parse({
    name: 'daily',
    vcenters: ['vc'],
    ...over,
    checks: {
      'drs-migrations': { thresholds: { days: 5 } },
      ntp: { thresholds: { servers: expectNtp } },
      ...over.checks,
    },
  });

// The answering NTP server runs in this process: a generous bound keeps a busy event loop from failing it.
const NTP_PROBE_MS = 3000;
const report = runReport;

function check(doc: ReportDocument, id: string): ReportCheckResult {
  const c = doc.checks.find((x) => x.id === id);
  if (!c) throw new Error(`check ${id} missing from the report`);
  return c;
}

/** Rows as `col=value|...` strings of the given columns, sorted: order-free exact comparison. */
function rows(doc: ReportDocument, id: string, cols: string[]): string[] {
  return check(doc, id)
    .rows.map((r) => cols.map((c) => `${c}=${String(r[c])}`).join('|'))
    .sort();
}

describe.skipIf(missingPeer('vCenter simulator', available.ok ? null : available.reason))('daily report engine against the simulator', () => {
  let sim: Vcsim;
  let other: Vcsim;
  let doc: ReportDocument;
  let started: number;
  let ntpUp: LoopbackUdp;
  let ntpDown: LoopbackUdp;

  beforeAll(async () => {
    [ntpUp, ntpDown] = await Promise.all([startNtpServer(), startSilentUdp()]);
    ntpServers = [ntpUp.address, ntpDown.address];
    [sim, other] = await Promise.all([startVcsim({ ...SEEDED, ntpServers }), startVcsim({ cluster: 1, host: 2, standalone: 0, vm: 1, ds: 1, maintenance: 1, setupDays: 90 })]);
    started = Date.now();
    doc = await report({
      profile: profile({}, ntpServers),
      targets: [target(sim, 'vc1')],
      previous: null,
      now: () => started,
      timeouts: { ntpProbeMs: NTP_PROBE_MS },
    });
  });
  afterAll(async () => {
    await Promise.all([sim?.stop(), other?.stop()]);
    ntpUp?.close();
    ntpDown?.close();
  });

  it('produces one result per registered check and the summary the simulator counted', () => {
    expect(doc.checks.map((c) => c.id)).toEqual(REPORT_CHECKS.map((c) => c.id));
    expect(doc.checks).toHaveLength(39);
    const c = sim.counts;
    const expected = {
      hosts: c.hosts,
      vms: c.vms - c.templates,
      vmsPoweredOn: c.vmsPoweredOn,
      vmsPoweredOff: c.vmsPoweredOff - c.templates,
      vmsSuspended: c.vmsSuspended,
      templates: c.templates,
      clusters: c.clusters,
      datastores: c.datastores,
    };
    expect(doc.vcenters).toEqual([{ name: 'vc1', version: expect.any(String) as string, build: expect.any(String) as string, summary: expected, error: null }]);
    expect(doc.summary).toEqual(expected);
    expect(doc.id).toBe(`daily-${new Date(started).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')}`);
    expect(doc.generatedAt).toBe(new Date(started).toISOString());
    expect(Object.keys(doc.timings)).toEqual(expect.arrayContaining(['vc1:connect', 'vc1:inventory', 'vc1:events', 'vc1:performance', 'checks']));
  });

  it('hosts: disconnected and in maintenance, exactly the seeded ones', () => {
    expect(rows(doc, 'hosts-disconnected', ['host', 'state', 'severity'])).toEqual(
      sim.scenario.disconnectedHosts.map((h) => `host=${h}|state=disconnected|severity=warning`),
    );
    expect(rows(doc, 'hosts-maintenance', ['host', 'severity'])).toEqual(sim.scenario.maintenanceHosts.map((h) => `host=${h}|severity=warning`));
    expect(check(doc, 'hosts-maintenance').rows[0]?.cluster).toBe('DC0_C0');
  });

  it('snapshots-old: the old snapshot and its nested child, whole days, creator blank where tasks cannot be read', () => {
    const c = check(doc, 'snapshots-old');
    const vm = sim.scenario.oldSnapshotVms[0];
    expect(rows(doc, 'snapshots-old', ['vm', 'name', 'daysOld', 'creator', 'severity'])).toEqual([
      `vm=${vm}|name=before-upgrade|daysOld=30|creator=|severity=critical`,
      `vm=${vm}|name=nested|daysOld=20|creator=|severity=warning`,
    ]);
    expect(c.rows.map((r) => r.description).sort()).toEqual(['lab snapshot <b>before-upgrade</b>', 'lab snapshot <b>nested</b>']);
    expect(c.message).toContain('TaskManager.CreateCollectorForTasks');
    // Recent snapshots (the other seeded VM) are not listed; with a 0-day threshold they all are.
    expect(sim.scenario.snapshotVms).toHaveLength(2);
  });

  it('datastores-low-free: 2 % critical, 4 % warning, 30 % not listed', () => {
    const [ds2, ds4] = sim.report?.datastoreFree ?? [];
    expect(rows(doc, 'datastores-low-free', ['datastore', 'percentFree', 'severity'])).toEqual([
      `datastore=${ds2?.name}|percentFree=2|severity=critical`,
      `datastore=${ds4?.name}|percentFree=4|severity=warning`,
    ]);
  });

  it('vms-no-tools and vms-removable-media: the seeded VMs only', () => {
    expect(rows(doc, 'vms-no-tools', ['vm', 'toolsStatus'])).toEqual(sim.scenario.noToolsVms.map((v) => `vm=${v}|toolsStatus=toolsNotInstalled`));
    expect(rows(doc, 'vms-removable-media', ['vm', 'backing'])).toEqual(sim.scenario.cdromVms.map((v) => `vm=${v}|backing=[LocalDS_0] iso/install.iso`));
  });

  it('ntp: ntpd stopped and no servers from host properties, an expected server the console cannot reach; the skew is blank with a note', () => {
    const c = check(doc, 'ntp');
    expect(c.status).toBe('findings');
    const r = sim.report;
    expect(r?.ntpServers).toEqual(ntpServers);
    expect(rows(doc, 'ntp', ['host', 'serviceRunning', 'skewSeconds', 'problem', 'severity'])).toEqual(
      [
        ...(r?.ntpStoppedHosts ?? []).map((h) => `host=${h}|serviceRunning=false|skewSeconds=null|problem=ntpd not running|severity=warning`),
        ...(r?.ntpEmptyHosts ?? []).map((h) => `host=${h}|serviceRunning=true|skewSeconds=null|problem=no NTP server|severity=warning`),
        `host=null|serviceRunning=null|skewSeconds=null|problem=not reachable from the console: no answer within ${NTP_PROBE_MS / 1000} s|severity=critical`,
      ].sort(),
    );
    expect(c.rows.find((x) => x.host === null)?.ntpServers).toBe(ntpDown.address);
    expect(c.message).toContain('HostDateTimeSystem.QueryDateTime');
  });

  it('events: created (one row per new VM, the clone named after the clone), removed, errors and DRS inside the window only', () => {
    const r = sim.report;
    expect(rows(doc, 'vms-created', ['vm'])).toEqual([...(r?.createdVms ?? []), ...(r?.clonedVms ?? [])].map((v) => `vm=${v.vm}`).sort());
    expect(check(doc, 'vms-created').rows.map((x) => x.vm)).not.toContain(r?.clonedVms[0]?.source);
    expect(rows(doc, 'vms-removed', ['vm'])).toEqual(sim.scenario.removedVms.map((v) => `vm=${v}`).sort());
    expect(rows(doc, 'vcenter-errors', ['message', 'severity'])).toEqual((r?.errorEvents ?? []).map((e) => `message=${e.message}|severity=critical`));
    const inWindow = sim.scenario.migrations.filter((m) => new Date(m.created).getTime() >= started - 5 * DAY);
    expect(inWindow.length).toBeGreaterThan(0);
    expect(inWindow.length).toBeLessThan(sim.scenario.migrations.length);
    expect(rows(doc, 'drs-migrations', ['vm', 'from', 'to', 'time'])).toEqual(
      inWindow.map((m) => `vm=${m.vm}|from=${m.from}|to=${m.to}|time=${new Date(m.created).toISOString()}`).sort(),
    );
  });

  it('checks the simulator cannot serve say unsupported, naming the call', () => {
    expect(check(doc, 'vcenter-services')).toMatchObject({ status: 'unsupported', rows: [] });
    expect(check(doc, 'vcenter-services').message).toContain('/api/vcenter/services');
    expect(check(doc, 'vcenter-health')).toMatchObject({ status: 'unsupported', rows: [] });
    expect(check(doc, 'vcenter-health').message).toContain('/api/appliance/health');
    expect(check(doc, 'vmkernel-warnings')).toMatchObject({ status: 'unsupported', rows: [] });
    expect(check(doc, 'vmkernel-warnings').message).toContain('DiagnosticManager.BrowseDiagnosticLog');
  });

  it('vms-local-storage and vm-cpu-usage run: no local datastore is seeded, CPU rows are above the threshold', () => {
    expect(check(doc, 'vms-local-storage')).toMatchObject({ status: 'ok', rows: [], message: '3 datastores, 0 reachable from one host only' });
    const cpu = check(doc, 'vm-cpu-usage');
    expect(['ok', 'findings']).toContain(cpu.status);
    for (const r of cpu.rows) expect(Number(r.cpuAvgPercent)).toBeGreaterThan(75);
  });

  it('two vCenters in one report: rows tagged by vCenter, summaries per vCenter and in total', async () => {
    const two = await report({ profile: profile(), targets: [target(sim, 'vc1'), target(other, 'vc2')], previous: null, now: Date.now });
    expect(two.vcenters.map((v) => [v.name, v.error, v.summary.hosts])).toEqual([
      ['vc1', null, sim.counts.hosts],
      ['vc2', null, other.counts.hosts],
    ]);
    expect(two.summary.hosts).toBe(sim.counts.hosts + other.counts.hosts);
    expect(two.summary.vms).toBe(sim.counts.vms + other.counts.vms);
    expect(rows(two, 'hosts-maintenance', ['vcenter', 'host'])).toEqual(
      [...sim.scenario.maintenanceHosts.map((h) => `vcenter=vc1|host=${h}`), ...other.scenario.maintenanceHosts.map((h) => `vcenter=vc2|host=${h}`)].sort(),
    );
  });

  it('scope filter: a cluster keeps its hosts, VMs and datastores only', async () => {
    const scoped = await report({ profile: profile({ scope: { clusters: ['dc0_c*'] } }), targets: [target(sim, 'vc1')], previous: null, now: Date.now });
    expect(scoped.summary.hosts).toBe(3);
    expect(scoped.summary.clusters).toBe(1);
    // The standalone host (no NTP server) and the VMs created on it are out of scope.
    expect(rows(scoped, 'ntp', ['host'])).toEqual((sim.report?.ntpStoppedHosts ?? []).map((h) => `host=${h}`));
    expect(check(scoped, 'vms-created').rows.map((r) => r.vm)).not.toContain('created_VM0');
    const none = await report({ profile: profile({ scope: { datacenters: ['nope'] } }), targets: [target(sim, 'vc1')], previous: null, now: Date.now });
    expect(none.summary).toMatchObject({ hosts: 0, vms: 0, datastores: 0 });
  });

  it('global and per-check exclusions apply to rows; an empty pattern excludes nothing', async () => {
    const [ds2] = sim.report?.datastoreFree ?? [];
    const noTools = sim.scenario.noToolsVms[0] ?? '';
    const excl = await report({
      profile: profile({
        exclusions: { vms: [noTools.slice(0, -1) + '?'], hosts: [''], datastores: [''] },
        checks: { 'datastores-low-free': { exclusions: { vms: [], hosts: [], datastores: [ds2?.name ?? ''] } } },
      }),
      targets: [target(sim, 'vc1')],
      previous: null,
      now: Date.now,
    });
    expect(check(excl, 'vms-no-tools')).toMatchObject({ status: 'ok', rows: [] });
    expect(rows(excl, 'datastores-low-free', ['percentFree'])).toEqual(['percentFree=4']);
    expect(check(excl, 'hosts-disconnected').rows).toHaveLength(1);
    const empty = await report({ profile: profile({ exclusions: { vms: ['', ' '], hosts: [], datastores: [] } }), targets: [target(sim, 'vc1')], previous: null, now: Date.now });
    expect(check(empty, 'vms-no-tools').rows).toHaveLength(1);
  });

  it('a wrong password on one of two vCenters: the report is made, that vCenter has its error and its checks say error', async () => {
    const half = await report({ profile: profile(), targets: [target(sim, 'vc1'), target(other, 'vc2', 'wrong')], previous: null, now: Date.now });
    expect(half.vcenters[0]?.error).toBeNull();
    expect(half.vcenters[1]?.error).toMatch(/vc2 .*login refused.*password/);
    expect(half.vcenters[1]?.summary.hosts).toBe(0);
    // A check with findings on vc1 keeps them and says what failed on vc2; one without becomes error.
    expect(check(half, 'hosts-disconnected').status).toBe('findings');
    expect(check(half, 'hosts-disconnected').message).toMatch(/^vc2: /);
    expect(check(half, 'vms-local-storage').status).toBe('error');
    await expect(
      report({ profile: profile(), targets: [target(other, 'vc2', 'wrong')], previous: null, now: Date.now }),
    ).rejects.toMatchObject({ name: 'ReportRunError', stage: 'auth' });
  });

  it('no vCenter readable: ReportRunError with the stage and how to fix it (certificate, unreachable)', async () => {
    const untrusted = { ...target(sim, 'vc1'), tlsFingerprint: null };
    const tls: unknown = await report({ profile: profile(), targets: [untrusted], previous: null, now: Date.now }).catch((e: unknown) => e);
    expect(tls).toBeInstanceOf(ReportRunError);
    expect(tls).toMatchObject({ stage: 'tls', message: expect.stringContaining(sim.fingerprint) as string });
    expect((tls as Error).message).toMatch(/pinning its fingerprint/);
    // Port 1 on loopback: privileged and unused, so the connection is refused.
    const closed = { ...target(sim, 'vc1'), port: 1 };
    const conn: unknown = await report({ profile: profile(), targets: [closed], previous: null, now: Date.now }).catch((e: unknown) => e);
    expect(conn).toMatchObject({ name: 'ReportRunError', stage: 'connect', message: expect.stringContaining('check the address, the port') as string });
    // An inventory that cannot be read in time is a timeout, not a connection failure.
    const slow: unknown = await report({ profile: profile(), targets: [target(sim, 'vc1')], previous: null, now: Date.now, timeouts: { inventoryMs: 1 } }).catch(
      (e: unknown) => e,
    );
    expect(slow).toMatchObject({ name: 'ReportRunError', stage: 'timeout', message: expect.stringContaining('the inventory was not read within 0.001 s') as string });
  });

  it('isNew: against the previous report of the profile, by identity and not by position', async () => {
    const again = await report({ profile: profile(), targets: [target(sim, 'vc1')], previous: doc, now: () => started + 60_000 });
    expect(again.checks.flatMap((c) => c.rows).filter((r) => r.isNew)).toEqual([]);
    // Drop one finding and reverse the rest in the previous document: only the dropped one is new.
    const edited: ReportDocument = structuredClone(doc);
    const ds = edited.checks.find((c) => c.id === 'datastores-low-free');
    if (!ds) throw new Error('no datastores check');
    ds.rows = ds.rows.slice(1).reverse();
    const third = await report({ profile: profile(), targets: [target(sim, 'vc1')], previous: edited, now: Date.now });
    const fresh = third.checks.flatMap((c) => c.rows.filter((r) => r.isNew).map((r) => `${c.id}:${String(r.datastore)}`));
    expect(fresh).toEqual([`datastores-low-free:${doc.checks.find((c) => c.id === 'datastores-low-free')?.rows[0]?.datastore}`]);
  });

  it('a check that throws, or whose calls time out, says error with the reason; the others still run', async () => {
    const broken = { ...REPORT_CHECKS[0], id: 'broken', run: () => { throw new Error('boom'); } } as (typeof REPORT_CHECKS)[number];
    const out = await report({
      profile: profile(),
      targets: [target(sim, 'vc1')],
      previous: null,
      now: Date.now,
      checks: [broken, ...REPORT_CHECKS],
      // Events and performance cannot finish in 1 ms: their checks fail, the inventory checks do not.
      timeouts: { stepMs: 1 },
    });
    expect(check(out, 'broken')).toMatchObject({ status: 'error', message: 'the check failed: boom', rows: [] });
    for (const id of ['vms-created', 'vms-removed', 'vcenter-errors', 'drs-migrations', 'vm-cpu-usage']) {
      expect(check(out, id).status, id).toBe('error');
      expect(check(out, id).message, id).toMatch(/no answer within 0\.001 s/);
    }
    expect(check(out, 'hosts-disconnected').rows).toHaveLength(1);
    expect(check(out, 'datastores-low-free').rows).toHaveLength(2);
    // Its events only fill the creator: without them it still lists the snapshots, and says why it cannot.
    expect(check(out, 'snapshots-old').status).toBe('findings');
    expect(check(out, 'snapshots-old').rows).toHaveLength(2);
    expect(check(out, 'snapshots-old').message).toMatch(/creator unknown for \d+ of \d+ snapshots: .*; events: .*no answer within 0\.001 s/);
  });

  it('cancellation: an aborted run rejects with stage cancelled', async () => {
    const ac = new AbortController();
    const run = report({
      profile: profile(),
      targets: [target(sim, 'vc1')],
      previous: null,
      now: Date.now,
      signal: ac.signal,
      onProgress: (p) => {
        if (p.step === 'inventory' && p.state === 'running') ac.abort();
      },
    });
    const error: unknown = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportRunError);
    expect(error).toMatchObject({ stage: 'cancelled' });
  });

  // Last: it posts events to the shared simulator, which the runs above must not see.
  it('snapshots-old: the creator from the CreateSnapshot_Task TaskEvent where tasks cannot be read', async () => {
    // govmomi 0.24 logs no TaskEvent of its own: post what vCenter logs when the task is queued (PostEvent
    // keeps the TaskInfo and sets userName to the posting session's user).
    const client = new VimClient({ host: sim.host, port: sim.port, user: sim.user, password: sim.password, tlsFingerprint: sim.fingerprint, timeoutMs: 60_000 });
    await client.login();
    const sc = await client.serviceContent();
    const em = sc.eventManager;
    if (!em) throw new Error('the simulator has no event manager');
    const vms = await retrieveFromContainer(client, [{ type: 'VirtualMachine', paths: ['name'] }], {});
    const refOf = (name: string): MoRef => {
      const found = vms.find((o) => text(o.props.get('name')) === name);
      if (!found) throw new Error(`no VM ${name}`);
      return found.obj;
    };
    const vmName = sim.scenario.oldSnapshotVms[0] ?? '';
    const created = new Map(check(doc, 'snapshots-old').rows.map((r) => [String(r.name), Date.parse(String(r.created))]));
    const otherVm = vms.map((o) => text(o.props.get('name')) ?? '').find((n) => n !== vmName) ?? '';
    const post = (vm: string, queued: number): Promise<unknown> =>
      client.call('PostEvent', em, {
        eventToPost: struct(
          {
            key: 0,
            chainId: 0,
            createdTime: new Date(queued),
            userName: '',
            vm: struct({ name: vm, vm: refOf(vm) }),
            info: struct({
              key: 'task-posted',
              task: { type: 'Task', value: 'task-posted' },
              name: 'CreateSnapshot_Task',
              descriptionId: 'VirtualMachine.createSnapshot',
              entity: refOf(vm),
              entityName: vm,
              state: 'queued',
              cancelled: false,
              cancelable: false,
              queueTime: new Date(queued),
              eventChainId: 0,
            }),
          },
          'TaskEvent',
        ),
      });
    const before = created.get('before-upgrade') ?? 0;
    const nested = created.get('nested') ?? 0;
    await post(vmName, before - 4000);
    await post(vmName, nested - 2000);
    // Another VM, queued a second before the nested snapshot: not a candidate.
    await post(otherVm, nested - 1000);
    const only = Object.fromEntries(REPORT_CHECKS.map((c) => [c.id, { enabled: c.id === 'snapshots-old' }]));
    // Now, not `started`: the simulator stamps the posted events with its own clock, after `started`.
    const out = await report({ profile: profile({ checks: only }), targets: [target(sim, 'vc1')], previous: null, now: Date.now });
    expect(rows(out, 'snapshots-old', ['vm', 'name', 'creator'])).toEqual([
      `vm=${vmName}|name=before-upgrade|creator=${sim.user}`,
      `vm=${vmName}|name=nested|creator=${sim.user}`,
    ]);
  });
});
