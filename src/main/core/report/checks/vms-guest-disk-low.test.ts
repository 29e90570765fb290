import { describe, expect, it } from 'vitest';
import { plainRows, props, snapshotOf, vm } from './test-snapshot';
import { vmsGuestDiskLow } from './vms-guest-disk-low';

const MB = 1024 * 1024;
const disks = (...d: [string, number, number][]): ReturnType<typeof props> =>
  props({ 'guest.disk': d.map(([path, capMb, freeMb]) => `<GuestDiskInfo><diskPath>${path}</diskPath><capacity>${capMb * MB}</capacity><freeSpace>${freeMb * MB}</freeSpace></GuestDiskInfo>`).join('') });

describe('vms-guest-disk-low', () => {
  it('lists filesystems under X MB or Y % free (critical when both) and names the VMs without Tools apart', () => {
    const s = snapshotOf({
      vms: [
        vm('fine', { props: disks(['C:\\', 100_000, 50_000]) }),
        vm('big', { props: disks(['/', 1_000_000, 50_000], ['/boot', 1000, 900]) }),
        vm('small', { props: disks(['/var', 5000, 800]) }),
        vm('full', { props: disks(['C:\\', 100_000, 500]) }),
        vm('notools', { toolsStatus: 'toolsNotRunning', toolsRunningStatus: 'guestToolsNotRunning' }),
        vm('off', { powerState: 'poweredOff', toolsRunningStatus: 'guestToolsNotRunning' }),
      ],
    });
    const out = vmsGuestDiskLow.run(s, { mb: 1024, percent: 10 });
    expect(plainRows(out)).toEqual([
      { severity: 'warning', vm: 'big', host: 'esx1', disk: '/', capacityMB: 1_000_000, freeMB: 50_000, percentFree: 5 },
      // 90 % free but under 1,024 MB: either limit lists it.
      { severity: 'warning', vm: 'big', host: 'esx1', disk: '/boot', capacityMB: 1000, freeMB: 900, percentFree: 90 },
      { severity: 'warning', vm: 'small', host: 'esx1', disk: '/var', capacityMB: 5000, freeMB: 800, percentFree: 16 },
      { severity: 'critical', vm: 'full', host: 'esx1', disk: 'C:\\', capacityMB: 100_000, freeMB: 500, percentFree: 0.5 },
    ]);
    expect(out.status === 'rows' && out.message).toBe('guest disks unknown, VMware Tools not running on 1 powered-on VM(s): notools');
  });
});
