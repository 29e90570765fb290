import { arrayItems, bool, child, text, type XmlNode } from '../../vsphere/xml-parse';
import type { CheckFinding } from '../check';
import type { SnapshotCheck } from '../snapshot';

interface Policy {
  promiscuous: boolean;
  macChanges: boolean;
  forgedTransmits: boolean;
}

/** A standard port group's effective policy: computedPolicy (what the switch's defaults resolve to), else its own. */
function standardPolicy(pg: XmlNode): Policy | null {
  const sec = child(pg, 'computedPolicy', 'security') ?? child(pg, 'spec', 'policy', 'security');
  if (sec === undefined) return null;
  return { promiscuous: bool(sec, 'allowPromiscuous') ?? false, macChanges: bool(sec, 'macChanges') ?? false, forgedTransmits: bool(sec, 'forgedTransmits') ?? false };
}

/** A distributed port group's default port policy (BoolPolicy values). */
function distributedPolicy(cfg: XmlNode | undefined): Policy | null {
  const sec = child(cfg, 'securityPolicy');
  if (sec === undefined) return null;
  return {
    promiscuous: bool(sec, 'allowPromiscuous', 'value') ?? false,
    macChanges: bool(sec, 'macChanges', 'value') ?? false,
    forgedTransmits: bool(sec, 'forgedTransmits', 'value') ?? false,
  };
}

/**
 * Port groups that accept promiscuous mode, forged transmits or MAC address changes: standard ones per host
 * (config.network.portgroup), distributed ones once (config.defaultPortConfig). Promiscuous mode is critical
 * (a VM can read its neighbours' traffic); the other two are warnings.
 */
export const networkSecurity: SnapshotCheck = {
  id: 'network-security',
  title: { en: 'Port groups accepting promiscuous mode, forged transmits or MAC changes', fr: 'Groupes de ports acceptant le mode promiscuité, les transmissions forgées ou les changements de MAC' },
  defaults: {},
  columns: ['portGroup', 'switch', 'host', 'promiscuous', 'forgedTransmits', 'macChanges'],
  columnLabels: {
    portGroup: { en: 'Port group', fr: 'Groupe de ports' },
    switch: { en: 'Switch', fr: 'Commutateur' },
    host: { en: 'Host', fr: 'Hôte' },
    promiscuous: { en: 'Promiscuous', fr: 'Promiscuité' },
    forgedTransmits: { en: 'Forged transmits', fr: 'Transmissions forgées' },
    macChanges: { en: 'MAC changes', fr: 'Changements de MAC' },
  },
  needs: {
    properties: [
      { type: 'HostSystem', paths: ['config.network.portgroup'] },
      { type: 'DistributedVirtualPortgroup', paths: ['name', 'parent', 'config.defaultPortConfig'] },
    ],
  },
  identity: ['portGroup', 'switch', 'host'],
  subjects: { host: 'host' },
  run(snapshot) {
    const rows: CheckFinding[] = [];
    const push = (portGroup: string, sw: string, host: string | null, p: Policy | null): void => {
      if (!p || (!p.promiscuous && !p.macChanges && !p.forgedTransmits)) return;
      rows.push({
        severity: p.promiscuous ? ('critical' as const) : ('warning' as const),
        cells: { portGroup, switch: sw, host, promiscuous: p.promiscuous, forgedTransmits: p.forgedTransmits, macChanges: p.macChanges },
      });
    };
    for (const h of snapshot.hosts) {
      for (const pg of arrayItems(h.props.get('config.network.portgroup'))) {
        push(text(pg, 'spec', 'name') ?? '', text(pg, 'spec', 'vswitchName') ?? '', h.name, standardPolicy(pg));
      }
    }
    for (const e of snapshot.entities) {
      if (e.type !== 'DistributedVirtualPortgroup') continue;
      push(e.name, 'distributed', null, distributedPolicy(e.props.get('config.defaultPortConfig')));
    }
    return { status: 'rows', rows };
  },
};
