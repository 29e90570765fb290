import type { DeviceKind } from '../../../shared/contract/devices';
import { kindDefinition } from '../../../shared/kinds/index';
import type { PollResult } from '../pollers/source';

/**
 * How much one device may put in the store and in its page. A hostile or broken agent (an endless table)
 * once made 5,021 series for one device, about 640 MB of store at ≈ 127 KiB per series. An agent's tables are
 * bounded by what real equipment has (a chassis switch: a few thousand ports); a vCenter's by its inventory,
 * which is why it gets more room.
 */
export interface PollBounds {
  seriesPerDevice: number;
  rowsPerTable: number;
}

const AGENT: PollBounds = { seriesPerDevice: 1_000, rowsPerTable: 5_000 };
const VCENTER: PollBounds = { seriesPerDevice: 20_000, rowsPerTable: 50_000 };

export function boundsFor(kind: DeviceKind): PollBounds {
  return kindDefinition(kind).largeInventory ? VCENTER : AGENT;
}

const seriesKey = (name: string, instance: string): string => `${name}|${instance}`;

/**
 * Cuts a poll result to the bounds, saying so as a problem on the device. Series the store already has are
 * kept first, so a flood of new instances cannot push out the history of the real ones.
 */
export function applyBounds(
  result: PollResult,
  bounds: PollBounds,
  known: () => ReadonlySet<string>,
): PollResult {
  const problems = [...result.problems];
  let { metrics, tables } = result;

  const distinct = new Set(metrics.map((m) => seriesKey(m.name, m.instance)));
  if (distinct.size > bounds.seriesPerDevice) {
    const have = known();
    const kept = new Set([...distinct].filter((k) => have.has(k)).slice(0, bounds.seriesPerDevice));
    for (const k of distinct) {
      if (kept.size >= bounds.seriesPerDevice) break;
      kept.add(k);
    }
    metrics = metrics.filter((m) => kept.has(seriesKey(m.name, m.instance)));
    problems.push({
      severity: 'warning',
      message: `Series limit reached: the device reported ${distinct.size} series, only ${bounds.seriesPerDevice} are kept (limit per device)`,
    });
  }

  const cut = Object.entries(tables).filter(([, rows]) => rows.length > bounds.rowsPerTable);
  if (cut.length) {
    tables = { ...tables };
    for (const [name, rows] of cut) {
      tables[name] = rows.slice(0, bounds.rowsPerTable);
      problems.push({
        severity: 'warning',
        message: `Table "${name}" has ${rows.length} rows, only the first ${bounds.rowsPerTable} are kept (limit per table)`,
      });
    }
  }
  return problems.length === result.problems.length ? result : { ...result, metrics, tables, problems };
}
