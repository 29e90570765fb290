import { describe, expect, it } from 'vitest';
import { plainRows, snapshotOf } from './test-snapshot';
import { vcenterHealth } from './vcenter-health';

describe('vcenter-health', () => {
  it('lists components that are not green; red and orange are critical', () => {
    const s = snapshotOf({
      health: [
        { component: 'system', status: 'green', message: '' },
        { component: 'storage', status: 'yellow', message: 'storage is yellow' },
        { component: 'mem', status: 'red', message: 'mem is red' },
        { component: 'load', status: 'orange', message: 'load is orange' },
      ],
    });
    expect(plainRows(vcenterHealth.run(s, {}))).toEqual([
      { severity: 'warning', component: 'storage', status: 'yellow', message: 'storage is yellow' },
      { severity: 'critical', component: 'mem', status: 'red', message: 'mem is red' },
      { severity: 'critical', component: 'load', status: 'orange', message: 'load is orange' },
    ]);
  });
});
