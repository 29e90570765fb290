import { describe, expect, it } from 'vitest';
import type { ReportCheckInfo } from '../../../shared/contract/report';
import { checkTitle, compactChecks, defaultCheckSettings, thresholdKind } from './profile-values';

const snapshots: ReportCheckInfo = {
  id: 'snapshots-old',
  title: { en: 'Snapshots older than {days} days', fr: 'Instantanés de plus de {days} jours' },
  defaults: { days: 14 },
  columns: ['vm'],
};
const ntp: ReportCheckInfo = {
  id: 'ntp',
  title: { en: 'NTP ({servers}, skew over {maxSkewSeconds} s)', fr: 'NTP ({servers}, écart de plus de {maxSkewSeconds} s)' },
  defaults: { servers: [], maxSkewSeconds: 5 },
  columns: ['host'],
};

describe('profile values', () => {
  it('picks the input by the type of the default', () => {
    expect(thresholdKind(14)).toBe('number');
    expect(thresholdKind('pool.ntp.org')).toBe('text');
    expect(thresholdKind([])).toBe('list');
  });

  it('writes thresholds into titles, overrides first, in either language', () => {
    expect(checkTitle(snapshots, 'en')).toBe('Snapshots older than 14 days');
    expect(checkTitle(snapshots, 'fr', { days: 30 })).toBe('Instantanés de plus de 30 jours');
    expect(checkTitle(ntp, 'en', { servers: ['a.ntp', 'b.ntp'] })).toBe('NTP (a.ntp, b.ntp, skew over 5 s)');
    expect(checkTitle({ ...snapshots, title: { en: 'Odd {unknown}', fr: '' } }, 'en')).toBe('Odd {unknown}');
  });

  it('saves only what differs from the defaults', () => {
    const checks = {
      'snapshots-old': { ...defaultCheckSettings(), thresholds: { days: 14 } },
      ntp: { ...defaultCheckSettings(), thresholds: { servers: ['pool.ntp.org'], maxSkewSeconds: 5 } },
      'hosts-maintenance': { ...defaultCheckSettings(), enabled: false },
      'vms-no-tools': { ...defaultCheckSettings(), exclusions: { vms: ['test-*'], hosts: [], datastores: [] } },
    };
    expect(compactChecks(checks, [snapshots, ntp])).toEqual({
      ntp: { ...defaultCheckSettings(), thresholds: { servers: ['pool.ntp.org'] } },
      'hosts-maintenance': { ...defaultCheckSettings(), enabled: false },
      'vms-no-tools': { ...defaultCheckSettings(), exclusions: { vms: ['test-*'], hosts: [], datastores: [] } },
    });
  });
});
