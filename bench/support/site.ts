import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { AuthStore } from '../../src/main/server/auth-store';
import { createHeadlessCore } from '../../src/main/server/headless-core';

/**
 * A Vigie data folder holding a large site, built through the code a user goes through: the device list is
 * a CSV file imported by the `devices:import` call of a headless core (the one `vigie serve` builds, secrets
 * in the encrypted file), the admin password is set as `vigie passwd` sets it, the Prometheus token as the
 * Settings page sets it. Used by the soak and cold-start benchmarks; `vigie serve --data <dir> --secrets
 * file` then runs it.
 */
export interface SiteOptions {
  /** Number of SNMP devices (the "This computer" device the core seeds comes on top). */
  devices: number;
  /** Every device reaches this agent: distinct entries (name, group), one address (see the soak's notes). */
  agent: { host: string; port: number; community: string };
  intervalSeconds: number;
  /** Family id, or 'auto' to detect at the first poll like a plain import. */
  family?: string;
  /** Devices per group (the dashboard groups tiles), default 50. */
  groupSize?: number;
  /** Folder to fill; a new temporary one by default. */
  dataDir?: string;
}

export interface Site {
  dataDir: string;
  /** Admin password of `serve` (a bench fixture, not a secret). */
  password: string;
  /** Bearer token of /metrics (a bench fixture, not a secret). */
  metricsToken: string;
  devices: number;
}

export const SITE_PASSWORD = 'bench-admin-password-1';
export const SITE_METRICS_TOKEN = 'bench-metrics-token-0123456789';

/** The CSV a user would import: one row per device, names bench-0001…, in groups of `groupSize`. */
export function siteCsv(o: SiteOptions): string {
  const rows = Array.from({ length: o.devices }, (_, i) => ({
    name: `bench-${String(i + 1).padStart(4, '0')}`,
    kind: 'snmp',
    host: o.agent.host,
    port: String(o.agent.port),
    family: o.family ?? 'linux',
    interval_seconds: String(o.intervalSeconds),
    enabled: 'true',
    snmp_version: '2c',
    snmp_community: o.agent.community,
  }));
  return stringify(rows, { header: true });
}

export async function createSite(o: SiteOptions): Promise<Site> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'vigie-site-'));
  const core = await createHeadlessCore({ dataDir, secrets: 'file' });
  try {
    const imported = await core.dispatch('devices:import', { format: 'csv', text: siteCsv(o), dryRun: false });
    if (!imported.ok) throw new Error(`import failed: ${imported.error.message}`);
    const result = imported.result as { added: number; rejected: { line: number; reason: string }[] };
    if (result.added !== o.devices) {
      throw new Error(`import added ${result.added} of ${o.devices} devices: ${JSON.stringify(result.rejected.slice(0, 3))}`);
    }
    const token = await core.dispatch('settings:update', { metricsToken: SITE_METRICS_TOKEN });
    if (!token.ok) throw new Error(`metrics token: ${token.error.message}`);
  } finally {
    await core.close();
  }
  await new AuthStore(dataDir).setPassword(SITE_PASSWORD);
  return { dataDir, password: SITE_PASSWORD, metricsToken: SITE_METRICS_TOKEN, devices: o.devices };
}
