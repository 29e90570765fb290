import { describe, expect, it } from 'vitest';
import { datastoresNotOnAllHosts } from './datastores-not-on-all-hosts';
import { cluster, datastore, host, plainRows, snapshotOf } from './test-snapshot';

describe('datastores-not-on-all-hosts', () => {
  it('lists shared datastores missing on some hosts of a cluster, from both mount lists; local ones are left out', () => {
    const s = snapshotOf({
      hosts: [host('esx1', { datastoreRefs: ['Datastore:half'] }), host('esx2'), host('esx3')],
      clusters: [cluster('C1', { hostRefs: ['HostSystem:esx1', 'HostSystem:esx2', 'HostSystem:esx3'] })],
      datastores: [
        datastore('all', { hostRefs: ['HostSystem:esx1', 'HostSystem:esx2', 'HostSystem:esx3'] }),
        // esx1 lists it on its side only.
        datastore('half', { hostRefs: ['HostSystem:esx2'] }),
        datastore('local', { hostRefs: ['HostSystem:esx3'] }),
      ],
    });
    expect(plainRows(datastoresNotOnAllHosts.run(s, {}))).toEqual([{ severity: 'warning', cluster: 'C1', datastore: 'half', mounted: '2/3', missingHosts: 'esx3' }]);
  });
});
