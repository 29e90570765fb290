import type { CallOptions, VimClient } from '../../vsphere/client';
import { browseDiagnosticLog } from '../../vsphere/diagnostic-log';
import type { MoRef } from '../../vsphere/xml-build';
import type { LogLine } from '../snapshot';
import { mapLimit } from './map-limit';

const STAMP = /(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?)/;

export function parseLogTime(line: string): Date | null {
  const m = STAMP.exec(line.slice(0, 40));
  if (!m?.[1]) return null;
  const d = new Date(m[1].endsWith('Z') ? m[1] : `${m[1]}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The tail of each host's vmkernel log (the last `lines` lines, found from the log's line count), a few
 * hosts at a time. The first failure (unsupported on the simulator) stops the reads and is thrown.
 */
export async function vmkernelTails(
  client: VimClient,
  hosts: readonly { ref: string; moRef: MoRef }[],
  opts: CallOptions & { lines?: number; concurrency?: number },
): Promise<LogLine[]> {
  const want = opts.lines ?? 5000;
  const out: LogLine[] = [];
  await mapLimit(hosts, opts.concurrency ?? 4, async (h) => {
    const head = await browseDiagnosticLog(client, { host: h.moRef, key: 'vmkernel', start: 1, lines: 1 }, opts);
    const start = Math.max(1, head.lineEnd - want + 1);
    const chunk = await browseDiagnosticLog(client, { host: h.moRef, key: 'vmkernel', start, lines: want }, opts);
    for (const line of chunk.lines) out.push({ hostRef: h.ref, time: parseLogTime(line), line });
  });
  return out;
}
