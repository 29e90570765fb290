import { describe, expect, it } from 'vitest';
import { hostsShellSsh } from './hosts-shell-ssh';
import { host, plainRows, props, snapshotOf } from './test-snapshot';

const services = (...s: [string, boolean, string][]): ReturnType<typeof props> =>
  props({ 'config.service': s.map(([key, running, policy]) => `<service><key>${key}</key><label>${key}</label><running>${running}</running><policy>${policy}</policy></service>`).join('') });

describe('hosts-shell-ssh', () => {
  it('lists running ESXi Shell and SSH services, not stopped ones nor other services', () => {
    const s = snapshotOf({
      hosts: [
        host('a', { props: services(['TSM-SSH', true, 'on'], ['TSM', true, 'off'], ['ntpd', true, 'on']) }),
        host('b', { props: services(['TSM-SSH', false, 'off'], ['TSM', false, 'off']) }),
        host('c'),
      ],
    });
    expect(plainRows(hostsShellSsh.run(s, {}))).toEqual([
      { severity: 'warning', host: 'a', cluster: 'C1', service: 'SSH', policy: 'on' },
      { severity: 'warning', host: 'a', cluster: 'C1', service: 'ESXi Shell', policy: 'off' },
    ]);
  });
});
