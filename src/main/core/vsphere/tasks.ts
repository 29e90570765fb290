import type { CallOptions, VimClient } from './client';
import { VsphereProtocolError, VsphereTimeoutError } from './errors';
import { VimFault } from './faults';
import { retrieveObjects } from './property-collector';
import type { MoRef } from './xml-build';
import { child, moRef, text, xsiType } from './xml-parse';

export interface TaskResult {
  state: 'success';
  result: MoRef | string | undefined;
}

/** Polls a Task's info until it succeeds (returns) or fails (throws its fault), within timeoutMs. */
export async function waitForTask(client: VimClient, task: MoRef, opts: CallOptions & { pollMs?: number } = {}): Promise<TaskResult> {
  const bound = opts.timeoutMs ?? 120_000;
  const deadline = Date.now() + bound;
  for (;;) {
    const [content] = await retrieveObjects(client, [task], ['info.state', 'info.error', 'info.result'], opts);
    const state = text(content?.props.get('info.state'));
    if (state === 'success') {
      const result = content?.props.get('info.result');
      return { state, result: moRef(result) ?? text(result) };
    }
    if (state === 'error') {
      const err = content?.props.get('info.error');
      const type = xsiType(child(err, 'fault')) ?? 'TaskError';
      throw new VimFault(type, `task ${task.value} failed: ${type}: ${text(err, 'localizedMessage') ?? ''}`.trim());
    }
    if (content === undefined) throw new VsphereProtocolError(`task ${task.value} not found`);
    if (Date.now() > deadline) throw new VsphereTimeoutError(`task ${task.value} still ${state} after ${bound / 1000} s`, bound);
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 250));
  }
}

/** Runs a `*_Task` method and waits for it. */
export async function runTask(
  client: VimClient,
  method: `${string}_Task`,
  self: MoRef,
  args: Parameters<VimClient['call']>[2] = {},
  opts: CallOptions = {},
): Promise<TaskResult> {
  const [node] = await client.call(method, self, args, opts);
  const task = moRef(node);
  if (!task) throw new VsphereProtocolError(`${method} returned no task`);
  return waitForTask(client, task, opts);
}
