import { describe, expect, it } from 'vitest';
import { plainRows, props, snapshotOf, vm } from './test-snapshot';
import { hardwareVersion, vmsHardwareOld } from './vms-hardware-old';

describe('vms-hardware-old', () => {
  const v = (name: string, version: string): ReturnType<typeof vm> => vm(name, { props: props({ 'config.version': version }) });
  it('lists VMs under the version threshold, oldest first', () => {
    const s = snapshotOf({ vms: [v('new', 'vmx-19'), v('edge', 'vmx-13'), v('old', 'vmx-11'), v('older', 'vmx-8'), vm('unknown')] });
    expect(plainRows(vmsHardwareOld.run(s, { version: 13 }))).toEqual([
      { severity: 'warning', vm: 'older', host: 'esx1', hardwareVersion: 8 },
      { severity: 'warning', vm: 'old', host: 'esx1', hardwareVersion: 11 },
    ]);
    expect(plainRows(vmsHardwareOld.run(s, { version: 14 })).map((r) => r.vm)).toEqual(['older', 'old', 'edge']);
  });
  it('reads vmx-NN only', () => {
    expect([hardwareVersion('vmx-07'), hardwareVersion('vmx-21'), hardwareVersion('7'), hardwareVersion(undefined)]).toEqual([7, 21, null, null]);
  });
});
