import { fahrenheitToCelsius } from '../snmp/mibs/temperature-units';

/**
 * The EM01 / EM01b websensor's reading page (GET /index.htm?em): a small HTML page whose body holds
 * "TC:" or "TF:" and the temperature (°C or °F as set on the sensor), "HU:" and the relative humidity,
 * "IL" and the illumination, e.g. `<body>TF: 71.6 HU:38.2% IL 145.0</body>` — the tokens the Centreon
 * sensormetrix plugin reads. Firmwares differ in spacing, tags and leading dots (".5"), so the parser
 * looks for the tokens, not for a layout, and rejects values no room produces.
 */
export interface Em01Reading {
  /** °C whatever the sensor's unit. */
  temperature: number | null;
  /** The unit the sensor reported in. */
  unit: 'C' | 'F' | null;
  humidity: number | null;
  illumination: number | null;
  /** Tokens present but out of any physical range (e.g. an unplugged probe's -999). */
  rejected: string[];
}

/** Larger answers are not an EM01 page; the source stops reading beyond this. */
export const EM01_MAX_BODY = 64 * 1024;

const NUMBER = String.raw`(-?(?:\d+(?:\.\d*)?|\.\d+))`;
const TEMPERATURE = new RegExp(String.raw`\bT([CF])\s*:\s*${NUMBER}`, 'i');
const HUMIDITY = new RegExp(String.raw`\bHU\s*:\s*${NUMBER}`, 'i');
const ILLUMINATION = new RegExp(String.raw`\bIL\s*:?\s*${NUMBER}`, 'i');

function bodyText(html: string): string {
  const body = /<body[^>]*>([\s\S]*?)(?:<\/body>|$)/i.exec(html);
  return (body?.[1] ?? html)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&deg;/gi, '°')
    .replace(/&#37;|&percnt;/gi, '%');
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}

/** Returns null when the text holds neither a temperature nor a humidity: not an EM01 answer. */
export function parseEm01(html: string): Em01Reading | null {
  const text = bodyText(html.slice(0, EM01_MAX_BODY));
  const t = TEMPERATURE.exec(text);
  const h = HUMIDITY.exec(text);
  const il = ILLUMINATION.exec(text);
  if (!t && !h) return null;
  const rejected: string[] = [];
  let temperature: number | null = null;
  let unit: 'C' | 'F' | null = null;
  if (t?.[1] && t[2]) {
    unit = t[1].toUpperCase() === 'F' ? 'F' : 'C';
    const raw = Number(t[2]);
    const celsius = unit === 'F' ? fahrenheitToCelsius(raw) : raw;
    if (inRange(celsius, -55, 125)) temperature = celsius;
    else rejected.push(`temperature ${t[2]} °${unit}`);
  }
  let humidity: number | null = null;
  if (h?.[1]) {
    const raw = Number(h[1]);
    if (inRange(raw, 0, 100)) humidity = raw;
    else rejected.push(`humidity ${h[1]} %`);
  }
  let illumination: number | null = null;
  if (il?.[1]) {
    const raw = Number(il[1]);
    if (inRange(raw, 0, 1_000_000)) illumination = raw;
    else rejected.push(`illumination ${il[1]}`);
  }
  return { temperature, unit, humidity, illumination, rejected };
}
