import { describe, expect, it } from 'vitest';
import { plainRows, snapshotOf } from './test-snapshot';
import { vcenterServices } from './vcenter-services';

describe('vcenter-services', () => {
  it('lists automatic services that are not started and started ones not healthy', () => {
    const s = snapshotOf({
      services: [
        { service: 'vpxd', state: 'STARTED', startup: 'AUTOMATIC', health: 'HEALTHY' },
        { service: 'vsan-health', state: 'STOPPED', startup: 'AUTOMATIC', health: '' },
        { service: 'rbd', state: 'STOPPED', startup: 'MANUAL', health: '' },
        { service: 'content-library', state: 'STARTED', startup: 'AUTOMATIC', health: 'HEALTHY_WITH_WARNINGS' },
      ],
    });
    expect(plainRows(vcenterServices.run(s, {}))).toEqual([
      { severity: 'critical', service: 'vsan-health', state: 'STOPPED', startup: 'AUTOMATIC', health: '' },
      { severity: 'warning', service: 'content-library', state: 'STARTED', startup: 'AUTOMATIC', health: 'HEALTHY_WITH_WARNINGS' },
    ]);
  });
  it('declares the appliance call it needs (the runner says unsupported without it)', () => {
    expect(vcenterServices.needs.calls?.[0]).toContain('/api/vcenter/services');
  });
});
