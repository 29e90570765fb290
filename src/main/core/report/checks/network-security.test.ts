import { describe, expect, it } from 'vitest';
import { networkSecurity } from './network-security';
import { entity, host, plainRows, props, snapshotOf } from './test-snapshot';

const sec = (p: boolean, mac: boolean, forged: boolean): string => `<security><allowPromiscuous>${p}</allowPromiscuous><macChanges>${mac}</macChanges><forgedTransmits>${forged}</forgedTransmits></security>`;
const pg = (name: string, own: string, computed: string): string =>
  `<HostPortGroup><key>key-vim.host.PortGroup-${name}</key><spec><name>${name}</name><vlanId>0</vlanId><vswitchName>vSwitch0</vswitchName><policy>${own}</policy></spec><computedPolicy>${computed}</computedPolicy></HostPortGroup>`;
const dv = (p: boolean, mac: boolean, forged: boolean): ReturnType<typeof props> =>
  props({
    'config.defaultPortConfig': `<securityPolicy><inherited>false</inherited><allowPromiscuous><inherited>false</inherited><value>${p}</value></allowPromiscuous><macChanges><inherited>false</inherited><value>${mac}</value></macChanges><forgedTransmits><inherited>false</inherited><value>${forged}</value></forgedTransmits></securityPolicy>`,
  });

describe('network-security', () => {
  it('lists standard port groups by their effective (computed) policy and distributed ones once; promiscuous is critical', () => {
    const s = snapshotOf({
      hosts: [
        host('esx1', {
          props: props({
            // "VM Network" inherits the switch's accept-all: its own policy is empty, the computed one says it.
            'config.network.portgroup': pg('VM Network', '', sec(false, true, true)) + pg('Mgmt', sec(false, false, false), sec(false, false, false)) + pg('Sniffer', sec(true, false, false), sec(true, false, false)),
          }),
        }),
      ],
      entities: [entity('DistributedVirtualPortgroup', 'DV-Prod', { props: dv(false, false, false) }), entity('DistributedVirtualPortgroup', 'DV-Lab', { props: dv(false, true, false) }), entity('Network', 'Other')],
    });
    expect(plainRows(networkSecurity.run(s, {}))).toEqual([
      { severity: 'warning', portGroup: 'VM Network', switch: 'vSwitch0', host: 'esx1', promiscuous: false, forgedTransmits: true, macChanges: true },
      { severity: 'critical', portGroup: 'Sniffer', switch: 'vSwitch0', host: 'esx1', promiscuous: true, forgedTransmits: false, macChanges: false },
      { severity: 'warning', portGroup: 'DV-Lab', switch: 'distributed', host: null, promiscuous: false, forgedTransmits: false, macChanges: true },
    ]);
  });
});
