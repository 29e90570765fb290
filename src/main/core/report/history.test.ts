import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../ports';
import { ReportHistory } from './history';
import { testDocument } from './render/test-document';

let dir: string;
let warnings: string[];
const log: Logger = {
  info: () => undefined,
  warn: (m, f) => warnings.push(`${m} ${JSON.stringify(f)}`),
  error: () => undefined,
};
const at = (i: number): string => new Date(Date.UTC(2026, 10, 1, 6, 0, 0) + i * 86_400_000).toISOString();

beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'vigie-history-')), 'reports');
  warnings = [];
});
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

describe('ReportHistory', () => {
  it('keeps the last 30 reports of each profile, JSON and HTML, newest first', () => {
    const h = new ReportHistory(dir, log);
    for (let i = 0; i < 33; i += 1)
      h.save(testDocument({ profile: 'daily', generatedAt: at(i) }), (d) => `<p>${d.id}</p>`);
    h.save(testDocument({ profile: 'other one', generatedAt: at(0) }), () => '<p>x</p>');
    const daily = h.list('daily');
    expect(daily).toHaveLength(30);
    expect(daily[0]?.generatedAt).toBe(at(32));
    expect(daily[29]?.generatedAt).toBe(at(3));
    expect(h.list()).toHaveLength(31);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(31);
    expect(readdirSync(dir).filter((f) => f.endsWith('.html'))).toHaveLength(31);
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(false);
    expect(h.list('other one')[0]?.id).toBe('other_one-20261101T060000000Z');
  });

  it('reopens a kept report and its HTML from a fresh instance, with counts in the entry', () => {
    const kept = new ReportHistory(dir, log).save(testDocument(), (d) => `<p>${d.id}</p>`);
    const again = new ReportHistory(dir, log);
    expect(again.list()).toEqual([
      {
        id: kept.id,
        profile: 'daily',
        generatedAt: kept.generatedAt,
        findings: { warning: 2, critical: 1 },
        checksFailed: 1,
      },
    ]);
    expect(again.get(kept.id)).toEqual(kept);
    expect(again.html(kept.id)).toBe(`<p>${kept.id}</p>`);
  });

  it('gives two reports of the same second distinct ids', () => {
    const h = new ReportHistory(dir, log);
    const a = h.save(testDocument(), () => '');
    const b = h.save(testDocument(), () => '');
    expect(a.id).not.toBe(b.id);
    expect(h.list()).toHaveLength(2);
  });

  it('skips a corrupt or foreign file with a log line instead of failing', () => {
    const h = new ReportHistory(dir, log);
    const kept = h.save(testDocument(), () => '');
    writeFileSync(join(dir, 'daily-broken.json'), '{"id": "daily-broken", "prof');
    writeFileSync(join(dir, 'daily-wrong.json'), JSON.stringify({ id: 'daily-wrong', hello: 1 }));
    const fresh = new ReportHistory(dir, log);
    expect(fresh.list().map((e) => e.id)).toEqual([kept.id]);
    expect(warnings.filter((w) => w.includes('unreadable report skipped'))).toHaveLength(2);
    expect(warnings.join('\n')).toContain('daily-broken.json');
  });

  it('refuses ids that are not file names of the history', () => {
    const h = new ReportHistory(dir, log);
    h.save(testDocument(), () => '');
    expect(h.get('../settings')).toBeNull();
    expect(h.html('../../etc/passwd')).toBeNull();
    expect(h.get('nope')).toBeNull();
  });
});
