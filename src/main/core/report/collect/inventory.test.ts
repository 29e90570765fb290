import { describe, expect, it } from 'vitest';
import type { ObjectContent } from '../../vsphere/property-collector';
import { parseXml, type XmlNode } from '../../vsphere/xml-parse';
import { parseInventory } from './inventory';

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** An ObjectContent from property values written as vim25 XML. */
function obj(type: string, value: string, props: Record<string, string>): ObjectContent {
  const map = new Map<string, XmlNode>();
  for (const [k, xml] of Object.entries(props)) {
    // `ref:Type:value` is a managed object reference: vim25 puts the type on the <val> element itself.
    const m = /^ref:(\w+):(.+)$/.exec(xml);
    const root = parseXml(m ? `<val ${XSI} type="${m[1]}" xsi:type="ManagedObjectReference">${m[2]}</val>` : `<val ${XSI}>${xml}</val>`);
    map.set(k, (root.val as XmlNode | undefined) ?? '');
  }
  return { obj: { type, value }, props: map, missing: [] };
}

describe('inventory parsing', () => {
  const objects = [
    obj('Datacenter', 'dc-1', { name: 'DC1', parent: 'ref:Folder:group-d1' }),
    obj('Folder', 'group-v1', { name: 'vm', parent: 'ref:Datacenter:dc-1' }),
    obj('Folder', 'group-v2', { name: 'Prod', parent: 'ref:Folder:group-v1' }),
    obj('Folder', 'group-h1', { name: 'host', parent: 'ref:Datacenter:dc-1' }),
    obj('ClusterComputeResource', 'domain-c1', { name: 'C1', parent: 'ref:Folder:group-h1' }),
    obj('HostSystem', 'host-1', {
      name: 'esx1',
      parent: 'ref:ClusterComputeResource:domain-c1',
      'runtime.connectionState': 'connected',
      'runtime.inMaintenanceMode': 'false',
      'config.dateTimeInfo': '<timeZone><key>UTC</key></timeZone><ntpConfig><server>ntp1</server><server>ntp2</server></ntpConfig>',
      'config.service': '<service><key>TSM</key><running>false</running></service><service><key>ntpd</key><running>true</running></service>',
    }),
    obj('VirtualMachine', 'vm-1', {
      name: 'app &amp; db',
      parent: 'ref:Folder:group-v2',
      'runtime.host': 'ref:HostSystem:host-1',
      'runtime.powerState': 'poweredOn',
      'config.template': 'false',
      snapshot:
        '<currentSnapshot type="VirtualMachineSnapshot">snapshot-2</currentSnapshot><rootSnapshotList><snapshot type="VirtualMachineSnapshot">snapshot-1</snapshot><name>root</name><description>d</description><createTime>2026-05-01T00:00:00Z</createTime><childSnapshotList><snapshot type="VirtualMachineSnapshot">snapshot-2</snapshot><name>child</name><description></description><createTime>2026-05-10T00:00:00Z</createTime></childSnapshotList></rootSnapshotList>',
      'config.hardware.device':
        '<VirtualDevice xsi:type="VirtualCdrom"><key>3000</key><deviceInfo><label>CD/DVD drive 1</label></deviceInfo><backing xsi:type="VirtualCdromIsoBackingInfo"><fileName>[ds] a.iso</fileName></backing><connectable><connected>true</connected></connectable></VirtualDevice><VirtualDevice xsi:type="VirtualDisk"><key>2000</key></VirtualDevice>',
    }),
  ];

  it('places hosts and VMs in their datacenter, cluster and folders, and reads NTP, snapshots and drives', () => {
    const inv = parseInventory(objects);
    expect(inv.hosts).toEqual([
      expect.objectContaining({ name: 'esx1', cluster: 'C1', datacenter: 'DC1', folders: ['host'], ntpServers: ['ntp1', 'ntp2'], ntpdRunning: true }),
    ]);
    const vm = inv.vms[0];
    expect(vm).toMatchObject({ name: 'app & db', host: 'esx1', cluster: 'C1', datacenter: 'DC1', folders: ['Prod', 'vm'], powerState: 'poweredOn', template: false });
    expect(vm?.snapshots.map((s) => [s.name, s.ref, s.created.toISOString()])).toEqual([
      ['root', 'snapshot-1', '2026-05-01T00:00:00.000Z'],
      ['child', 'snapshot-2', '2026-05-10T00:00:00.000Z'],
    ]);
    expect(vm?.removable).toEqual([{ kind: 'cdrom', label: 'CD/DVD drive 1', backing: '[ds] a.iso', connected: true }]);
    expect(inv.clusters.map(({ props: _p, ...c }) => c)).toEqual([{ ref: 'ClusterComputeResource:domain-c1', name: 'C1', datacenter: 'DC1', folders: ['host'], hostRefs: [] }]);
  });
});
