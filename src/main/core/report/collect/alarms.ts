import type { CallOptions, VimClient } from '../../vsphere/client';
import { retrieveObjects } from '../../vsphere/property-collector';
import { arrayItems, child, moRef, refKey, text } from '../../vsphere/xml-parse';
import type { EntityInfo, InventorySnapshot } from '../snapshot';

const refOf = (key: string): { type: string; value: string } => {
  const i = key.indexOf(':');
  return { type: key.slice(0, i), value: key.slice(i + 1) };
};

/**
 * What the triggered alarms of the inventory need beyond it: the alarms' names (an AlarmState only holds
 * the alarm's reference) and the root folder's own alarms (the vCenter itself, outside the ContainerView
 * of its descendants). One small retrieval, only when alarms are triggered.
 */
export async function readAlarmContext(client: VimClient, snap: InventorySnapshot, opts: CallOptions): Promise<void> {
  const sc = await client.serviceContent(opts);
  const [root] = await retrieveObjects(client, [sc.rootFolder], ['triggeredAlarmState'], opts);
  if (root?.props.has('triggeredAlarmState')) {
    const vcenter: EntityInfo = { ref: refKey(sc.rootFolder), type: 'Folder', name: snap.vcenter.name, datacenter: null, props: root.props };
    snap.entities = [...snap.entities.filter((e) => e.ref !== vcenter.ref), vcenter];
  }
  const all = [...snap.hosts, ...snap.vms, ...snap.datastores, ...snap.clusters, ...snap.entities];
  const alarms = new Set<string>();
  for (const o of all) {
    for (const s of arrayItems(o.props.get('triggeredAlarmState'))) {
      const a = moRef(child(s, 'alarm'));
      if (a) alarms.add(refKey(a));
    }
  }
  if (alarms.size === 0) return;
  const got = await retrieveObjects(client, [...alarms].map(refOf), ['info.name'], opts);
  for (const o of got) {
    const name = text(o.props.get('info.name'));
    if (name) snap.alarmNames.set(refKey(o.obj), name);
  }
}
