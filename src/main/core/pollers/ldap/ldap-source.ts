import type { LdapSettings } from '../../../../shared/kinds/ldap';
import { CounterRates } from '../counter-rates';
import { serviceSource, testByPolling, type ServiceSource, type ServiceTarget } from '../service-target';
import { PollError, type DevicePoller, type SourceDeps } from '../source';
import { readLdap } from './ldap-read';
import { ldapPollResult } from './ldap-result';

/** OpenLDAP (any LDAPv3 server for bind and search times; cn=Monitor figures from OpenLDAP). */
export const ldapService: ServiceSource<LdapSettings> = {
  test(target, deps, signal) {
    const bindDn = target.settings.bindDn;
    return testByPolling(
      async () => ldapPollResult(await readLdap(target, signal), new CounterRates(), deps.clock.now(), target.name, bindDn),
      (r) => ({
        // A monitor that is not enabled is the server's choice, not a fault of this connection.
        permission: r.identity.monitor === 'access denied' ? (r.problems[0]?.message ?? 'Access to cn=Monitor denied') : null,
        summary: `Bound as ${bindDn ?? 'anonymous'}, ${target.settings.baseDn} found in ${Math.round(Number(r.identity.responseMs))} ms; monitor ${String(r.identity.monitor)}`,
      }),
      deps,
    );
  },
  open(target: ServiceTarget<LdapSettings>, deps: SourceDeps): DevicePoller {
    const rates = new CounterRates();
    let closed = false;
    return {
      async poll(signal) {
        if (closed) throw new PollError('internal', 'Poller closed');
        const reading = await readLdap(target, signal);
        return ldapPollResult(reading, rates, deps.clock.now(), target.name, target.settings.bindDn);
      },
      close() {
        closed = true;
        return Promise.resolve();
      },
    };
  },
};

/** Kind 'ldap' as the monitor and Test connection call it. */
export const ldapSource = serviceSource('ldap', ldapService, (t) => t.device.ldap);
