import { describe, expect, it } from 'vitest';
import { plainRows, props, snapshotOf, vm } from './test-snapshot';
import { vmsNicDisconnected } from './vms-nic-disconnected';

const nic = (label: string, connected: boolean, start: boolean): string =>
  `<VirtualDevice xsi:type="VirtualVmxnet3"><key>4000</key><deviceInfo><label>${label}</label><summary>VM Network</summary></deviceInfo><connectable><startConnected>${start}</startConnected><allowGuestControl>true</allowGuestControl><connected>${connected}</connected></connectable><addressType>assigned</addressType><macAddress>00:50:56:00:00:01</macAddress></VirtualDevice>`;
const cdrom = '<VirtualDevice xsi:type="VirtualCdrom"><key>3000</key><deviceInfo><label>CD/DVD drive 1</label></deviceInfo><connectable><connected>false</connected></connectable></VirtualDevice>';

describe('vms-nic-disconnected', () => {
  it('lists the disconnected network adapters of powered-on VMs (not CD drives, not powered-off VMs)', () => {
    const s = snapshotOf({
      vms: [
        vm('ok', { props: props({ 'config.hardware.device': nic('Network adapter 1', true, true) + cdrom }) }),
        vm('cut', { props: props({ 'config.hardware.device': nic('Network adapter 1', true, true) + nic('Network adapter 2', false, true) }) }),
        vm('off', { powerState: 'poweredOff', props: props({ 'config.hardware.device': nic('Network adapter 1', false, false) }) }),
      ],
    });
    expect(plainRows(vmsNicDisconnected.run(s, {}))).toEqual([
      { severity: 'warning', vm: 'cut', host: 'esx1', adapter: 'Network adapter 2', network: 'VM Network', connectAtPowerOn: true },
    ]);
  });
});
