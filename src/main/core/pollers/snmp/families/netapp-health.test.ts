import { describe, expect, it } from 'vitest';
import { MetricList } from '../../metric-list';
import type { NetappScalars } from '../mibs/netapp';
import { failoverText, globalSeverity, healthFromScalars, nvramSeverity } from './netapp-health';

function scalars(over: Partial<NetappScalars>): NetappScalars {
  return {
    model: null,
    version: null,
    firmware: null,
    serial: null,
    uptimeSeconds: null,
    cpuBusyPercent: null,
    cpuCount: null,
    globalStatus: null,
    globalStatusMessage: null,
    counters: { nfsOps: null, cifsOps: null, httpOps: null, iscsiOps: null, netRcvd: null, netSent: null, diskRead: null, diskWrite: null },
    cfSettings: null,
    cfState: null,
    cfPartnerStatus: null,
    cfPartnerName: null,
    cfInterconnectStatus: null,
    overTemperature: null,
    failedFans: null,
    failedFanMessage: null,
    failedPowerSupplies: null,
    failedPowerSupplyMessage: null,
    nvramBattery: null,
    fsOverallStatus: null,
    fsStatusMessage: null,
    disksTotal: null,
    disksFailed: null,
    disksSpare: null,
    diskFailedMessage: null,
    ...over,
  };
}

describe('NetApp health', () => {
  it('maps miscGlobalStatus to a severity', () => {
    expect([1, 2, 3, 4, 5, 6, null].map(globalSeverity)).toEqual([null, null, 0, 1, 2, 2, null]);
  });

  it('maps the NVRAM battery', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(nvramSeverity)).toEqual([null, 'warning', 'critical', null, 'warning', 'critical', null, 'warning', null]);
  });

  it('states failed parts with the filer own messages, and failover trouble only when failover is enabled', () => {
    const metrics = new MetricList();
    const problems = healthFromScalars(
      scalars({
        globalStatus: 5,
        globalStatusMessage: 'Disk shelf fault.',
        disksFailed: 2,
        diskFailedMessage: 'Disk 0a.17 failed.',
        failedFans: 0,
        overTemperature: true,
        cfSettings: 2,
        cfState: 3,
        cfPartnerName: 'filer-b',
        cfPartnerStatus: 3,
        cfInterconnectStatus: 2,
      }),
      metrics,
    );
    expect(problems).toEqual([
      { id: 'netapp-global-status', severity: 'critical', message: 'Global status critical: Disk shelf fault.' },
      { id: 'netapp-failed-disks', severity: 'critical', message: 'Disk 0a.17 failed.' },
      { id: 'netapp-over-temperature', severity: 'critical', message: 'The filer is over temperature' },
      { severity: 'warning', message: 'Cluster failover: cannot take over filer-b' },
      { severity: 'critical', message: 'Failover partner filer-b is dead' },
      { severity: 'critical', message: 'Cluster interconnect is down' },
    ]);
    expect(metrics.values).toContainEqual({ name: 'netapp.status.severity', instance: '', value: 2, unit: '' });
    expect(metrics.values).toContainEqual({ name: 'netapp.disks.failed', instance: '', value: 2, unit: 'count' });
    expect(healthFromScalars(scalars({ cfSettings: 1, cfState: 1 }), new MetricList())).toEqual([]);
  });

  it('summarises failover', () => {
    expect(failoverText(scalars({ cfSettings: 2, cfState: 2, cfPartnerName: 'Fas3270b', cfPartnerStatus: 2, cfInterconnectStatus: 4 }))).toBe(
      'canTakeover, partner Fas3270b ok, interconnect up',
    );
    expect(failoverText(scalars({ cfSettings: 1 }))).toBe('notConfigured');
    expect(failoverText(scalars({}))).toBeNull();
  });
});
