import { arrayItems, bool, child, text } from '../../vsphere/xml-parse';
import type { SnapshotCheck } from '../snapshot';

/** Powered-on VMs with a network adapter not connected: the guest thinks it has a network it does not have. */
export const vmsNicDisconnected: SnapshotCheck = {
  id: 'vms-nic-disconnected',
  title: { en: 'Powered-on VMs with a network adapter not connected', fr: 'VM allumées avec une carte réseau non connectée' },
  defaults: {},
  columns: ['vm', 'host', 'adapter', 'network', 'connectAtPowerOn'],
  columnLabels: {
    vm: { en: 'VM', fr: 'VM' },
    host: { en: 'Host', fr: 'Hôte' },
    adapter: { en: 'Adapter', fr: 'Carte' },
    network: { en: 'Network', fr: 'Réseau' },
    connectAtPowerOn: { en: 'Connect at power on', fr: 'Connectée au démarrage' },
  },
  needs: { properties: [{ type: 'VirtualMachine', paths: ['config.hardware.device'] }] },
  identity: ['vm', 'adapter'],
  subjects: { vm: 'vm', host: 'host' },
  run(snapshot) {
    const rows = [];
    for (const v of snapshot.vms) {
      if (v.template || v.powerState !== 'poweredOn') continue;
      for (const d of arrayItems(v.props.get('config.hardware.device'))) {
        // Every VirtualEthernetCard subtype (E1000, Vmxnet3…) and only those carry a MAC address type.
        if (child(d, 'addressType') === undefined) continue;
        if (bool(d, 'connectable', 'connected') !== false) continue;
        rows.push({
          severity: 'warning' as const,
          cells: {
            vm: v.name,
            host: v.host,
            adapter: text(d, 'deviceInfo', 'label') ?? `NIC ${text(d, 'key') ?? ''}`.trim(),
            network: text(d, 'deviceInfo', 'summary') ?? null,
            connectAtPowerOn: bool(d, 'connectable', 'startConnected') ?? null,
          },
        });
      }
    }
    return { status: 'rows', rows };
  },
};
