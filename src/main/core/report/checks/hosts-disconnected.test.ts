import { describe, expect, it } from 'vitest';
import { hostsDisconnected } from './hosts-disconnected';
import { host, plainRows, snapshotOf } from './test-snapshot';

describe('hosts-disconnected', () => {
  it('lists hosts not connected; not responding is critical', () => {
    const snap = snapshotOf({
      hosts: [host('esx1'), host('esx2', { connectionState: 'disconnected' }), host('esx3', { connectionState: 'notResponding', cluster: null })],
    });
    expect(plainRows(hostsDisconnected.run(snap, {}))).toEqual([
      { severity: 'warning', host: 'esx2', cluster: 'C1', state: 'disconnected' },
      { severity: 'critical', host: 'esx3', cluster: null, state: 'notResponding' },
    ]);
  });
  it('nothing when all are connected', () => {
    expect(plainRows(hostsDisconnected.run(snapshotOf({ hosts: [host('esx1')] }), {}))).toEqual([]);
  });
});
