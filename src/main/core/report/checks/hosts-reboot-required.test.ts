import { describe, expect, it } from 'vitest';
import { hostsRebootRequired } from './hosts-reboot-required';
import { host, plainRows, props, snapshotOf } from './test-snapshot';

describe('hosts-reboot-required', () => {
  it('lists hosts whose summary says a reboot is required', () => {
    const s = snapshotOf({
      hosts: [host('a', { props: props({ 'summary.rebootRequired': 'true' }) }), host('b', { props: props({ 'summary.rebootRequired': 'false' }) }), host('c', { cluster: null, props: props({ 'summary.rebootRequired': 'true' }) })],
    });
    expect(plainRows(hostsRebootRequired.run(s, {}))).toEqual([
      { severity: 'warning', host: 'a', cluster: 'C1' },
      { severity: 'warning', host: 'c', cluster: null },
    ]);
  });
});
