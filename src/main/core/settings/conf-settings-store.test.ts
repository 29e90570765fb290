import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { ConfSettingsStore, inspectSettingsFile } from './conf-settings-store';
import { SETTINGS_VERSION } from './schema';

function open(dir: string): ConfSettingsStore {
  const inspected = inspectSettingsFile(join(dir, 'settings.json'));
  const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', projectName: 'vigie', clearInvalidConfig: true });
  return new ConfSettingsStore(conf, inspected.notices);
}

describe('settings file', () => {
  it('starts with defaults and writes a versioned document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-settings-'));
    const s = open(dir);
    expect(s.get().language).toBe('system');
    s.update((c) => ({ ...c, language: 'fr' }));
    const doc = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as { version: number; language: string };
    expect(doc).toMatchObject({ version: SETTINGS_VERSION, language: 'fr' });
    expect(open(dir).get().language).toBe('fr');
  });

  it('sets a corrupt file aside, says where, and starts with defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-settings-'));
    writeFileSync(join(dir, 'settings.json'), '{"version": 1, "language": "fr", "devices": [ {');
    const s = open(dir);
    expect(s.notices).toHaveLength(1);
    expect(s.notices[0]).toMatch(/not valid JSON/);
    const backup = readdirSync(dir).find((f) => f.startsWith('settings.json.corrupt-'));
    expect(backup).toBeDefined();
    expect(readFileSync(join(dir, backup!), 'utf8')).toContain('"language": "fr"');
    expect(s.notices[0]).toContain(backup!);
    expect(s.get().devices).toEqual([]);
  });

  it('refuses a file from a newer version without losing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-settings-'));
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ version: SETTINGS_VERSION + 1, language: 'fr' }));
    const s = open(dir);
    expect(s.notices[0]).toMatch(/newer Vigie/);
    expect(readdirSync(dir).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
    expect(s.get().language).toBe('system');
  });

  it('refuses to write an invalid document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-settings-'));
    const s = open(dir);
    expect(() => s.update((c) => ({ ...c, theme: 'neon' as 'dark' }))).toThrow(/invalid/);
    expect(s.get().theme).toBe('auto');
  });
});
