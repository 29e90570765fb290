import type { MoRef } from './xml-build';
import { scanXml } from './xml-scan';

/**
 * A parsed vim25 element. vim25 has no schema at hand here, so values stay text and typed readers below
 * pick what they need. A leaf without attributes is its text; anything else is an object whose keys are
 * child names (one node, or an array when the name repeats: read them with children()), `@_attr` (with
 * its prefix: a reference inside an anyType value carries both xsi:type and type) and `#text`.
 * Element names lose their namespace prefix (soapenv:, soap:, SOAP-ENV: vary between servers).
 */
export type XmlNode = string | XmlElement;
export interface XmlElement {
  [key: string]: XmlNode | XmlNode[] | undefined;
}

/** Parses XML text (see xml-scan.ts); throws XmlSyntaxError on malformed XML. */
export function parseXml(text: string): XmlElement {
  return scanXml(text);
}

export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object' && node !== null;
}

/** All children named `name` (in document order). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  if (!isElement(node)) return [];
  if (name.startsWith('@_') || name === '#text') return [];
  const v = node[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The first child named `name`, following a path of names. */
export function child(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let cur = node;
  for (const name of path) {
    if (!isElement(cur) || name.startsWith('@_') || name === '#text') return undefined;
    const v: XmlNode | XmlNode[] | undefined = cur[name];
    cur = Array.isArray(v) ? v[0] : v;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Child element names, attributes and text left out. */
export function childNames(node: XmlNode | undefined): string[] {
  if (!isElement(node)) return [];
  return Object.keys(node).filter((k) => !k.startsWith('@_') && k !== '#text');
}

/** The text of a node ('' for an empty element). */
export function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  const t = node['#text'];
  return typeof t === 'string' ? t : '';
}

/** Text at a path, or undefined when the element is absent. */
export function text(node: XmlNode | undefined, ...path: string[]): string | undefined {
  const n = path.length ? child(node, ...path) : node;
  return n === undefined ? undefined : textOf(n);
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  if (!isElement(node)) return undefined;
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}

/** The xsi:type of an element, whatever prefix the server bound the schema-instance namespace to. */
export function xsiType(node: XmlNode | undefined): string | undefined {
  if (!isElement(node)) return undefined;
  for (const k of Object.keys(node)) {
    if (k.startsWith('@_') && k.endsWith(':type')) {
      const v = node[k];
      if (typeof v === 'string') return v.slice(v.indexOf(':') + 1);
    }
  }
  return undefined;
}

/** A managed object reference element (`<x type="T">value</x>`). */
export function moRef(node: XmlNode | undefined): MoRef | undefined {
  const type = attr(node, 'type');
  if (node === undefined || type === undefined) return undefined;
  return { type, value: textOf(node) };
}

export function num(node: XmlNode | undefined, ...path: string[]): number | undefined {
  const t = text(node, ...path);
  if (t === undefined || t.trim() === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

export function bool(node: XmlNode | undefined, ...path: string[]): boolean | undefined {
  const t = text(node, ...path)?.trim();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return undefined;
}

export function date(node: XmlNode | undefined, ...path: string[]): Date | undefined {
  const t = text(node, ...path);
  if (!t) return undefined;
  const d = new Date(t.trim());
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Items of an ArrayOfX value: its single kind of child element, whatever it is named. */
export function arrayItems(node: XmlNode | undefined): XmlNode[] {
  const names = childNames(node);
  return names.length === 1 && names[0] !== undefined ? children(node, names[0]) : names.flatMap((n) => children(node, n));
}

export function refKey(ref: MoRef): string {
  return `${ref.type}:${ref.value}`;
}
