import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** Per profile: the last scheduled slot (ms) that was run or deliberately passed over. */
const StateSchema = z.object({ lastSlot: z.record(z.string(), z.number()) });
export type ScheduleState = z.infer<typeof StateSchema>;

/**
 * The schedule's memory across restarts (`<data>/schedule.json`): without it a run missed while Vigie was
 * closed could not be told from one that already happened. Written through a temp file, so a crash leaves
 * the old or the new state, never half of one; an unreadable file is started afresh (no catch-up, no harm).
 */
export class ScheduleStateFile {
  constructor(private readonly path: string) {}

  read(): ScheduleState {
    try {
      return StateSchema.parse(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch {
      return { lastSlot: {} };
    }
  }

  write(state: ScheduleState): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, this.path);
  }
}
