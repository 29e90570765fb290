import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';

const LAB = new URL('../../lab/vcsim/', import.meta.url).pathname;
export const VCSIM_BINARY = join(LAB, 'vcsim');
const GOVMOMI = '/usr/share/gocode/src/github.com/vmware/govmomi/simulator';

/** Whether the simulator can be built here (Debian's golang-go and golang-github-vmware-govmomi-dev). */
export function vcsimAvailable(): { ok: boolean; reason: string } {
  if (existsSync(VCSIM_BINARY)) return { ok: true, reason: '' };
  if (spawnSync('sh', ['-c', 'command -v go'], { stdio: 'ignore' }).status !== 0) {
    return { ok: false, reason: 'go not installed (apt-get install golang-go golang-github-vmware-govmomi-dev)' };
  }
  if (!existsSync(GOVMOMI)) return { ok: false, reason: 'govmomi sources missing (apt-get install golang-github-vmware-govmomi-dev)' };
  return { ok: true, reason: '' };
}

let building: Promise<void> | null = null;

/** Builds lab/vcsim/vcsim if needed (build.sh is idempotent and safe to run concurrently). */
export function buildVcsim(): Promise<void> {
  building ??= new Promise<void>((resolve, reject) => {
    execFile(join(LAB, 'build.sh'), { timeout: 300_000 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`lab/vcsim/build.sh failed: ${stderr || error.message}`));
      else resolve();
    });
  });
  return building;
}

export interface VcsimOptions {
  /** Standalone ESXi (API type HostAgent) instead of a vCenter. */
  esx?: boolean;
  dc?: number;
  cluster?: number;
  /** Hosts per cluster. */
  host?: number;
  standalone?: number;
  /** VMs per host. */
  vm?: number;
  ds?: number;
  poweredOff?: number;
  suspended?: number;
  templates?: number;
  maintenance?: number;
  disconnected?: number;
  snapshots?: number;
  oldSnapshots?: number;
  noTools?: number;
  cdrom?: number;
  migrations?: number;
  removed?: number;
  eventDays?: number;
  hotHost?: boolean;
  lowDatastore?: boolean;
  inaccessibleDatastore?: boolean;
  alarms?: boolean;
  /** Report seeds (lab/README.md): back-date the lab's own events, then seed what the daily report looks for. */
  setupDays?: number;
  created?: number;
  oldCreated?: number;
  cloned?: number;
  oldRemoved?: number;
  errorEvents?: number;
  outsideDays?: number;
  /** Free space (%) of the first datastores, in name order. */
  datastoreFree?: number[];
  ntpServers?: string[];
  ntpStopped?: number;
  ntpEmpty?: number;
  /** Rename one running VM to markup (`<img src=x onerror=alert(1)> & "vm" été`). */
  hostileName?: boolean;
  /** Seed one problem per second-wave report check (lab/vcsim/wave2.go; the ready line's `wave2`). */
  wave2?: boolean;
  tls?: boolean;
  /** Certificate and key files: used if they exist, else generated and written there. */
  certFile?: string;
  keyFile?: string;
  user?: string;
  password?: string;
  /** host:port to listen on (a restart on the same address); default 127.0.0.1:0 (a free port). */
  listen?: string;
  startTimeoutMs?: number;
}

const names = z
  .array(z.string())
  .nullable()
  .transform((v) => v ?? []);
const seededList = z
  .array(z.object({ vm: z.string(), source: z.string().optional(), message: z.string().optional(), created: z.string() }))
  .nullable()
  .transform((v) => v ?? []);

const ReadySchema = z.object({
  url: z.string(),
  host: z.string(),
  port: z.number().int(),
  tls: z.boolean(),
  fingerprint: z.string(),
  user: z.string(),
  apiType: z.string(),
  startSeconds: z.number(),
  counts: z.object({
    datacenters: z.number(),
    clusters: z.number(),
    hosts: z.number(),
    hostsConnected: z.number(),
    hostsDisconnected: z.number(),
    hostsMaintenance: z.number(),
    vms: z.number(),
    vmsPoweredOn: z.number(),
    vmsPoweredOff: z.number(),
    vmsSuspended: z.number(),
    templates: z.number(),
    datastores: z.number(),
    networks: z.number(),
  }),
  scenario: z.object({
    maintenanceHosts: z.array(z.string()).nullable().transform((v) => v ?? []),
    disconnectedHosts: z.array(z.string()).nullable().transform((v) => v ?? []),
    hotHost: z.string(),
    snapshotVms: z.array(z.string()).nullable().transform((v) => v ?? []),
    oldSnapshotVms: z.array(z.string()).nullable().transform((v) => v ?? []),
    noToolsVms: z.array(z.string()).nullable().transform((v) => v ?? []),
    cdromVms: z.array(z.string()).nullable().transform((v) => v ?? []),
    removedVms: z.array(z.string()).nullable().transform((v) => v ?? []),
    migrations: z
      .array(z.object({ vm: z.string(), from: z.string(), to: z.string(), created: z.string() }))
      .nullable()
      .transform((v) => v ?? []),
    lowDatastore: z.string(),
    inaccessibleDatastore: z.string(),
    triggeredAlarms: z.number(),
    hostileVm: z.string(),
  }),
  report: z
    .object({
      createdVms: seededList,
      oldCreatedVms: seededList,
      clonedVms: seededList,
      oldRemovedVms: seededList,
      errorEvents: seededList,
      oldErrorEvents: seededList,
      datastoreFree: z
        .array(z.object({ name: z.string(), percent: z.number() }))
        .nullable()
        .transform((v) => v ?? []),
      ntpServers: names,
      ntpStoppedHosts: names,
      ntpEmptyHosts: names,
    })
    .optional(),
  wave2: z
    .object({
      consolidationVm: z.string(),
      toolsOldVm: z.string(),
      hardwareOldVm: z.string(),
      balloonVm: z.string(),
      swapVm: z.string(),
      guestDiskVm: z.string(),
      inaccessibleVm: z.string(),
      nicVm: z.string(),
      offLongVm: z.string(),
      offLongDays: z.number(),
      offRecentVm: z.string(),
      offUnknownVm: z.string(),
      haRestartVm: z.string(),
      haRestartFrom: z.string(),
      haRestartTo: z.string(),
      sshHost: z.string(),
      rebootHost: z.string(),
      certHost: z.string(),
      certDaysLeft: z.number(),
      sensorHost: z.string(),
      sensors: z.array(z.object({ name: z.string(), type: z.string(), reading: z.number(), unit: z.string(), status: z.string() })),
      deadPathHost: z.string(),
      deadPath: z.string(),
      overcommitHost: z.string(),
      configIssueHost: z.string(),
      configIssue: z.string(),
      drsOffCluster: z.string(),
      overallocatedDatastore: z.string(),
      partialDatastore: z.string(),
      partialDatastoreMissingHost: z.string(),
      promiscuousHost: z.string(),
      promiscuousPortgroup: z.string(),
      forgedDvPortgroup: z.string(),
      expiringLicense: z.string(),
      overusedLicense: z.string(),
      alarms: z.array(z.object({ entity: z.string(), alarm: z.string(), status: z.string(), acknowledged: z.boolean() })),
    })
    .optional(),
});
export type VcsimReady = z.infer<typeof ReadySchema>;

export interface Vcsim extends VcsimReady {
  password: string;
  /** The certificate file, when one was asked for. */
  certFile: string | null;
  stop(): Promise<void>;
}

function flags(o: VcsimOptions): string[] {
  const args: string[] = ['-watch-stdin'];
  const num = (name: string, v: number | undefined): void => {
    if (v !== undefined) args.push(`-${name}`, String(v));
  };
  const flag = (name: string, v: boolean | undefined): void => {
    if (v !== undefined) args.push(`-${name}=${v}`);
  };
  flag('esx', o.esx);
  num('dc', o.dc);
  num('cluster', o.cluster);
  num('host', o.host);
  num('standalone', o.standalone);
  num('vm', o.vm);
  num('ds', o.ds);
  num('powered-off', o.poweredOff);
  num('suspended', o.suspended);
  num('templates', o.templates);
  num('maintenance', o.maintenance);
  num('disconnected', o.disconnected);
  num('snapshots', o.snapshots);
  num('old-snapshots', o.oldSnapshots);
  num('no-tools', o.noTools);
  num('cdrom', o.cdrom);
  num('migrations', o.migrations);
  num('removed', o.removed);
  num('event-days', o.eventDays);
  num('setup-days', o.setupDays);
  num('created', o.created);
  num('old-created', o.oldCreated);
  num('cloned', o.cloned);
  num('old-removed', o.oldRemoved);
  num('error-events', o.errorEvents);
  num('outside-days', o.outsideDays);
  if (o.datastoreFree) args.push('-datastore-free', o.datastoreFree.join(','));
  if (o.ntpServers) args.push('-ntp-servers', o.ntpServers.join(','));
  num('ntp-stopped', o.ntpStopped);
  num('ntp-empty', o.ntpEmpty);
  flag('hot-host', o.hotHost);
  flag('low-datastore', o.lowDatastore);
  flag('inaccessible-datastore', o.inaccessibleDatastore);
  flag('alarms', o.alarms);
  flag('hostile-name', o.hostileName);
  flag('wave2', o.wave2);
  flag('tls', o.tls);
  if (o.certFile) args.push('-cert', o.certFile);
  if (o.keyFile) args.push('-key', o.keyFile);
  args.push('-user', o.user ?? 'vigie', '-password', o.password ?? 'vigie-pass');
  args.push('-listen', o.listen ?? '127.0.0.1:0');
  return args;
}

/**
 * Builds (if needed) and starts the simulator on loopback; resolves with its ready line (URL, port,
 * certificate fingerprint, the model's own counts and what the scenario did). stop() ends it with SIGTERM.
 * The simulator also exits if this process dies (it watches its stdin).
 */
export async function startVcsim(options: VcsimOptions = {}): Promise<Vcsim> {
  await buildVcsim();
  const child: ChildProcess = spawn(VCSIM_BINARY, flags(options), { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      // On SIGTERM it removes its datastore directories (one per VM): a large inventory needs some seconds.
      await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    child.stdin?.destroy();
  };
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const rl = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      const timer = setTimeout(() => reject(new Error(`vcsim not ready within ${timeoutMs} ms: ${stderr}`)), timeoutMs);
      rl.once('line', (l) => {
        clearTimeout(timer);
        resolve(l);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`vcsim exited (${code}) before it was ready: ${stderr}`));
      });
    });
    const ready = ReadySchema.parse(JSON.parse(line));
    return { ...ready, password: options.password ?? 'vigie-pass', certFile: options.certFile ?? null, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A private temporary directory (certificates...), removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
