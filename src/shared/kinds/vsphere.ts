import { z } from 'zod';
import { label } from '../families/descriptor';
import { blank, defineKind } from './kind-definition';

/** SHA-256 fingerprint as shown by browsers and vCenter: 32 upper-case hex pairs separated by colons. */
export const FingerprintSchema = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'SHA-256 fingerprint expected');

/**
 * How much history the per-VM figures get (host, datastore, cluster and site figures always keep all of it).
 * full: every tier; reduced: no raw tier, 5-minute buckets and coarser; table-only: live values in the VM
 * table, no series at all; auto: full up to AUTO_FULL_VMS VMs, table-only beyond (see vm-history.ts in the
 * vSphere poller for the measured sizes behind it).
 */
export const VM_HISTORY_POLICIES = ['auto', 'full', 'reduced', 'table-only'] as const;
export type VmHistoryPolicy = (typeof VM_HISTORY_POLICIES)[number];
/** auto's threshold; the reasons are in src/main/core/pollers/vsphere/vm-history.ts. */
export const AUTO_FULL_VMS = 500;

export const VsphereSettingsSchema = z.strictObject({
  user: z.string().trim().min(1).max(256),
  /** Pinned certificate of a vCenter whose certificate does not chain to the system store. */
  tlsFingerprint: FingerprintSchema.nullable().default(null),
  /** Absent (settings stored before the policy existed, devices built in code): auto. */
  vmHistory: z.enum(VM_HISTORY_POLICIES).optional(),
});

export const vsphereKind = defineKind({
  kind: 'vsphere',
  label: label('vSphere', 'vSphere'),
  addable: true,
  settings: VsphereSettingsSchema,
  defaultPort: 443,
  defaultFamily: 'vsphere',
  group: 'vmware',
  largeInventory: true,
  secretFields: ['password'],
  requiredSecrets: () => ['password'],
  csv: {
    columns: ['vsphere_user', 'vsphere_password', 'vsphere_fingerprint', 'vsphere_vm_history'],
    secretColumns: ['vsphere_password'],
    read(row) {
      // A blank policy is auto; an unknown one is refused by the settings schema, row by row.
      const vmHistory = blank(row.vsphere_vm_history);
      const settings = { user: row.vsphere_user ?? '', tlsFingerprint: blank(row.vsphere_fingerprint)?.toUpperCase() ?? null, ...(vmHistory && { vmHistory }) };
      // A password is taken as typed: leading or trailing spaces may be part of it.
      const password = row.vsphere_password;
      return { settings, secret: password !== undefined && blank(password) ? { password } : {} };
    },
    write: (s) => ({ vsphere_user: s.user, vsphere_fingerprint: s.tlsFingerprint ?? '', vsphere_vm_history: s.vmHistory ?? '' }),
  },
});
