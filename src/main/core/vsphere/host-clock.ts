import type { CallOptions, VimClient } from './client';
import { VsphereUnsupportedError } from './errors';
import { readProperty } from './property-collector';
import { orUnsupported } from './unsupported';
import type { MoRef } from './xml-build';
import { date, moRef } from './xml-parse';

/**
 * A host's clock through its HostDateTimeSystem (QueryDateTime), for the NTP skew check. VMware's simulator
 * has no HostDateTimeSystem: that is VsphereUnsupportedError, not a failure.
 */
export async function queryHostDateTime(client: VimClient, host: MoRef, opts: CallOptions = {}): Promise<Date> {
  const call = 'HostDateTimeSystem.QueryDateTime';
  const dts = moRef(await readProperty(client, host, 'configManager.dateTimeSystem', opts));
  if (!dts) throw new VsphereUnsupportedError(call, `host ${host.value} has no date-time system`);
  const [node] = await orUnsupported(call, dts, () => client.call('QueryDateTime', dts, {}, opts));
  const d = date(node);
  if (!d) throw new VsphereUnsupportedError(call, 'the answer holds no date');
  return d;
}
