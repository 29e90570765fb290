import { describe, expect, it } from 'vitest';
import { hostsDisconnected } from './hosts-disconnected';
import { checkRegistry, REPORT_CHECKS } from './index';

const SPEC_IDS = [
  'hosts-disconnected',
  'hosts-maintenance',
  'snapshots-old',
  'datastores-low-free',
  'vms-no-tools',
  'vcenter-services',
  'ntp',
  'vmkernel-warnings',
  'vms-local-storage',
  'vms-created',
  'vms-removed',
  'vcenter-errors',
  'vcenter-health',
  'vms-removable-media',
  'drs-migrations',
  'vm-cpu-usage',
];

/** The spec's second table, in its order. */
const SECOND_WAVE_IDS = [
  'alarms-triggered',
  'config-issues',
  'vms-consolidation-needed',
  'vms-tools-old',
  'vms-powered-off-long',
  'vms-balloon-swap',
  'vms-cpu-ready',
  'vms-guest-disk-low',
  'vms-hardware-old',
  'vms-inaccessible',
  'vms-nic-disconnected',
  'ha-restarts',
  'hosts-shell-ssh',
  'hosts-reboot-required',
  'hosts-certificate-expiry',
  'hosts-hardware-health',
  'hosts-dead-paths',
  'hosts-overcommit',
  'clusters-ha-drs',
  'datastores-overallocated',
  'datastores-not-on-all-hosts',
  'network-security',
  'licenses-expiring',
];

describe('REPORT_CHECKS', () => {
  it('holds the 16 checks of the original product then the 23 of the second wave, in the spec order', () => {
    expect(REPORT_CHECKS.map((c) => c.id)).toEqual([...SPEC_IDS, ...SECOND_WAVE_IDS]);
    expect(REPORT_CHECKS).toHaveLength(39);
  });
  it('every check has both titles, its columns labelled in both languages, identity and subjects among its columns', () => {
    for (const c of REPORT_CHECKS) {
      expect(c.title.en.length * c.title.fr.length, c.id).toBeGreaterThan(0);
      for (const col of c.columns) {
        expect(c.columnLabels?.[col]?.en, `${c.id}.${col}`).toBeTruthy();
        expect(c.columnLabels?.[col]?.fr, `${c.id}.${col}`).toBeTruthy();
      }
      for (const col of c.identity ?? []) expect(c.columns, c.id).toContain(col);
      for (const col of Object.values(c.subjects ?? {})) expect(c.columns, c.id).toContain(col);
      // Every {placeholder} of a title is a threshold of the check.
      for (const m of `${c.title.en} ${c.title.fr}`.matchAll(/\{(\w+)\}/g)) expect(Object.keys(c.defaults), c.id).toContain(m[1]);
    }
  });
  it('refuses a duplicate id', () => {
    expect(() => checkRegistry([hostsDisconnected, hostsDisconnected])).toThrow(/hosts-disconnected.*twice/);
  });
});
