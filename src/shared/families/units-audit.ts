import type { FamilyDescriptor, FieldSpec } from './descriptor';

/**
 * Where a family descriptor shows a quantity without a unit: a tile or stats figure, a chart, or an identity
 * field / table column formatted as a number. Each finding is `family:place` so that an allow-list (true
 * counts, codes, scales without a unit) can name it with its reason. Used by the unit audit tests.
 */
export function unitlessPlaces(d: FamilyDescriptor): string[] {
  const found: string[] = [];
  const numberWithoutUnit = (f: FieldSpec): boolean => f.format === 'number' && !f.unit;
  if (d.tile?.source === 'metric' && d.tile.unit === '') found.push(`${d.id}:tile:${d.tile.metric}`);
  for (const s of d.sections) {
    switch (s.kind) {
      case 'stats':
        for (const i of s.items) if (i.unit === '') found.push(`${d.id}:stats:${i.metric}`);
        break;
      case 'chart':
        if (s.unit === '') found.push(`${d.id}:chart:${s.series.map((x) => x.metric).join('+')}`);
        break;
      case 'identity':
        for (const f of s.fields) if (numberWithoutUnit(f)) found.push(`${d.id}:identity:${f.key}`);
        break;
      case 'table':
        for (const c of s.columns) if (numberWithoutUnit(c)) found.push(`${d.id}:table:${s.table}.${c.key}`);
        break;
    }
  }
  return found;
}
