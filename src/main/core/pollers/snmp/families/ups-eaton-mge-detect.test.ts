import { describe, expect, it } from 'vitest';
import { detectFamily } from '../detect';
import type { SystemInfo } from '../family';
import { MGE_UPS_OIDS } from '../mibs/mge-ups';
import { UPS_MIB_OIDS } from '../mibs/ups-mib';
import { XUPS_OIDS } from '../mibs/xups';
import type { SnmpSession, SnmpVarbind } from '../session/types';
import { SNMP_FAMILIES } from './index';

/** An agent that answers exactly these objects (an integer each), and nothing under them. */
function agent(answers: readonly string[]): SnmpSession {
  const known = new Set(answers);
  return {
    get: (oids) => Promise.resolve(new Map(oids.filter((o) => known.has(o)).map((o): [string, SnmpVarbind] => [o, { oid: o, type: 'integer', value: 1 }]))),
    walk: () => Promise.resolve([]),
    table: () => Promise.resolve(new Map()),
    close: () => undefined,
  };
}

/** No sysDescr, no sysName: only the sysObjectID, as these cards often answer. */
const system = (sysObjectID: string): SystemInfo => ({ sysDescr: '', sysObjectID, sysUpTime: 1, sysContact: '', sysName: '', sysLocation: '' });

const XUPS = [XUPS_OIDS.identModel];
const MGE = [MGE_UPS_OIDS.identModelName];
const STANDARD = [UPS_MIB_OIDS.manufacturer, UPS_MIB_OIDS.model];

async function detected(sysObjectID: string, answers: string[]): Promise<string | undefined> {
  return (await detectFamily(SNMP_FAMILIES, system(sysObjectID), agent(answers)))?.family.descriptor.id;
}

describe('Eaton and MGE UPSs are told from sysObjectID and the MIB they answer', () => {
  it('an Eaton id with XUPS-MIB is ups-eaton, even when UPS-MIB answers too', async () => {
    expect(await detected('1.3.6.1.4.1.534.1', [...XUPS, ...STANDARD])).toBe('ups-eaton');
  });
  it('an MGE id with MG-SNMP-UPS-MIB is ups-mge, also when the card answers XUPS-MIB as well', async () => {
    expect(await detected('1.3.6.1.4.1.705.1.2', [...MGE, ...STANDARD])).toBe('ups-mge');
    expect(await detected('1.3.6.1.4.1.705.1', [...MGE, ...XUPS])).toBe('ups-mge');
  });
  it('an ex-MGE Eaton card (MGE id) that answers only XUPS-MIB is ups-eaton; an Eaton id with only the MGE MIB is ups-mge', async () => {
    expect(await detected('1.3.6.1.4.1.705.1', XUPS)).toBe('ups-eaton');
    expect(await detected('1.3.6.1.4.1.534.1', MGE)).toBe('ups-mge');
  });
  it('either id with UPS-MIB only stays ups-generic; with nothing at all, generic-snmp', async () => {
    expect(await detected('1.3.6.1.4.1.705.1', STANDARD)).toBe('ups-generic');
    expect(await detected('1.3.6.1.4.1.534.1', STANDARD)).toBe('ups-generic');
    expect(await detected('1.3.6.1.4.1.534.1', [])).toBe('generic-snmp');
  });
  it('another make answering the same objects is not taken for an Eaton or an MGE', async () => {
    expect(await detected('1.3.6.1.4.1.318.1.3.2.17', [...XUPS, ...MGE])).not.toMatch(/^ups-(eaton|mge)$/);
  });
});
