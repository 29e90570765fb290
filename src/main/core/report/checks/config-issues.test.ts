import { describe, expect, it } from 'vitest';
import { configIssues } from './config-issues';
import { cluster, host, plainRows, props, snapshotOf } from './test-snapshot';

describe('config-issues', () => {
  it('lists each configuration issue of clusters and hosts with its message and time', () => {
    const s = snapshotOf({
      clusters: [
        cluster('C1', {
          props: props({
            configIssue: '<Event xsi:type="InsufficientFailoverResourcesEvent"><key>1</key><createdTime>2026-06-14T08:00:00Z</createdTime><fullFormattedMessage>Insufficient resources to satisfy HA failover level</fullFormattedMessage></Event>',
          }),
        }),
      ],
      hosts: [
        host('esx1', {
          props: props({
            configIssue:
              '<Event xsi:type="GeneralHostWarningEvent"><createdTime>2026-06-15T09:00:00Z</createdTime><fullFormattedMessage>No management network redundancy</fullFormattedMessage></Event><Event xsi:type="HostNoHAEnabledPortGroupsEvent"><createdTime>2026-06-15T09:30:00Z</createdTime></Event>',
          }),
        }),
        host('esx2'),
      ],
    });
    expect(plainRows(configIssues.run(s, {}))).toEqual([
      { severity: 'warning', cluster: 'C1', host: null, issue: 'Insufficient resources to satisfy HA failover level', time: '2026-06-14T08:00:00.000Z' },
      { severity: 'warning', cluster: 'C1', host: 'esx1', issue: 'No management network redundancy', time: '2026-06-15T09:00:00.000Z' },
      // No message: the event type says what it is.
      { severity: 'warning', cluster: 'C1', host: 'esx1', issue: 'HostNoHAEnabledPortGroupsEvent', time: '2026-06-15T09:30:00.000Z' },
    ]);
  });
});
