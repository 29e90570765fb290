import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_ENV, findChromium } from './chromium-pdf';
import { PdfUnavailableError } from './pdf';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'vigie-chromium-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('findChromium', () => {
  it('takes the option first, then the environment variable', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    writeFileSync(a, '');
    writeFileSync(b, '');
    expect(findChromium(a, { [CHROMIUM_ENV]: b })).toBe(a);
    expect(findChromium(null, { [CHROMIUM_ENV]: b })).toBe(b);
  });

  it('says which named path does not exist', () => {
    expect(() => findChromium(null, { [CHROMIUM_ENV]: join(dir, 'nope') })).toThrow(
      `no browser at ${join(dir, 'nope')} (from VIGIE_CHROMIUM): name the Chromium or Chrome executable`,
    );
  });

  it('finds a browser in PATH by its usual names', () => {
    const path = join(dir, 'google-chrome');
    writeFileSync(path, '');
    expect(findChromium(null, { PATH: `/nonexistent:${dir}` }, [])).toBe(path);
  });

  it('explains what to install when there is none', () => {
    expect(() => findChromium(null, { PATH: dir }, [])).toThrow(PdfUnavailableError);
    expect(() => findChromium(null, { PATH: dir }, [])).toThrow(
      /apt-get install chromium\) or set VIGIE_CHROMIUM=\/path\/to\/chrome$/,
    );
  });
});
