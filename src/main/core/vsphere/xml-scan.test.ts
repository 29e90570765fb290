import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml } from './xml-build';
import type { XmlElement, XmlNode } from './xml-parse';
import { child, children, text } from './xml-parse';
import { scanXml, XmlSyntaxError } from './xml-scan';

// The reference: fast-xml-parser configured to produce the same shape (every child a list, text kept as is).
const reference = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  transformTagName: (name) => name.slice(name.indexOf(':') + 1),
  isArray: (_n, _p, _l, isAttribute) => !isAttribute,
  maxNestedTags: 1000,
});

type Canon = string | { [k: string]: Canon | Canon[] };

/** Both trees in one canonical form: every child a list. */
function canon(node: unknown): Canon {
  if (typeof node === 'string') return node;
  const out: { [k: string]: Canon | Canon[] } = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k.startsWith('@_') || k === '#text') out[k] = v as string;
    else out[k] = (Array.isArray(v) ? v : [v]).map(canon);
  }
  return out;
}

/** The scanner drops namespace declarations; the reference keeps them as attributes. */
function withoutXmlns(node: unknown): unknown {
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map(withoutXmlns);
  const kept = Object.entries(node as Record<string, unknown>).filter(([k]) => k !== '@_xmlns' && !k.startsWith('@_xmlns:'));
  // An element left with no attribute is a plain leaf: its text.
  if (kept.length === 0) return '';
  if (kept.length === 1 && kept[0]?.[0] === '#text') return kept[0][1];
  return Object.fromEntries(kept.map(([k, v]) => [k, withoutXmlns(v)]));
}

interface Gen {
  name: string;
  prefix: string;
  attrs: [string, string][];
  body: string | Gen[];
}

const nameArb = fc.constantFrom('obj', 'propSet', 'name', 'val', 'returnval', 'key', 'a', 'b');
// Tab and newline are left out: escapeXml writes them as character references, which this version of
// fast-xml-parser leaves undecoded (the scanner decodes them; tested below).
const xmlChar = fc
  .integer({ min: 0x20, max: 0xfffd })
  .filter((c) => c <= 0xd7ff || c >= 0xe000)
  .map((c) => String.fromCodePoint(c));
const textArb = fc.array(xmlChar, { maxLength: 12 }).map((a) => a.join(''));
const treeArb: fc.Arbitrary<Gen> = fc.letrec<{ node: Gen }>((tie) => ({
  node: fc.record({
    name: nameArb,
    prefix: fc.constantFrom('', 'soapenv:', 'ns1:'),
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom('type', 'xsi:type', 'id', 'xmlns', 'xmlns:xsi'), textArb), { maxLength: 2, selector: (t) => t[0] }),
    body: fc.oneof({ depthSize: 'small' }, textArb.filter((t) => t.trim() !== '' || t === ''), fc.array(tie('node'), { minLength: 1, maxLength: 4 })),
  }),
})).node;

function serialize(g: Gen): string {
  const attrs = g.attrs.map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  const tag = `${g.prefix}${g.name}`;
  if (typeof g.body === 'string') return g.body === '' && g.attrs.length ? `<${tag}${attrs}/>` : `<${tag}${attrs}>${escapeXml(g.body)}</${tag}>`;
  return `<${tag}${attrs}>${g.body.map(serialize).join('')}</${tag}>`;
}

describe('XML scanner', () => {
  it('builds the same tree as fast-xml-parser for any vim25-like document', () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        const xml = `<?xml version="1.0" encoding="UTF-8"?>${serialize(tree)}`;
        expect(canon(scanXml(xml))).toEqual(canon(withoutXmlns(reference.parse(xml))));
      }),
      { numRuns: 400 },
    );
  });

  it('reads a SOAP answer the way the simulator writes it', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>' +
      '<RetrievePropertiesExResponse xmlns="urn:vim25"><returnval><objects><obj type="VirtualMachine">vm-1</obj>' +
      '<propSet><name>name</name><val xmlns:XMLSchema-instance="http://www.w3.org/2001/XMLSchema-instance" XMLSchema-instance:type="xsd:string">&lt;img src=x onerror=alert(1)&gt;</val></propSet>' +
      '</objects></returnval></RetrievePropertiesExResponse></soapenv:Body></soapenv:Envelope>';
    const objects = child(scanXml(xml), 'Envelope', 'Body', 'RetrievePropertiesExResponse', 'returnval', 'objects');
    expect(text(objects, 'obj')).toBe('vm-1');
    expect(text(objects, 'propSet', 'val')).toBe('<img src=x onerror=alert(1)>');
  });

  it('keeps repeated children in order and single ones without a list', () => {
    const doc = scanXml('<r><a>1</a><b>x</b><a>2</a><a>3</a></r>');
    expect(children(child(doc, 'r'), 'a')).toEqual(['1', '2', '3']);
    expect((child(doc, 'r') as XmlElement).b).toBe('x');
  });

  it('decodes entities, character references and CDATA; keeps comments out', () => {
    const doc = scanXml('<r><t>&lt;&gt;&amp;&quot;&apos;&#233;&#x1F680;</t><c><![CDATA[<raw & text>]]></c><!-- note --><e/></r>');
    expect(text(doc, 'r', 't')).toBe(`<>&"'é🚀`);
    expect(text(doc, 'r', 'c')).toBe('<raw & text>');
    expect(text(doc, 'r', 'e')).toBe('');
  });

  it('an element named __proto__ does not touch prototypes', () => {
    const doc = scanXml('<r><__proto__><polluted>yes</polluted></__proto__></r>');
    const r = child(doc, 'r') as XmlNode;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect(text(r, '#__proto__', 'polluted')).toBe('yes');
  });

  it.each([
    ['a DOCTYPE (entity expansion)', '<!DOCTYPE r [<!ENTITY a "aaaa">]><r>&a;</r>'],
    ['an unknown entity', '<r>&nbsp;</r>'],
    ['an unterminated entity', '<r>a & b</r>'],
    ['mismatched tags', '<r><a></b></r>'],
    ['an unclosed element', '<r><a>'],
    ['two roots', '<r/><s/>'],
    ['text outside the root', 'hello <r/>'],
    ['an unquoted attribute', '<r a=1/>'],
    ['a duplicate attribute', '<r a="1" a="2"/>'],
    ['a bad character reference', '<r>&#0;</r>'],
    ['no element at all', '   '],
  ])('refuses %s', (_what, xml) => {
    expect(() => scanXml(xml)).toThrow(XmlSyntaxError);
  });

  it('refuses absurd nesting instead of exhausting the stack', () => {
    const deep = '<a>'.repeat(5000) + '</a>'.repeat(5000);
    expect(() => scanXml(deep)).toThrow(/nested too deeply/);
  });
});
