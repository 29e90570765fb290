import { describe, expect, it } from 'vitest';
import { VsphereNetworkError, VsphereTimeoutError } from '../vsphere/errors';
import { InvalidLoginFault } from '../vsphere/faults';
import { classify, fillTitle, findingKey, reportId } from './run-report';

const target = { name: 'vc1', host: 'vc.example', port: 443, user: 'u', password: 'p' };

describe('runner helpers', () => {
  it('report id is <profile>-YYYYMMDDTHHMMSSZ', () => {
    expect(reportId('daily', Date.parse('2026-06-15T07:05:09.123Z'))).toBe('daily-20260615T070509Z');
  });
  it('titles get their thresholds written in', () => {
    expect(fillTitle('Snapshots older than {days} days', { days: 14 })).toBe('Snapshots older than 14 days');
    expect(fillTitle('NTP {servers} {missing}', { servers: ['a', 'b'] })).toBe('NTP a, b {missing}');
  });
  it('a finding is identified by check, vCenter and identity columns, not by the other cells', () => {
    const a = findingKey('datastores-low-free', { vcenter: 'vc1', datastore: 'ds1', freeMB: 10 }, ['datastore']);
    expect(findingKey('datastores-low-free', { vcenter: 'vc1', datastore: 'ds1', freeMB: 99 }, ['datastore'])).toBe(a);
    expect(findingKey('datastores-low-free', { vcenter: 'vc2', datastore: 'ds1', freeMB: 10 }, ['datastore'])).not.toBe(a);
    expect(findingKey('snapshots-old', { vcenter: 'vc1', datastore: 'ds1' }, ['datastore'])).not.toBe(a);
  });
  it('connection failures become a stage and a message that says how to fix them', () => {
    expect(classify(new InvalidLoginFault('InvalidLogin', 'Login: InvalidLogin', {}, null, 'auth'), target)).toMatchObject({
      stage: 'auth',
      message: expect.stringMatching(/^vc1 \(vc\.example:443\): login refused .*password/) as string,
    });
    expect(classify(new VsphereTimeoutError('Login: no answer', 1000), target)).toMatchObject({ stage: 'timeout' });
    expect(classify(new VsphereNetworkError('refused', 'connect ECONNREFUSED', 'ECONNREFUSED'), target)).toMatchObject({
      stage: 'connect',
      message: expect.stringContaining('check the address, the port') as string,
    });
  });
});
