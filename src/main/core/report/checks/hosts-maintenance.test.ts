import { describe, expect, it } from 'vitest';
import { hostsMaintenance } from './hosts-maintenance';
import { host, plainRows, snapshotOf } from './test-snapshot';

describe('hosts-maintenance', () => {
  it('lists hosts in maintenance mode, connected or not', () => {
    const snap = snapshotOf({
      hosts: [host('esx1'), host('esx2', { inMaintenance: true }), host('esx3', { inMaintenance: true, connectionState: 'disconnected', cluster: 'C2' })],
    });
    expect(plainRows(hostsMaintenance.run(snap, {}))).toEqual([
      { severity: 'warning', host: 'esx2', cluster: 'C1' },
      { severity: 'warning', host: 'esx3', cluster: 'C2' },
    ]);
  });
});
