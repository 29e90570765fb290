import { toNumber } from '../session/decode';
import type { SnmpSession } from '../session/types';

/**
 * CISCO-DOT11-ASSOCIATION-MIB cDot11AssociationStatsTable (1.3.6.1.4.1.9.9.273.1.1.2.1), indexed by the
 * radio's ifIndex: cDot11ActiveWirelessClients (.1), cDot11ActiveBridges (.2), cDot11ActiveRepeaters (.3).
 */
export const DOT11_ASSOCIATION_ENTRY = '1.3.6.1.4.1.9.9.273.1.1.2.1';
export const ACTIVE_CLIENTS = `${DOT11_ASSOCIATION_ENTRY}.1`;

export interface RadioAssociations {
  ifIndex: string;
  clients: number | null;
  bridges: number | null;
  repeaters: number | null;
}

export async function readRadioAssociations(session: SnmpSession): Promise<Map<string, RadioAssociations>> {
  const t = await session.table(DOT11_ASSOCIATION_ENTRY, [1, 2, 3]);
  const out = new Map<string, RadioAssociations>();
  for (const [index, col] of t) {
    // Some IOS releases add a sub-index after the ifIndex; the radio is the first arc.
    const ifIndex = index.split('.')[0] ?? index;
    const prev = out.get(ifIndex);
    const add = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : a + b);
    out.set(ifIndex, {
      ifIndex,
      clients: add(prev?.clients ?? null, toNumber(col.get(1))),
      bridges: add(prev?.bridges ?? null, toNumber(col.get(2))),
      repeaters: add(prev?.repeaters ?? null, toNumber(col.get(3))),
    });
  }
  return out;
}
