import type { CallOptions, VimClient } from './client';
import { VsphereUnsupportedError } from './errors';
import { orUnsupported } from './unsupported';
import type { MoRef } from './xml-build';
import { children, num, text } from './xml-parse';

export interface LogDescriptor {
  key: string;
  fileName: string;
  creator: string;
  mimeType: string;
}

export interface LogChunk {
  lineStart: number;
  lineEnd: number;
  lines: string[];
}

async function manager(client: VimClient, call: string, opts: CallOptions): Promise<MoRef> {
  const sc = await client.serviceContent(opts);
  if (!sc.diagnosticManager) throw new VsphereUnsupportedError(call, 'no diagnostic manager in the service content');
  return sc.diagnosticManager;
}

/** DiagnosticManager.QueryDescriptions: the logs a host (or vCenter) offers (vmkernel, hostd...). */
export async function queryLogDescriptions(client: VimClient, host: MoRef | undefined, opts: CallOptions = {}): Promise<LogDescriptor[]> {
  const call = 'DiagnosticManager.QueryDescriptions';
  const dm = await manager(client, call, opts);
  const nodes = await orUnsupported(call, dm, () => client.call('QueryDescriptions', dm, { host }, opts));
  return nodes.map((n) => ({
    key: text(n, 'key') ?? '',
    fileName: text(n, 'fileName') ?? '',
    creator: text(n, 'creator') ?? '',
    mimeType: text(n, 'mimeType') ?? '',
  }));
}

/** DiagnosticManager.BrowseDiagnosticLog: lines of a log (the vmkernel warnings check reads these). */
export async function browseDiagnosticLog(
  client: VimClient,
  args: { host?: MoRef; key: string; start?: number; lines?: number },
  opts: CallOptions = {},
): Promise<LogChunk> {
  const call = 'DiagnosticManager.BrowseDiagnosticLog';
  const dm = await manager(client, call, opts);
  const [node] = await orUnsupported(call, dm, () =>
    client.call('BrowseDiagnosticLog', dm, { host: args.host, key: args.key, start: args.start, lines: args.lines }, opts),
  );
  return {
    lineStart: num(node, 'lineStart') ?? 0,
    lineEnd: num(node, 'lineEnd') ?? 0,
    lines: children(node, 'lineText').map((l) => text(l) ?? ''),
  };
}
