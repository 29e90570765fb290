import { describe, expect, it } from 'vitest';
import { clustersHaDrs } from './clusters-ha-drs';
import { cluster, plainRows, props, snapshotOf } from './test-snapshot';

const cfg = (ha: boolean, admission: boolean, drs: boolean): ReturnType<typeof props> =>
  props({ configurationEx: `<dasConfig><enabled>${ha}</enabled><admissionControlEnabled>${admission}</admissionControlEnabled></dasConfig><drsConfig><enabled>${drs}</enabled></drsConfig>` });

describe('clusters-ha-drs', () => {
  it('lists clusters with HA (critical), DRS or admission control (warning) off', () => {
    const s = snapshotOf({ clusters: [cluster('good', { props: cfg(true, true, true) }), cluster('nodrs', { props: cfg(true, true, false) }), cluster('noadm', { props: cfg(true, false, true) }), cluster('noha', { props: cfg(false, true, true) })] });
    expect(plainRows(clustersHaDrs.run(s, {}))).toEqual([
      { severity: 'warning', cluster: 'nodrs', ha: true, drs: false, admissionControl: true },
      { severity: 'warning', cluster: 'noadm', ha: true, drs: true, admissionControl: false },
      { severity: 'critical', cluster: 'noha', ha: false, drs: true, admissionControl: false },
    ]);
  });
});
