import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensurePrivateFile } from './private-file';

const mode = (p: string): number => statSync(p).mode & 0o777;

describe('ensurePrivateFile', () => {
  it('creates a missing file 0600 and narrows an existing 0644 one, keeping its content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-private-'));
    ensurePrivateFile(join(dir, 'new.db'));
    expect(mode(join(dir, 'new.db'))).toBe(0o600);
    writeFileSync(join(dir, 'old.log'), 'kept\n', { mode: 0o644 });
    ensurePrivateFile(join(dir, 'old.log'));
    expect(mode(join(dir, 'old.log'))).toBe(0o600);
    expect(statSync(join(dir, 'old.log')).size).toBe(5);
  });

  it('leaves a path it cannot create to the opener', () => {
    expect(() => ensurePrivateFile('/nonexistent-vigie-dir/x.db')).not.toThrow();
    expect(() => ensurePrivateFile(':memory:')).not.toThrow();
  });
});
