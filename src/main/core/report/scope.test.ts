import { describe, expect, it } from 'vitest';
import { cluster, datastore, event, host, vm } from './checks/test-snapshot';
import type { ParsedInventory } from './collect/inventory';
import { scopeFilter } from './scope';

const inv: ParsedInventory = {
  hosts: [host('esx1', { cluster: 'Prod' }), host('esx2', { cluster: 'Test' }), host('solo', { cluster: null, datacenter: 'DC2', folders: ['Edge', 'host'] })],
  vms: [
    vm('web', { hostRef: 'HostSystem:esx1', cluster: 'Prod', folders: ['Web', 'vm'] }),
    vm('lab', { hostRef: 'HostSystem:esx2', cluster: 'Test', folders: ['vm'] }),
    vm('edge', { hostRef: 'HostSystem:solo', cluster: null, datacenter: 'DC2', folders: ['vm'] }),
  ],
  datastores: [
    datastore('shared', { hostRefs: ['HostSystem:esx1', 'HostSystem:esx2'] }),
    datastore('testonly', { hostRefs: ['HostSystem:esx2'] }),
    datastore('dc2', { datacenter: 'DC2', hostRefs: ['HostSystem:solo'] }),
  ],
  clusters: [
    cluster('Prod', { ref: 'ClusterComputeResource:c1' }),
    cluster('Test', { ref: 'ClusterComputeResource:c2' }),
  ],
  entities: [],
};
const names = (xs: readonly { name: string }[]): string[] => xs.map((x) => x.name);

describe('scope filter', () => {
  it('an empty scope keeps everything', () => {
    expect(scopeFilter({ datacenters: [], clusters: [], folders: [''] }).inventory(inv)).toBe(inv);
  });
  it('a cluster keeps its hosts, their VMs and the datastores they mount', () => {
    const kept = scopeFilter({ datacenters: [], clusters: ['prod'], folders: [] }).inventory(inv);
    expect([names(kept.hosts), names(kept.vms), names(kept.datastores), names(kept.clusters)]).toEqual([['esx1'], ['web'], ['shared'], ['Prod']]);
  });
  it('a datacenter and a folder pattern', () => {
    const dc = scopeFilter({ datacenters: ['DC2'], clusters: [], folders: [] }).inventory(inv);
    expect([names(dc.hosts), names(dc.vms), names(dc.datastores), names(dc.clusters)]).toEqual([['solo'], ['edge'], ['dc2'], []]);
    const folder = scopeFilter({ datacenters: [], clusters: [], folders: ['W*'] }).inventory(inv);
    expect(names(folder.vms)).toEqual(['web']);
  });
  it('events follow their VM or host; a removed VM is judged by the datacenter and cluster names it carries', () => {
    const f = scopeFilter({ datacenters: [], clusters: ['Prod'], folders: [] });
    const kept = f.inventory(inv);
    const events = [
      event('DrsVmMigratedEvent', { vm: 'web', vmRef: 'VirtualMachine:web' }),
      event('DrsVmMigratedEvent', { vm: 'lab', vmRef: 'VirtualMachine:lab', computeResource: 'Prod' }),
      event('VmRemovedEvent', { vm: 'gone', vmRef: 'VirtualMachine:gone', computeResource: 'Prod' }),
      event('VmRemovedEvent', { vm: 'other', vmRef: 'VirtualMachine:other', computeResource: 'Test' }),
      event('HostConnectionLostEvent', { host: 'esx2', hostRef: 'HostSystem:esx2' }),
    ];
    expect(f.events(events, kept, inv).map((e) => e.vm ?? e.host)).toEqual(['web', 'gone']);
  });
});
