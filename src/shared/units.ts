/** Units a metric can carry. Rates are per second; sizes in bytes; the renderer formats them per locale. */
export const UNITS = [
  '',
  'percent',
  'bytes',
  'bytesPerSecond',
  'bitsPerSecond',
  'perSecond',
  'seconds',
  'milliseconds',
  'celsius',
  'volts',
  'amperes',
  'watts',
  'hertz',
  'megahertz',
  'count',
  'ratio',
] as const;
export type Unit = (typeof UNITS)[number];
