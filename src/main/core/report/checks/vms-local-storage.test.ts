import { describe, expect, it } from 'vitest';
import { datastore, host, plainRows, snapshotOf, vm } from './test-snapshot';
import { vmsLocalStorage } from './vms-local-storage';

describe('vms-local-storage', () => {
  it('lists VMs with files on a datastore one host only mounts, counting the datastores', () => {
    const s = snapshotOf({
      hosts: [host('esx1', { datastoreRefs: ['Datastore:shared', 'Datastore:local1'] }), host('esx2', { datastoreRefs: ['Datastore:shared'] })],
      datastores: [
        datastore('shared', { hostRefs: ['HostSystem:esx1'] }),
        datastore('local1', { hostRefs: ['HostSystem:esx1'] }),
        datastore('local2', { hostRefs: ['HostSystem:esx2'] }),
      ],
      vms: [
        vm('a', { datastoreRefs: ['Datastore:shared'] }),
        vm('b', { datastoreRefs: ['Datastore:shared', 'Datastore:local1'] }),
        vm('c', { host: 'esx2', datastoreRefs: ['Datastore:local2', 'Datastore:local1'] }),
        vm('t', { template: true, datastoreRefs: ['Datastore:local1'] }),
      ],
    });
    const out = vmsLocalStorage.run(s, {});
    // `shared` lists one host itself, but a second host lists it: it is not local.
    expect(plainRows(out)).toEqual([
      { severity: 'warning', vm: 'b', host: 'esx1', datastores: 'local1' },
      { severity: 'warning', vm: 'c', host: 'esx2', datastores: 'local1, local2' },
    ]);
    expect(out.status === 'rows' && out.message).toBe('3 datastores, 2 reachable from one host only');
  });
});
