import { describe, expect, it } from 'vitest';
import { hostsDeadPaths } from './hosts-dead-paths';
import { host, plainRows, props, snapshotOf } from './test-snapshot';

const path = (name: string, state: string): string => `<path><key>key-${name}</key><name>${name}</name><pathState>${state}</pathState><state>${state}</state></path>`;
const lun = (id: string, ...paths: string[]): string => `<lun><key>key-${id}</key><id>${id}</id>${paths.join('')}</lun>`;

describe('hosts-dead-paths', () => {
  it('lists dead paths; critical when the LUN has no live path left', () => {
    const s = snapshotOf({
      hosts: [
        host('esx1', {
          props: props({
            'config.storageDevice.multipathInfo': lun('naa.1', path('vmhba1:C0:T0:L1', 'active'), path('vmhba2:C0:T0:L1', 'dead')) + lun('naa.2', path('vmhba1:C0:T0:L2', 'dead')) + lun('naa.3', path('vmhba1:C0:T0:L3', 'standby')),
          }),
        }),
      ],
    });
    expect(plainRows(hostsDeadPaths.run(s, {}))).toEqual([
      { severity: 'warning', host: 'esx1', cluster: 'C1', lun: 'naa.1', path: 'vmhba2:C0:T0:L1', livePaths: 1 },
      { severity: 'critical', host: 'esx1', cluster: 'C1', lun: 'naa.2', path: 'vmhba1:C0:T0:L2', livePaths: 0 },
    ]);
  });
});
