import { z } from 'zod';
import { label } from '../families/descriptor';
import { blank, defineKind } from './kind-definition';

/** SHA-256 fingerprint as shown by browsers and vCenter: 32 upper-case hex pairs separated by colons. */
export const FingerprintSchema = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'SHA-256 fingerprint expected');

export const VsphereSettingsSchema = z.strictObject({
  user: z.string().trim().min(1).max(256),
  /** Pinned certificate of a vCenter whose certificate does not chain to the system store. */
  tlsFingerprint: FingerprintSchema.nullable().default(null),
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
    columns: ['vsphere_user', 'vsphere_password', 'vsphere_fingerprint'],
    secretColumns: ['vsphere_password'],
    read(row) {
      const settings = { user: row.vsphere_user ?? '', tlsFingerprint: blank(row.vsphere_fingerprint)?.toUpperCase() ?? null };
      // A password is taken as typed: leading or trailing spaces may be part of it.
      const password = row.vsphere_password;
      return { settings, secret: password !== undefined && blank(password) ? { password } : {} };
    },
    write: (s) => ({ vsphere_user: s.user, vsphere_fingerprint: s.tlsFingerprint ?? '' }),
  },
});
