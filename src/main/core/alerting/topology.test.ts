import { describe, expect, it } from 'vitest';
import type { DeviceConfig, DeviceSnapshot } from '../../../shared/contract/devices';
import { buildTopology, declaredCycle, topologyCache } from './topology';

function device(id: string, over: Partial<DeviceConfig> = {}): DeviceConfig {
  return {
    id,
    name: id,
    kind: 'snmp',
    family: 'auto',
    host: `${id}.lab.local`,
    port: null,
    intervalSeconds: 60,
    enabled: true,
    snmp: { version: '2c', timeoutMs: 2000, retries: 1, user: '', level: 'authPriv', authProtocol: 'sha', privProtocol: 'aes', context: '' },
    vsphere: null,
    http: null,
    watchedProcesses: [],
    parentId: null,
    hasSecret: true,
    detectedFamily: null,
    createdAt: 1_700_000_000_000,
    ...over,
  };
}

/** The shape of the vsphere family's tables as live-result.ts writes them (hosts: name…; vms: name, host…). */
function vcenterSnapshot(): DeviceSnapshot {
  return {
    at: 1_700_000_000_000,
    family: 'vsphere',
    identity: {},
    metrics: [],
    state: 'ok',
    problems: [],
    tables: {
      hosts: [
        { name: 'esx01.lab.local', cluster: 'prod', connectionState: 'connected', status: 'ok', vms: 2 },
        { name: 'esx02.lab.local', cluster: 'prod', connectionState: 'connected', status: 'ok', vms: 1 },
      ],
      vms: [
        { name: 'web01', powerState: 'poweredOn', host: 'esx01.lab.local', tools: 'toolsOk' },
        { name: 'db01', powerState: 'poweredOn', host: 'esx02.lab.local', tools: 'toolsOk' },
        { name: 'app01', powerState: 'poweredOn', host: 'esx01.lab.local', tools: 'toolsOk' },
      ],
    },
  };
}

describe('buildTopology', () => {
  it('follows declared parents, transitively', () => {
    const t = buildTopology({
      configs: [device('ups'), device('switch', { parentId: 'ups' }), device('srv1', { parentId: 'switch' }), device('srv2', { parentId: 'switch' })],
      snapshots: new Map(),
    });
    expect(t.parentsOf('srv1')).toEqual(['switch']);
    expect(t.childrenOf('switch')).toEqual(['srv1', 'srv2']);
    expect(t.descendantsOf('ups')).toEqual(['switch', 'srv1', 'srv2']);
    expect(t.ancestorsOf('srv2')).toEqual(['switch', 'ups']);
  });

  it('derives parents from a vCenter host and VM table', () => {
    const configs = [
      device('vc', { kind: 'vsphere', host: 'vcenter.lab.local', snmp: null, vsphere: { user: 'u', tlsFingerprint: null } }),
      device('esx01', { host: 'esx01.lab.local' }), // the ESX host monitored over SNMP
      device('web01', { host: 'web01.lab.local' }), // a VM on esx01, polled by its FQDN
      device('db01', { host: '10.0.0.21', name: 'db01' }), // a VM on esx02 (not monitored): hangs on the vCenter
      device('lonely', { host: '10.9.9.9' }),
    ];
    const t = buildTopology({ configs, snapshots: new Map([['vc', vcenterSnapshot()]]) });
    expect(t.parentsOf('esx01')).toEqual(['vc']);
    expect(t.parentsOf('web01')).toEqual(['esx01']);
    expect(t.parentsOf('db01')).toEqual(['vc']);
    expect(t.parentsOf('lonely')).toEqual([]);
    expect(t.descendantsOf('vc')).toEqual(['esx01', 'db01', 'web01']);
    expect(t.edges.map((e) => `${e.child}->${e.parent}:${e.origin}`).sort()).toEqual([
      'db01->vc:vm-vcenter',
      'esx01->vc:vcenter-host',
      'web01->esx01:vm-host',
    ]);
  });

  it('never lets a derived parent override a declared one', () => {
    const configs = [
      device('vc', { kind: 'vsphere', host: 'vcenter.lab.local', snmp: null, vsphere: { user: 'u', tlsFingerprint: null } }),
      device('ups'),
      device('web01', { host: 'web01.lab.local', parentId: 'ups' }),
    ];
    const t = buildTopology({ configs, snapshots: new Map([['vc', vcenterSnapshot()]]) });
    expect(t.parentsOf('web01')).toEqual(['ups']);
  });

  it('ignores an edge that would close a cycle, and leaves disabled devices out', () => {
    // Declared a → b → c → a (an old settings file; the form refuses it now).
    const t = buildTopology({
      configs: [device('a', { parentId: 'b' }), device('b', { parentId: 'c' }), device('c', { parentId: 'a' }), device('off', { enabled: false, parentId: 'a' })],
      snapshots: new Map(),
    });
    expect(t.edges).toHaveLength(2);
    expect(t.ignored).toEqual([{ child: 'c', parent: 'a', origin: 'declared' }]);
    expect(t.parentsOf('c')).toEqual([]);
    expect(t.childrenOf('a')).toEqual([]);
  });
});

describe('declaredCycle', () => {
  const configs = [
    { id: 'ups', parentId: null },
    { id: 'switch', parentId: 'ups' },
    { id: 'srv', parentId: 'switch' },
  ];
  it('finds the loop a new parent would close', () => {
    expect(declaredCycle(configs, 'ups', 'srv')).toEqual(['ups', 'srv', 'switch', 'ups']);
    expect(declaredCycle(configs, 'srv', 'srv')).toEqual(['srv', 'srv']);
  });
  it('accepts a parent that closes no loop', () => {
    expect(declaredCycle(configs, 'srv', 'ups')).toBeNull();
    expect(declaredCycle(configs, 'ups', null)).toBeNull();
    expect(declaredCycle([...configs, { id: 'new', parentId: null }], 'new', 'srv')).toBeNull();
  });
});

describe('topologyCache', () => {
  it('rebuilds at once when the inventory changes, else at most every maxAgeMs', () => {
    let now = 0;
    let configs = [device('ups'), device('srv')];
    let snapshotReads = 0;
    const topology = topologyCache(
      () => configs,
      () => {
        snapshotReads++;
        return new Map();
      },
      { now: () => now },
    );
    expect(topology().childrenOf('ups')).toEqual([]);
    configs = [device('ups'), device('srv', { parentId: 'ups' })]; // saved from the form: a new array
    expect(topology().childrenOf('ups')).toEqual(['srv']);
    now += 5000;
    topology();
    expect(snapshotReads).toBe(2);
    now += 5000;
    topology();
    expect(snapshotReads).toBe(3);
  });
});
