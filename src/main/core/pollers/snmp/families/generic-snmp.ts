import { genericSnmp } from '../../../../../shared/families/generic-snmp';
import type { SnmpFamily } from '../family';
import { collectInterfaces } from '../mibs/if-mib';
import { optional } from '../optional';

/** Any agent that answers: the system group and its interfaces. Matches everything, with the lowest score. */
export const genericSnmpFamily: SnmpFamily = {
  descriptor: genericSnmp,
  rules: [],
  detect: () => 1,
  async poll(ctx) {
    const ifs = await optional(() => collectInterfaces(ctx), { rows: [], metrics: [] });
    const up = ifs.rows.filter((r) => r.status === 'up').length;
    return {
      identity: {},
      metrics: [...ifs.metrics, ...(ifs.rows.length ? [{ name: 'if.count.up', instance: '', value: up, unit: 'count' as const }] : [])],
      tables: { interfaces: ifs.rows },
      problems: [],
      uptimeSeconds: null,
    };
  },
};
