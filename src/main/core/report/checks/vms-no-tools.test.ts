import { describe, expect, it } from 'vitest';
import { plainRows, snapshotOf, vm } from './test-snapshot';
import { vmsNoTools } from './vms-no-tools';

describe('vms-no-tools', () => {
  it('lists powered-on VMs whose Tools are not installed or not running', () => {
    const s = snapshotOf({
      vms: [
        vm('ok'),
        vm('none', { toolsStatus: 'toolsNotInstalled', toolsRunningStatus: 'guestToolsNotRunning' }),
        vm('stopped', { toolsStatus: 'toolsNotRunning', host: 'esx2' }),
        vm('old', { toolsStatus: 'toolsOld' }),
        vm('off', { toolsStatus: 'toolsNotInstalled', powerState: 'poweredOff' }),
        vm('tpl', { toolsStatus: 'toolsNotInstalled', template: true }),
      ],
    });
    expect(plainRows(vmsNoTools.run(s, {}))).toEqual([
      { severity: 'warning', vm: 'none', host: 'esx1', toolsStatus: 'toolsNotInstalled' },
      { severity: 'warning', vm: 'stopped', host: 'esx2', toolsStatus: 'toolsNotRunning' },
    ]);
  });
});
