import { describe, expect, it } from 'vitest';
import { vsphereKind, VsphereSettingsSchema } from './vsphere';

describe('vSphere per-VM history setting', () => {
  it('stored settings without the policy read unchanged (auto is its absence)', () => {
    const stored = { user: 'admin', tlsFingerprint: null };
    expect(VsphereSettingsSchema.parse(stored)).toEqual(stored);
    expect(VsphereSettingsSchema.parse({ ...stored, vmHistory: 'reduced' }).vmHistory).toBe('reduced');
    expect(VsphereSettingsSchema.safeParse({ ...stored, vmHistory: 'some' }).success).toBe(false);
  });

  it('goes through the CSV: a blank cell is auto, a policy is kept', () => {
    const read = (cell: string): unknown => VsphereSettingsSchema.parse(vsphereKind.csv.read({ vsphere_user: 'u', vsphere_vm_history: cell }).settings);
    expect(read('')).toEqual({ user: 'u', tlsFingerprint: null });
    expect(read(' table-only ')).toEqual({ user: 'u', tlsFingerprint: null, vmHistory: 'table-only' });
    expect(vsphereKind.csv.write({ user: 'u', tlsFingerprint: null, vmHistory: 'full' }).vsphere_vm_history).toBe('full');
    expect(vsphereKind.csv.write({ user: 'u', tlsFingerprint: null }).vsphere_vm_history).toBe('');
  });
});
