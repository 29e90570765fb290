import type { MysqlSettings } from '../../../../shared/kinds/mysql';
import { CounterRates } from '../counter-rates';
import { serviceSource, testByPolling, type ServiceSource, type ServiceTarget } from '../service-target';
import { PollError, type DevicePoller, type SourceDeps } from '../source';
import { readMysql } from './mysql-read';
import { mysqlPollResult } from './mysql-result';

/** MySQL / MariaDB: a fresh connection per poll (its time is watched), counters kept between polls. */
export const mysqlService: ServiceSource<MysqlSettings> = {
  test(target, deps, signal) {
    return testByPolling(
      async () => mysqlPollResult(await readMysql(target, signal), new CounterRates(), deps.clock.now(), target.name),
      (r) => {
        const grants = r.problems.filter((p) => /grant/i.test(p.message)).map((p) => p.message);
        return {
          permission: grants.length ? `Connected, but: ${grants.join('; ')}` : null,
          summary: `${String(r.identity.product ?? 'MySQL')} ${String(r.identity.version ?? '')} answered in ${Math.round(Number(r.identity.responseMs))} ms`,
        };
      },
      deps,
    );
  },
  open(target: ServiceTarget<MysqlSettings>, deps: SourceDeps): DevicePoller {
    const rates = new CounterRates();
    let closed = false;
    return {
      async poll(signal) {
        if (closed) throw new PollError('internal', 'Poller closed');
        const reading = await readMysql(target, signal);
        return mysqlPollResult(reading, rates, deps.clock.now(), target.name);
      },
      close() {
        closed = true;
        return Promise.resolve();
      },
    };
  },
};

/** Kind 'mysql' as the monitor and Test connection call it. */
export const mysqlSource = serviceSource('mysql', mysqlService, (t) => t.device.mysql);
