import { VsphereInputError } from './errors';

/** A managed object reference, serialized as `<name type="HostSystem">host-12</name>`. */
export interface MoRef {
  readonly type: string;
  readonly value: string;
}

/**
 * A vim25 data object: its fields in schema order (vCenter checks the sequence; Go's simulator does not)
 * and, where the schema declares a base type, the concrete type sent as xsi:type.
 */
export class Struct {
  constructor(
    readonly fields: Readonly<Record<string, XmlValue>>,
    readonly xsiType?: string,
  ) {}
}

export type XmlValue = string | number | boolean | Date | MoRef | Struct | readonly XmlValue[] | null | undefined;

export function struct(fields: Record<string, XmlValue>, xsiType?: string): Struct {
  return new Struct(fields, xsiType);
}

export function isMoRef(v: unknown): v is MoRef {
  if (typeof v !== 'object' || v === null || v instanceof Struct || Array.isArray(v) || v instanceof Date) return false;
  const keys = Object.keys(v);
  return keys.length === 2 && typeof (v as MoRef).type === 'string' && typeof (v as MoRef).value === 'string';
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// Characters XML 1.0 cannot carry at all, not even as character references.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/** Escapes text for an element or attribute; refuses what XML cannot represent rather than altering it. */
export function escapeXml(text: string, what = 'value'): string {
  if (FORBIDDEN.test(text)) throw new VsphereInputError(`${what} contains a control character that XML cannot carry`);
  // Whitespace is escaped too: a parser normalizes raw \r\n (and, in attributes, tabs and newlines).
  return text.replace(/[&<>"'\r\n\t]/g, (c) => ESCAPES[c] ?? c);
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw new VsphereInputError(`invalid XML element name ${JSON.stringify(name)}`);
  return name;
}

function scalar(v: string | number | boolean | Date, name: string): string {
  if (typeof v === 'string') return escapeXml(v, name);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new VsphereInputError(`${name} is not a finite number`);
    return String(v);
  }
  if (Number.isNaN(v.getTime())) throw new VsphereInputError(`${name} is an invalid date`);
  return v.toISOString();
}

/** Appends `<name ...>value</name>` (repeated for arrays, nothing for null/undefined) to out. */
export function writeElement(out: string[], name: string, value: XmlValue): void {
  if (value === null || value === undefined) return;
  checkName(name);
  if (Array.isArray(value)) {
    for (const item of value as readonly XmlValue[]) writeElement(out, name, item);
    return;
  }
  if (value instanceof Struct) {
    out.push('<', name);
    if (value.xsiType) out.push(' xsi:type="', escapeXml(checkName(value.xsiType), 'type'), '"');
    out.push('>');
    for (const [k, v] of Object.entries(value.fields)) writeElement(out, k, v);
    out.push('</', name, '>');
    return;
  }
  if (isMoRef(value)) {
    out.push('<', name, ' type="', escapeXml(value.type, 'type'), '">', escapeXml(value.value, name), '</', name, '>');
    return;
  }
  out.push('<', name, '>', scalar(value as string | number | boolean | Date, name), '</', name, '>');
}

const ENVELOPE_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"' +
  ' xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  '<soapenv:Body>';
const ENVELOPE_CLOSE = '</soapenv:Body></soapenv:Envelope>';

/** The SOAP request for one vim25 method: `_this` first, then the arguments in the order given. */
export function soapRequest(method: string, self: MoRef, args: Readonly<Record<string, XmlValue>> = {}): string {
  const out: string[] = [ENVELOPE_OPEN, '<', checkName(method), ' xmlns="urn:vim25">'];
  writeElement(out, '_this', self);
  for (const [k, v] of Object.entries(args)) writeElement(out, k, v);
  out.push('</', method, '>', ENVELOPE_CLOSE);
  return out.join('');
}
