import type { Unit } from '../units';

/**
 * Formats a metric value for display in a locale. Sizes use decimal SI prefixes through Intl's own units,
 * so that French reads "1,5 Go" and English "1.5 GB" without a hand-made table; units Intl does not know
 * (volts, watts, hertz) get their SI symbol after a narrow no-break space.
 */
const NNBSP = '\u202f';
const cache = new Map<string, Intl.NumberFormat>();

function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/** Fraction digits that keep about three significant digits without showing noise. */
function digitsFor(abs: number): number {
  if (abs === 0 || abs >= 100) return 0;
  if (abs >= 10) return 1;
  return 2;
}

function plain(value: number, locale: string, maxDigits = digitsFor(Math.abs(value))): string {
  return nf(locale, { maximumFractionDigits: maxDigits }).format(value);
}

function intlUnit(value: number, unit: string, locale: string): string {
  return nf(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: digitsFor(Math.abs(value)),
  }).format(value);
}

function scaled(value: number, base: number, units: readonly string[], locale: string): string {
  let i = 0;
  let v = value;
  while (Math.abs(v) >= base && i < units.length - 1) {
    v /= base;
    i++;
  }
  const unit = units[i] ?? units[0] ?? 'byte';
  // Intl's English short form of a lone byte is "byte"; the symbol reads better beside kB, MB…
  if (unit === 'byte' || unit === 'byte-per-second') {
    const symbol = locale.toLowerCase().startsWith('fr') ? 'o' : 'B';
    return `${plain(v, locale, 0)}${NNBSP}${symbol}${unit === 'byte' ? '' : '/s'}`;
  }
  return intlUnit(v, unit, locale);
}

const BYTES = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;
const BYTES_PS = BYTES.map((u) => `${u}-per-second`);
const BITS_PS = ['bit', 'kilobit', 'megabit', 'gigabit', 'terabit'].map((u) => `${u}-per-second`);

/** Uptime-like durations: the two largest parts ("3 d 4 h", "5 min 12 s"), in the locale's narrow units. */
export function formatDuration(seconds: number, locale: string): string {
  const s = Math.max(0, Math.round(seconds));
  const parts: [number, string][] = [
    [Math.floor(s / 86_400), 'day'],
    [Math.floor((s % 86_400) / 3600), 'hour'],
    [Math.floor((s % 3600) / 60), 'minute'],
    [s % 60, 'second'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first < 0) return nf(locale, { style: 'unit', unit: 'second', unitDisplay: 'narrow' }).format(0);
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => nf(locale, { style: 'unit', unit: u, unitDisplay: 'narrow' }).format(n))
    .join(' ');
}

export function formatValue(value: number | null | undefined, unit: Unit, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'percent':
      return intlUnit(value, 'percent', locale);
    case 'bytes':
      return scaled(value, 1000, BYTES, locale);
    case 'bytesPerSecond':
      return scaled(value, 1000, BYTES_PS, locale);
    case 'bitsPerSecond':
      return scaled(value, 1000, BITS_PS, locale);
    case 'perSecond':
      return `${plain(value, locale)}/s`;
    case 'seconds':
      return formatDuration(value, locale);
    case 'milliseconds':
      return intlUnit(value, 'millisecond', locale);
    case 'celsius':
      return intlUnit(value, 'celsius', locale);
    case 'volts':
      return `${plain(value, locale, 1)}${NNBSP}V`;
    case 'amperes':
      return `${plain(value, locale, 2)}${NNBSP}A`;
    case 'watts':
      return `${plain(value, locale, 0)}${NNBSP}W`;
    case 'hertz':
      return `${plain(value, locale, 1)}${NNBSP}Hz`;
    case 'megahertz':
      return `${plain(value, locale, 0)}${NNBSP}MHz`;
    case 'count':
      return plain(value, locale, 0);
    case 'ratio':
      return plain(value, locale, 2);
    case '':
      return plain(value, locale);
  }
}

/** Short axis labels: the same units, fewer digits. */
export function formatAxis(value: number, unit: Unit, locale: string): string {
  if (unit === 'seconds') return formatDuration(value, locale).split(' ')[0] ?? '';
  if (unit === 'count' || unit === '') {
    return nf(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  }
  return formatValue(value, unit, locale);
}

/** A share between 0 and 1 as a percentage ("12.5 %"). */
export function formatShare(share: number, locale: string): string {
  return nf(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
