import type { Unit } from '../../../shared/units';

const SUFFIX: Partial<Record<Unit, string>> = {
  percent: ' %',
  celsius: ' °C',
  volts: ' V',
  seconds: ' s',
  milliseconds: ' ms',
  perSecond: '/s',
  hertz: ' Hz',
  megahertz: ' MHz',
  watts: ' W',
  amperes: ' A',
};

/** The English text of a value in a check's `message` (the log's language); readers get `text` formatted. */
export function formatForMessage(value: number, unit: Unit): string {
  if (unit === 'bytes') {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    let v = value;
    let i = 0;
    while (Math.abs(v) >= 1024 && i < units.length - 1) {
      v /= 1024;
      i += 1;
    }
    return `${v.toFixed(v >= 100 ? 0 : 1)} ${units[i]}`;
  }
  const rounded = Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1).replace(/\.0$/, '');
  return `${rounded}${SUFFIX[unit] ?? ''}`;
}
