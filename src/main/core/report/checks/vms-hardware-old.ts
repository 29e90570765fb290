import { text } from '../../vsphere/xml-parse';
import type { SnapshotCheck } from '../snapshot';
import { thresholdNumber } from '../thresholds';

/** vmx-13 → 13; null for a value that is not a hardware version. */
export function hardwareVersion(v: string | undefined): number | null {
  const m = /^vmx-(\d+)$/.exec(v?.trim() ?? '');
  return m?.[1] ? Number(m[1]) : null;
}

/** VMs and templates whose virtual hardware is older than version N (config.version, vmx-NN). */
export const vmsHardwareOld: SnapshotCheck = {
  id: 'vms-hardware-old',
  title: { en: 'VMs with virtual hardware older than version {version}', fr: 'VM avec un matériel virtuel antérieur à la version {version}' },
  defaults: { version: 13 },
  columns: ['vm', 'host', 'hardwareVersion'],
  columnLabels: {
    vm: { en: 'VM', fr: 'VM' },
    host: { en: 'Host', fr: 'Hôte' },
    hardwareVersion: { en: 'Hardware version', fr: 'Version du matériel' },
  },
  needs: { properties: [{ type: 'VirtualMachine', paths: ['config.version'] }] },
  identity: ['vm'],
  subjects: { vm: 'vm', host: 'host' },
  run(snapshot, t) {
    const min = thresholdNumber(t, 'version', 13);
    const rows = [];
    for (const v of snapshot.vms) {
      const version = hardwareVersion(text(v.props.get('config.version')));
      if (version === null || version >= min) continue;
      rows.push({ severity: 'warning' as const, cells: { vm: v.name, host: v.host, hardwareVersion: version } });
    }
    rows.sort((a, b) => a.cells.hardwareVersion - b.cells.hardwareVersion || a.cells.vm.localeCompare(b.cells.vm));
    return { status: 'rows', rows };
  },
};
