import { describe, expect, it } from 'vitest';
import { plainRows, snapshotOf, vm } from './test-snapshot';
import { vmsRemovableMedia } from './vms-removable-media';

describe('vms-removable-media', () => {
  it('lists connected CD/DVD and floppy drives, one row per device', () => {
    const s = snapshotOf({
      vms: [
        vm('iso', { removable: [{ kind: 'cdrom', label: 'CD/DVD drive 1', backing: '[ds1] iso/win.iso', connected: true }] }),
        vm('idle', { removable: [{ kind: 'cdrom', label: 'CD/DVD drive 1', backing: 'VirtualCdromRemotePassthroughBackingInfo', connected: false }] }),
        vm('both', {
          removable: [
            { kind: 'cdrom', label: 'CD/DVD drive 1', backing: '/dev/cdrom', connected: true },
            { kind: 'floppy', label: 'Floppy drive 1', backing: '[ds1] boot.flp', connected: true },
          ],
        }),
        vm('tpl', { template: true, removable: [{ kind: 'cdrom', label: 'CD/DVD drive 1', backing: 'x.iso', connected: true }] }),
      ],
    });
    expect(plainRows(vmsRemovableMedia.run(s, {}))).toEqual([
      { severity: 'warning', vm: 'iso', device: 'CD/DVD drive 1', backing: '[ds1] iso/win.iso' },
      { severity: 'warning', vm: 'both', device: 'CD/DVD drive 1', backing: '/dev/cdrom' },
      { severity: 'warning', vm: 'both', device: 'Floppy drive 1', backing: '[ds1] boot.flp' },
    ]);
  });
});
