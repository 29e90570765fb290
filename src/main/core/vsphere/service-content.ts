import { z } from 'zod';
import { VsphereProtocolError } from './errors';
import type { MoRef } from './xml-build';
import { child, childNames, moRef, text, type XmlNode } from './xml-parse';

const AboutSchema = z.object({
  name: z.string(),
  fullName: z.string(),
  vendor: z.string().default(''),
  version: z.string(),
  build: z.string(),
  apiType: z.string(),
  apiVersion: z.string(),
  instanceUuid: z.string().optional(),
  productLineId: z.string().optional(),
  osType: z.string().optional(),
});
export type About = z.infer<typeof AboutSchema>;

/** The service's entry points, as RetrieveServiceContent gives them; a manager the server lacks is absent. */
export interface ServiceContent {
  about: About;
  rootFolder: MoRef;
  propertyCollector: MoRef;
  viewManager: MoRef | undefined;
  sessionManager: MoRef | undefined;
  perfManager: MoRef | undefined;
  eventManager: MoRef | undefined;
  taskManager: MoRef | undefined;
  diagnosticManager: MoRef | undefined;
  alarmManager: MoRef | undefined;
  /** Every reference of the content by name (licenseManager, searchIndex...). */
  refs: Readonly<Record<string, MoRef>>;
}

export function parseServiceContent(node: XmlNode | undefined): ServiceContent {
  const refs: Record<string, MoRef> = {};
  for (const name of childNames(node)) {
    const ref = moRef(child(node, name));
    if (ref) refs[name] = ref;
  }
  const aboutNode = child(node, 'about');
  const about = AboutSchema.safeParse(
    Object.fromEntries(childNames(aboutNode).map((k) => [k, text(aboutNode, k)] as const)),
  );
  if (!about.success || !refs.rootFolder || !refs.propertyCollector) {
    throw new VsphereProtocolError('RetrieveServiceContent: the answer lacks about, rootFolder or propertyCollector');
  }
  return {
    about: about.data,
    rootFolder: refs.rootFolder,
    propertyCollector: refs.propertyCollector,
    viewManager: refs.viewManager,
    sessionManager: refs.sessionManager,
    perfManager: refs.perfManager,
    eventManager: refs.eventManager,
    taskManager: refs.taskManager,
    diagnosticManager: refs.diagnosticManager,
    alarmManager: refs.alarmManager,
    refs,
  };
}
