import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VsphereInputError } from './errors';
import { escapeXml, soapRequest, struct, writeElement } from './xml-build';
import { child, children, moRef, parseXml, text, xsiType } from './xml-parse';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</userName><password>x</password>',
  ']]><![CDATA[',
  'a & b &amp; &#60; &lt;',
  `"quoted" and 'single'`,
  'line1\r\nline2\ttab',
  'VM-été-日本-🚀',
  '  leading and trailing  ',
];

// Characters XML 1.0 can carry (what a vCenter name or a password may hold).
const xmlChar = fc
  .integer({ min: 0x09, max: 0x10ffff })
  .filter((c) => c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000)
  .map((c) => String.fromCodePoint(c));
const xmlText = fc.array(xmlChar, { maxLength: 40 }).map((a) => a.join(''));

describe('XML building', () => {
  it.each(HOSTILE)('a hostile value %j goes through a request unchanged, as data', (value) => {
    const xml = soapRequest('Login', { type: 'SessionManager', value: 'SessionManager' }, { userName: value, password: value });
    const body = child(parseXml(xml), 'Envelope', 'Body', 'Login');
    expect(children(body, 'userName')).toHaveLength(1);
    expect(children(body, 'password')).toHaveLength(1);
    expect(text(body, 'userName')).toBe(value);
    expect(text(body, 'password')).toBe(value);
  });

  it('any XML-representable string round-trips through element text and attributes', () => {
    fc.assert(
      fc.property(xmlText, xmlText, (value, ref) => {
        const xml = soapRequest('Op', { type: 'Folder', value: ref }, { name: value, list: [value, value] });
        const body = child(parseXml(xml), 'Envelope', 'Body', 'Op');
        expect(text(body, 'name')).toBe(value);
        expect(children(body, 'list').map((n) => text(n))).toEqual([value, value]);
        expect(moRef(child(body, '_this'))).toEqual({ type: 'Folder', value: ref });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses characters XML cannot carry instead of altering them', () => {
    for (const bad of ['a\u0000b', 'bell\u0007', '\uFFFE', 'lone \uD800 surrogate']) {
      expect(() => soapRequest('Login', { type: 'SessionManager', value: 'SessionManager' }, { password: bad })).toThrow(VsphereInputError);
    }
    expect(() => escapeXml('ok \u00e9 \u{1F680}')).not.toThrow();
  });

  it('refuses invalid element names, non-finite numbers and invalid dates', () => {
    const out: string[] = [];
    expect(() => writeElement(out, 'bad name', 'x')).toThrow(VsphereInputError);
    expect(() => writeElement(out, 'a><b', 'x')).toThrow(VsphereInputError);
    expect(() => writeElement(out, 'n', Number.NaN)).toThrow(VsphereInputError);
    expect(() => writeElement(out, 'n', Number.POSITIVE_INFINITY)).toThrow(VsphereInputError);
    expect(() => writeElement(out, 'd', new Date('nope'))).toThrow(VsphereInputError);
  });

  it('writes structs in field order with xsi:type, references with their type, and skips null/undefined', () => {
    const out: string[] = [];
    writeElement(
      out,
      'specSet',
      struct({
        propSet: struct({ type: 'VirtualMachine', all: false, pathSet: ['name', 'runtime.powerState'] }),
        objectSet: struct({
          obj: { type: 'ContainerView', value: 'session[1]v' },
          skip: true,
          selectSet: struct({ name: 'traverseView', type: 'ContainerView', path: 'view', skip: false }, 'TraversalSpec'),
        }),
        reportMissingObjectsInResults: undefined,
        nothing: null,
      }),
    );
    expect(out.join('')).toBe(
      '<specSet><propSet><type>VirtualMachine</type><all>false</all><pathSet>name</pathSet><pathSet>runtime.powerState</pathSet></propSet>' +
        '<objectSet><obj type="ContainerView">session[1]v</obj><skip>true</skip>' +
        '<selectSet xsi:type="TraversalSpec"><name>traverseView</name><type>ContainerView</type><path>view</path><skip>false</skip></selectSet>' +
        '</objectSet></specSet>',
    );
    const parsed = parseXml(`<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${out.join('')}</r>`);
    expect(xsiType(child(parsed, 'r', 'specSet', 'objectSet', 'selectSet'))).toBe('TraversalSpec');
  });

  it('writes dates as ISO-8601 and numbers as decimals', () => {
    const out: string[] = [];
    writeElement(out, 'beginTime', new Date(Date.UTC(2024, 0, 2, 3, 4, 5)));
    writeElement(out, 'maxCount', 1000);
    expect(out.join('')).toBe('<beginTime>2024-01-02T03:04:05.000Z</beginTime><maxCount>1000</maxCount>');
  });
});
