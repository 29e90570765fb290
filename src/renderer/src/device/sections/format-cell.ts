import type { FieldSpec } from '../../../../shared/families/descriptor';
import { enumLabel } from '../../../../shared/families/enum-labels';
import { isState } from '../../components/state-colors';
import { formatDateTime } from '../../../../shared/format/format-time';
import { formatDuration, formatValue } from '../../../../shared/format/format-value';
import { shownUnit } from './shown-unit';
import type { Cell } from './table-rows';

type Translate = (key: string) => string;

function toNumber(value: Cell): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/**
 * The text of an identity field or table cell, by the descriptor's format and unit. Dates may come as epoch
 * milliseconds or as ISO text; values the format cannot read are shown as they came, never dropped.
 */
export function formatCell(value: Cell | undefined, field: FieldSpec, locale: string, t: Translate): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (field.format) {
    case 'state':
      return isState(value) ? t(`state.${value}`) : String(value);
    case 'boolean':
      if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
      return String(value);
    case 'date': {
      const ms = typeof value === 'number' ? value : Date.parse(String(value));
      return Number.isFinite(ms) ? formatDateTime(ms, locale) : String(value);
    }
    case 'duration': {
      const n = toNumber(value);
      return n === null ? String(value) : formatDuration(n, locale);
    }
    case 'number': {
      const n = toNumber(value);
      const shown = shownUnit(field.unit ?? '', field.shownIn);
      return n === null ? String(value) : formatValue(n * shown.factor, shown.unit, locale);
    }
    default: {
      if (field.unit !== undefined && field.format !== 'text') {
        const n = toNumber(value);
        const shown = shownUnit(field.unit, field.shownIn);
        if (n !== null) return formatValue(n * shown.factor, shown.unit, locale);
      }
      if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
      // A number with no declared unit (a family without descriptor) still gets the locale's grouping.
      if (typeof value === 'number' && field.format !== 'text') return formatValue(value, '', locale);
      // Enum names as the MIB or vSphere give them ("poweredOn", "onLine") get words; free text stays.
      if (typeof value === 'string' && field.format !== 'text')
        return enumLabel(value, locale.toLowerCase().startsWith('fr') ? 'fr' : 'en') ?? value;
      return String(value);
    }
  }
}
