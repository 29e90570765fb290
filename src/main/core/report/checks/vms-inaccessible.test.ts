import { describe, expect, it } from 'vitest';
import { plainRows, props, snapshotOf, vm } from './test-snapshot';
import { vmsInaccessible } from './vms-inaccessible';

describe('vms-inaccessible', () => {
  it('lists invalid, orphaned and inaccessible VMs as critical', () => {
    const state = (s: string): ReturnType<typeof props> => props({ 'runtime.connectionState': s });
    const s = snapshotOf({
      vms: [
        vm('ok', { props: state('connected') }),
        vm('gone', { props: state('orphaned') }),
        vm('bad', { props: state('invalid') }),
        vm('lost', { props: state('inaccessible') }),
        vm('hostdown', { props: state('disconnected') }),
      ],
    });
    expect(plainRows(vmsInaccessible.run(s, {}))).toEqual([
      { severity: 'critical', vm: 'gone', host: 'esx1', connectionState: 'orphaned' },
      { severity: 'critical', vm: 'bad', host: 'esx1', connectionState: 'invalid' },
      { severity: 'critical', vm: 'lost', host: 'esx1', connectionState: 'inaccessible' },
    ]);
  });
});
