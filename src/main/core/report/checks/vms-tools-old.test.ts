import { describe, expect, it } from 'vitest';
import { plainRows, props, snapshotOf, vm } from './test-snapshot';
import { vmsToolsOld } from './vms-tools-old';

const tools = (status: string, version = '12345'): ReturnType<typeof props> =>
  props({ 'guest.toolsVersionStatus2': status, 'guest.toolsVersion': version });

describe('vms-tools-old', () => {
  it('lists VMs whose Tools need an upgrade; too old is critical; current, unmanaged and templates are left out', () => {
    const s = snapshotOf({
      vms: [
        vm('current', { props: tools('guestToolsCurrent') }),
        vm('upgrade', { props: tools('guestToolsNeedUpgrade', '10249') }),
        vm('ancient', { props: tools('guestToolsTooOld', '8300') }),
        vm('unmanaged', { props: tools('guestToolsUnmanaged') }),
        vm('tpl', { template: true, props: tools('guestToolsNeedUpgrade') }),
      ],
    });
    expect(plainRows(vmsToolsOld.run(s, {}))).toEqual([
      { severity: 'warning', vm: 'upgrade', host: 'esx1', toolsVersion: '10249', toolsVersionStatus: 'guestToolsNeedUpgrade' },
      { severity: 'critical', vm: 'ancient', host: 'esx1', toolsVersion: '8300', toolsVersionStatus: 'guestToolsTooOld' },
    ]);
  });
});
