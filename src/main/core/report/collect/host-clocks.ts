import type { CallOptions, VimClient } from '../../vsphere/client';
import { queryHostDateTime } from '../../vsphere/host-clock';
import type { MoRef } from '../../vsphere/xml-build';
import { mapLimit } from './map-limit';

/**
 * Each host's clock minus the console's, in seconds, measured against the midpoint of the call (the
 * network time is split evenly). A host whose call fails is left out; the first "unsupported" stops the
 * reads (the same server lacks it everywhere) and is thrown.
 */
export async function hostSkews(
  client: VimClient,
  hosts: readonly { ref: string; moRef: MoRef }[],
  opts: CallOptions & { concurrency?: number; clock?: () => number },
): Promise<Map<string, number>> {
  const clock = opts.clock ?? Date.now;
  const out = new Map<string, number>();
  await mapLimit(hosts, opts.concurrency ?? 8, async (h) => {
    const sent = clock();
    const d = await queryHostDateTime(client, h.moRef, opts);
    const mid = (sent + clock()) / 2;
    out.set(h.ref, (d.getTime() - mid) / 1000);
  });
  return out;
}
