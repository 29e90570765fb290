/**
 * A small, strict XML reader for vim25 answers, building the tree described in xml-parse.ts.
 *
 * Why not fast-xml-parser alone: on a 5,000-VM inventory (about 60 MB of XML) it takes 10–18 s here, five
 * times the whole govmomi retrieval; this scanner, built on indexOf over the string, takes well under
 * one second. fast-xml-parser stays the reference: a property test checks both give the same tree.
 *
 * Supported: elements, attributes (single or double quotes; xmlns declarations are dropped), text, the five predefined entities and
 * numeric character references, CDATA, comments, processing instructions and the XML declaration. A DOCTYPE
 * is refused (vim25 never sends one, and entity expansion is an attack vector). Malformed input throws.
 */
import type { XmlElement, XmlNode } from './xml-parse';

export class XmlSyntaxError extends Error {
  constructor(message: string, position: number) {
    super(`${message} at offset ${position}`);
    this.name = 'XmlSyntaxError';
  }
}

const ENTITY = /&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos|[^;\s]*)(;?)/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string, at: number): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(ENTITY, (_m, body: string, semi: string) => {
    if (semi !== ';') throw new XmlSyntaxError('unterminated entity reference', at);
    const named = NAMED[body];
    if (named !== undefined) return named;
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        throw new XmlSyntaxError(`invalid character reference &${body};`, at);
      }
      return String.fromCodePoint(code);
    }
    throw new XmlSyntaxError(`unknown entity &${body};`, at);
  });
}

/** One open element; frames are reused by depth, and the object is made only when needed. */
interface Frame {
  name: string;
  local: string;
  el: XmlElement | null;
  text: string;
  hasChildren: boolean;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

// Element names come from the server: one that would reach Object.prototype is renamed, not assigned.
function safeKey(name: string): string {
  return name === '__proto__' ? '#__proto__' : name;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return safeKey(i === -1 ? name : name.slice(i + 1));
}

function validAttrName(n: string): boolean {
  for (let k = 0; k < n.length; k++) {
    const c = n.charCodeAt(k);
    if (isSpace(c) || c === 60 || c === 62 || c === 34 || c === 39 || c === 47) return false;
  }
  return true;
}

const MAX_DEPTH = 1000;

class Scanner {
  private readonly frames: Frame[] = [];
  private depth = 0;
  readonly root: XmlElement = {};
  private rootSeen = false;

  constructor(private readonly s: string) {}

  run(): XmlElement {
    const s = this.s;
    const len = s.length;
    let pos = 0;
    while (pos < len) {
      const lt = s.indexOf('<', pos);
      const textEnd = lt === -1 ? len : lt;
      if (textEnd > pos) {
        const raw = s.slice(pos, textEnd);
        if (this.depth > 0) {
          const top = this.frames[this.depth - 1] as Frame;
          top.text = top.text === '' ? decode(raw, pos) : top.text + decode(raw, pos);
        } else if (raw.trim() !== '') {
          throw new XmlSyntaxError('text outside the root element', pos);
        }
      }
      if (lt === -1) break;
      const c = s.charCodeAt(lt + 1);
      if (c === 47 /* / */) {
        const gt = s.indexOf('>', lt);
        if (gt === -1) throw new XmlSyntaxError('unterminated end tag', lt);
        const top = this.depth > 0 ? (this.frames[this.depth - 1] as Frame) : undefined;
        if (!top || s.slice(lt + 2, gt).trimEnd() !== top.name) {
          throw new XmlSyntaxError(`end tag </${s.slice(lt + 2, gt)}> does not match <${top?.name ?? ''}>`, lt);
        }
        this.close();
        pos = gt + 1;
      } else if (c === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end === -1) throw new XmlSyntaxError('unterminated processing instruction', lt);
        pos = end + 2;
      } else if (c === 33 /* ! */) {
        pos = this.declaration(lt);
      } else {
        pos = this.openTag(lt);
      }
    }
    if (this.depth > 0) throw new XmlSyntaxError(`unclosed element <${this.frames[this.depth - 1]?.name ?? ''}>`, len);
    if (!this.rootSeen) throw new XmlSyntaxError('no element', 0);
    return this.root;
  }

  private declaration(lt: number): number {
    const s = this.s;
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      if (end === -1) throw new XmlSyntaxError('unterminated comment', lt);
      return end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end === -1) throw new XmlSyntaxError('unterminated CDATA section', lt);
      if (this.depth === 0) throw new XmlSyntaxError('CDATA outside the root element', lt);
      const top = this.frames[this.depth - 1] as Frame;
      top.text += s.slice(lt + 9, end);
      return end + 3;
    }
    throw new XmlSyntaxError('DOCTYPE and other declarations are not accepted', lt);
  }

  private push(name: string): Frame {
    if (this.depth === 0) {
      if (this.rootSeen) throw new XmlSyntaxError('more than one root element', 0);
      this.rootSeen = true;
    }
    if (this.depth >= MAX_DEPTH) throw new XmlSyntaxError('elements nested too deeply', 0);
    let f = this.frames[this.depth];
    if (f === undefined) {
      f = { name, local: '', el: null, text: '', hasChildren: false };
      this.frames.push(f);
    }
    f.name = name;
    f.local = localName(name);
    f.el = null;
    f.text = '';
    f.hasChildren = false;
    this.depth++;
    return f;
  }

  private close(): void {
    const f = this.frames[--this.depth] as Frame;
    let value: XmlNode;
    if (f.el !== null) {
      if (f.text !== '' && (!f.hasChildren || f.text.trim() !== '')) f.el['#text'] = f.text;
      value = f.el;
    } else {
      value = f.text;
    }
    let parent: XmlElement;
    if (this.depth === 0) {
      parent = this.root;
    } else {
      const pf = this.frames[this.depth - 1] as Frame;
      pf.hasChildren = true;
      parent = pf.el ??= {};
    }
    const prev = parent[f.local];
    if (prev === undefined) parent[f.local] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else parent[f.local] = [prev, value];
  }

  /** Reads `<name attr="v" ...>` or `<name .../>` starting at lt; returns the position after it. */
  private openTag(lt: number): number {
    const s = this.s;
    const len = s.length;
    let i = lt + 1;
    while (i < len) {
      const c = s.charCodeAt(i);
      if (isSpace(c) || c === 62 /* > */ || c === 47 /* / */) break;
      i++;
    }
    const name = s.slice(lt + 1, i);
    if (name === '' || name.indexOf('<') !== -1) throw new XmlSyntaxError('invalid start tag', lt);
    const f = this.push(name);
    for (;;) {
      while (i < len && isSpace(s.charCodeAt(i))) i++;
      if (i >= len) throw new XmlSyntaxError(`unterminated start tag <${name}>`, lt);
      const c = s.charCodeAt(i);
      if (c === 62 /* > */) return i + 1;
      if (c === 47 /* / */) {
        if (s.charCodeAt(i + 1) !== 62) throw new XmlSyntaxError(`malformed start tag <${name}>`, i);
        this.close();
        return i + 2;
      }
      const eq = s.indexOf('=', i);
      if (eq === -1) throw new XmlSyntaxError(`malformed attribute in <${name}>`, i);
      const attrName = s.slice(i, eq).trimEnd();
      if (attrName === '' || !validAttrName(attrName)) throw new XmlSyntaxError(`malformed attribute in <${name}>`, i);
      let q = eq + 1;
      while (q < len && isSpace(s.charCodeAt(q))) q++;
      const quote = s.charCodeAt(q);
      if (quote !== 34 && quote !== 39) throw new XmlSyntaxError(`unquoted attribute ${attrName}`, q);
      const end = s.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (end === -1) throw new XmlSyntaxError(`unterminated attribute ${attrName}`, q);
      const raw = s.slice(q + 1, end);
      if (raw.indexOf('<') !== -1) throw new XmlSyntaxError(`'<' in attribute ${attrName}`, q);
      i = end + 1;
      const after = s.charCodeAt(i);
      if (i < len && !isSpace(after) && after !== 62 && after !== 47) throw new XmlSyntaxError(`malformed start tag <${name}>`, i);
      // Namespace declarations are not data (names are matched without prefixes); the simulator repeats one
      // on every value, and keeping them would cost an extra property per element of a large inventory.
      if (attrName === 'xmlns' || attrName.startsWith('xmlns:')) continue;
      const el = (f.el ??= {});
      const key = safeKey(`@_${attrName}`);
      if (el[key] !== undefined) throw new XmlSyntaxError(`duplicate attribute ${attrName}`, i);
      el[key] = decode(raw, q);
    }
  }
}

/** Parses a whole document; the result holds the root element under its local name. */
export function scanXml(s: string): XmlElement {
  return new Scanner(s).run();
}
