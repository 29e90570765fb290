import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ReportDocumentSchema,
  type ReportDocument,
  type ReportHistoryEntry,
} from '../../../shared/contract/report';
import type { Logger } from '../ports';

export const HISTORY_KEEP = 30;

/** Ids become file names: only these characters, and never a leading dot. */
const SAFE_ID = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,160}$/;

const slug = (s: string): string => s.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^\.+/, '_');
/** 2026-12-03T06:00:00.123Z → 20261203T060000123Z */
const compact = (iso: string): string => iso.replace(/[-:.]/g, '');

export function entryOf(doc: ReportDocument): ReportHistoryEntry {
  let warning = 0;
  let critical = 0;
  let checksFailed = 0;
  for (const c of doc.checks) {
    if (c.status === 'error') checksFailed += 1;
    for (const r of c.rows)
      if (r.severity === 'critical') critical += 1;
      else warning += 1;
  }
  return {
    id: doc.id,
    profile: doc.profile,
    generatedAt: doc.generatedAt,
    findings: { warning, critical },
    checksFailed,
  };
}

/** Writes through a temporary file and a rename, so a crash leaves the old file or the new one, never half. */
function writeAtomic(path: string, data: string): void {
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * The last reports of each profile in `<data>/reports/`: `<id>.json` (the document) and `<id>.html` (as
 * rendered then). The folder is read once; a file that does not parse is skipped with a log line.
 */
export class ReportHistory {
  private index: Map<string, ReportHistoryEntry> | null = null;

  constructor(
    readonly dir: string,
    private readonly log: Logger,
    private readonly keep = HISTORY_KEEP,
  ) {}

  private load(): Map<string, ReportHistoryEntry> {
    if (this.index) return this.index;
    const index = new Map<string, ReportHistoryEntry>();
    let names: string[] = [];
    try {
      names = readdirSync(this.dir).filter((n) => n.endsWith('.json'));
    } catch {
      // No folder yet: no report made yet.
    }
    for (const name of names) {
      const doc = this.read(join(this.dir, name));
      if (doc && `${doc.id}.json` === name) index.set(doc.id, entryOf(doc));
      else if (doc) this.log.warn('report history: file name does not match its id, skipped', { file: name });
    }
    this.index = index;
    return index;
  }

  private read(path: string): ReportDocument | null {
    try {
      return ReportDocumentSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    } catch (error) {
      this.log.warn('report history: unreadable report skipped', {
        file: path,
        error: error instanceof Error ? error.message.slice(0, 200) : String(error),
      });
      return null;
    }
  }

  /**
   * Keeps a report and its HTML; gives it its history id (`<profile>-<time>`, file-name safe, unique) and
   * drops the profile's oldest reports beyond the limit. Returns the document as kept.
   */
  save(doc: ReportDocument, html: (doc: ReportDocument) => string): ReportDocument {
    const index = this.load();
    mkdirSync(this.dir, { recursive: true });
    const base = `${slug(doc.profile)}-${compact(doc.generatedAt)}`.slice(0, 150);
    let id = base;
    for (let n = 2; index.has(id); n += 1) id = `${base}-${n}`;
    const kept: ReportDocument = { ...doc, id };
    writeAtomic(join(this.dir, `${id}.html`), html(kept));
    writeAtomic(join(this.dir, `${id}.json`), JSON.stringify(kept));
    index.set(id, entryOf(kept));
    this.prune(kept.profile);
    return kept;
  }

  private prune(profile: string): void {
    const index = this.load();
    const mine = [...index.values()]
      .filter((e) => e.profile === profile)
      .sort((a, b) => b.generatedAt.localeCompare(a.generatedAt));
    for (const old of mine.slice(this.keep)) {
      index.delete(old.id);
      for (const ext of ['json', 'html']) rmSync(join(this.dir, `${old.id}.${ext}`), { force: true });
    }
  }

  /** Newest first. */
  list(profile?: string): ReportHistoryEntry[] {
    return [...this.load().values()]
      .filter((e) => profile === undefined || e.profile === profile)
      .sort((a, b) => b.generatedAt.localeCompare(a.generatedAt));
  }

  get(id: string): ReportDocument | null {
    if (!SAFE_ID.test(id) || !this.load().has(id)) return null;
    return this.read(join(this.dir, `${id}.json`));
  }

  html(id: string): string | null {
    if (!SAFE_ID.test(id) || !this.load().has(id)) return null;
    try {
      return readFileSync(join(this.dir, `${id}.html`), 'utf8');
    } catch {
      return null;
    }
  }

  /** Deletes every kept report of a profile. */
  removeProfile(profile: string): void {
    const index = this.load();
    for (const e of [...index.values()].filter((x) => x.profile === profile)) {
      index.delete(e.id);
      for (const ext of ['json', 'html']) rmSync(join(this.dir, `${e.id}.${ext}`), { force: true });
    }
  }
}
