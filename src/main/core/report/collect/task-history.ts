import type { CallOptions, VimClient } from '../../vsphere/client';
import { VsphereProtocolError, VsphereUnsupportedError } from '../../vsphere/errors';
import { orUnsupported } from '../../vsphere/unsupported';
import { struct } from '../../vsphere/xml-build';
import { child, moRef, text } from '../../vsphere/xml-parse';

const CALL = 'TaskManager.CreateCollectorForTasks';

/**
 * Who created each snapshot: CreateSnapshot_Task tasks queued in [begin, end], read page by page through a
 * TaskHistoryCollector (bounded), matched on the task's result (the snapshot's reference). Returns snapshot
 * id → user name.
 */
export async function snapshotCreators(
  client: VimClient,
  q: { begin: Date; end: Date; maxTasks: number } & CallOptions,
): Promise<Map<string, string>> {
  const sc = await client.serviceContent(q);
  if (!sc.taskManager) throw new VsphereUnsupportedError(CALL, 'no task manager in the service content');
  const tm = sc.taskManager;
  return client.sessionScoped(async () => {
    const filter = struct({ time: struct({ timeType: 'queuedTime', beginTime: q.begin, endTime: q.end }) });
    const [node] = await orUnsupported(CALL, tm, () => client.call('CreateCollectorForTasks', tm, { filter }, q));
    const collector = moRef(node);
    if (!collector) throw new VsphereProtocolError('CreateCollectorForTasks returned no collector');
    const out = new Map<string, string>();
    try {
      for (let read = 0; read < q.maxTasks; ) {
        const batch = await client.call('ReadNextTasks', collector, { maxCount: 500 }, q);
        if (batch.length === 0) break;
        read += batch.length;
        for (const t of batch) {
          if (text(t, 'descriptionId') !== 'VirtualMachine.createSnapshot' && text(t, 'name') !== 'CreateSnapshot_Task') continue;
          const snap = moRef(child(t, 'result'));
          const user = text(t, 'reason', 'userName');
          if (snap && user) out.set(snap.value, user);
        }
      }
    } finally {
      await client.call('DestroyCollector', collector, {}, { timeoutMs: 10_000 }).catch(() => undefined);
    }
    return out;
  });
}
