import type { CallOptions, VimClient } from './client';
import { VsphereProtocolError } from './errors';
import { missingFaultType } from './faults';
import { struct, type MoRef, type Struct } from './xml-build';
import { child, children, moRef, text, type XmlNode } from './xml-parse';

/** Which properties to read for one managed object type ('all' = every property, rarely wise). */
export interface PropertySelection {
  type: string;
  paths: readonly string[] | 'all';
}

/** One object's properties as the server sent them (values are parsed XML; readers pick what they need). */
export interface ObjectContent {
  obj: MoRef;
  props: Map<string, XmlNode>;
  /** Properties the server could not read, with the fault type (NoPermission, NotImplemented...). */
  missing: { path: string; fault: string }[];
}

export function propertySpecs(selections: readonly PropertySelection[]): Struct[] {
  return selections.map((s) =>
    s.paths === 'all' ? struct({ type: s.type, all: true }) : struct({ type: s.type, all: false, pathSet: s.paths }),
  );
}

/** A filter spec that walks a ContainerView's `view` (the objects of the container, by type). */
export function viewFilterSpec(view: MoRef, selections: readonly PropertySelection[]): Struct {
  return struct({
    propSet: propertySpecs(selections),
    objectSet: struct({
      obj: view,
      skip: true,
      selectSet: struct({ name: 'traverseView', type: 'ContainerView', path: 'view', skip: false }, 'TraversalSpec'),
    }),
  });
}

export function parseObjectContent(node: XmlNode): ObjectContent {
  const obj = moRef(child(node, 'obj'));
  if (!obj) throw new VsphereProtocolError('ObjectContent without obj');
  const props = new Map<string, XmlNode>();
  for (const p of children(node, 'propSet')) {
    const name = text(p, 'name');
    const val = child(p, 'val');
    if (name !== undefined && val !== undefined) props.set(name, val);
  }
  const missing = children(node, 'missingSet').map((m) => ({ path: text(m, 'path') ?? '', fault: missingFaultType(child(m, 'fault')) }));
  return { obj, props, missing };
}

export async function createContainerView(
  client: VimClient,
  types: readonly string[],
  opts: CallOptions & { container?: MoRef; recursive?: boolean } = {},
): Promise<MoRef> {
  const sc = await client.serviceContent(opts);
  if (!sc.viewManager) throw new VsphereProtocolError('the server has no ViewManager');
  const [node] = await client.call(
    'CreateContainerView',
    sc.viewManager,
    { container: opts.container ?? sc.rootFolder, type: types, recursive: opts.recursive ?? true },
    opts,
  );
  const view = moRef(node);
  if (!view) throw new VsphereProtocolError('CreateContainerView returned no view');
  return view;
}

/** Destroys a view; a view already gone with its session is not an error. */
export async function destroyView(client: VimClient, view: MoRef): Promise<void> {
  try {
    await client.call('DestroyView', view, {}, { timeoutMs: 10_000 });
  } catch {
    /* the session (and the view with it) may be gone */
  }
}

export interface RetrieveOptions extends CallOptions {
  /** Objects per page (RetrieveOptions.maxObjects); the server may send fewer. */
  pageSize?: number;
  /** Called with each page as it arrives (progress, or to process a large inventory page by page). */
  onPage?: (page: ObjectContent[]) => void;
}

/**
 * RetrievePropertiesEx and its ContinueRetrievePropertiesEx pages until the token runs out. A failure after the
 * first page cancels the outstanding token so that the server frees its result set.
 */
export async function retrievePaged(client: VimClient, filterSpec: Struct, opts: RetrieveOptions = {}): Promise<ObjectContent[]> {
  const sc = await client.serviceContent(opts);
  const out: ObjectContent[] = [];
  let nodes = await client.call(
    'RetrievePropertiesEx',
    sc.propertyCollector,
    { specSet: filterSpec, options: struct({ maxObjects: opts.pageSize }) },
    opts,
  );
  for (;;) {
    const result = nodes[0];
    const page = children(result, 'objects').map(parseObjectContent);
    opts.onPage?.(page);
    for (const o of page) out.push(o);
    const token = text(result, 'token');
    if (!token) return out;
    try {
      nodes = await client.call('ContinueRetrievePropertiesEx', sc.propertyCollector, { token }, opts);
    } catch (error) {
      await client
        .call('CancelRetrievePropertiesEx', sc.propertyCollector, { token }, { timeoutMs: 5000 })
        .catch(() => undefined);
      throw error;
    }
  }
}

/**
 * Properties of every object of the given types under a container (the root folder by default): one
 * ContainerView, one paged retrieval, the view destroyed afterwards whatever happens.
 */
export async function retrieveFromContainer(
  client: VimClient,
  selections: readonly PropertySelection[],
  opts: RetrieveOptions & { container?: MoRef; recursive?: boolean } = {},
): Promise<ObjectContent[]> {
  return client.sessionScoped(async () => {
    const view = await createContainerView(client, [...new Set(selections.map((s) => s.type))], opts);
    try {
      return await retrievePaged(client, viewFilterSpec(view, selections), opts);
    } finally {
      await destroyView(client, view);
    }
  });
}

/** Properties of known objects (of any types); objects that no longer exist are left out. */
export async function retrieveObjects(
  client: VimClient,
  objs: readonly MoRef[],
  paths: readonly string[],
  opts: RetrieveOptions = {},
): Promise<ObjectContent[]> {
  if (objs.length === 0) return [];
  const types = [...new Set(objs.map((o) => o.type))];
  const spec = struct({
    propSet: propertySpecs(types.map((type) => ({ type, paths }))),
    objectSet: objs.map((obj) => struct({ obj, skip: false })),
    // Objects deleted meanwhile are reported in the result rather than failing the whole read.
    reportMissingObjectsInResults: true,
  });
  return retrievePaged(client, spec, opts);
}

/** One property of one object, or undefined when the object or the property is absent. */
export async function readProperty(client: VimClient, obj: MoRef, path: string, opts: CallOptions = {}): Promise<XmlNode | undefined> {
  const [content] = await retrieveObjects(client, [obj], [path], opts);
  return content?.props.get(path);
}
