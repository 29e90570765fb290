import { describe, expect, it } from 'vitest';
import { plainRows, props, snapshotOf, vm } from './test-snapshot';
import { vmsConsolidationNeeded } from './vms-consolidation-needed';

describe('vms-consolidation-needed', () => {
  it('lists VMs whose runtime says consolidation is needed', () => {
    const s = snapshotOf({
      vms: [
        vm('a', { props: props({ 'runtime.consolidationNeeded': 'true' }) }),
        vm('b', { props: props({ 'runtime.consolidationNeeded': 'false' }) }),
        vm('c', { host: 'esx2', powerState: 'poweredOff', props: props({ 'runtime.consolidationNeeded': 'true' }) }),
        vm('unknown'),
      ],
    });
    expect(plainRows(vmsConsolidationNeeded.run(s, {}))).toEqual([
      { severity: 'warning', vm: 'a', host: 'esx1' },
      { severity: 'warning', vm: 'c', host: 'esx2' },
    ]);
  });
});
