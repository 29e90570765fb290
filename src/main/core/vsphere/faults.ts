import type { TestStage } from '../../../shared/contract/devices';
import { VsphereError } from './errors';
import type { MoRef } from './xml-build';
import { arrayItems, child, childNames, children, moRef, text, xsiType, type XmlNode } from './xml-parse';

/**
 * A SOAP fault from the server, typed by its vim25 fault name (InvalidLogin, NoPermission...). `details`
 * holds the fault's simple fields (invalidProperty, privilegeId...) and `object` the reference it names.
 */
export class VimFault extends VsphereError {
  constructor(
    readonly faultType: string,
    message: string,
    readonly details: Readonly<Record<string, string>> = {},
    readonly object: MoRef | null = null,
    stage: TestStage = 'protocol',
  ) {
    super(stage, message);
  }
}

export class InvalidLoginFault extends VimFault {}
export class NotAuthenticatedFault extends VimFault {}
export class NoPermissionFault extends VimFault {}
export class NotImplementedFault extends VimFault {}
export class NotSupportedFault extends VimFault {}
export class MethodNotFoundFault extends VimFault {}
export class InvalidArgumentFault extends VimFault {}
export class InvalidPropertyFault extends VimFault {}
export class ManagedObjectNotFoundFault extends VimFault {}
export class InvalidStateFault extends VimFault {}
export class RequestCanceledFault extends VimFault {}
export class InvalidRequestFault extends VimFault {}

type FaultClass = new (...args: ConstructorParameters<typeof VimFault>) => VimFault;

const CLASSES: Record<string, { cls: FaultClass; stage: TestStage }> = {
  InvalidLogin: { cls: InvalidLoginFault, stage: 'auth' },
  NotAuthenticated: { cls: NotAuthenticatedFault, stage: 'auth' },
  NoPermission: { cls: NoPermissionFault, stage: 'permission' },
  NotImplemented: { cls: NotImplementedFault, stage: 'protocol' },
  NotSupported: { cls: NotSupportedFault, stage: 'protocol' },
  MethodNotFound: { cls: MethodNotFoundFault, stage: 'protocol' },
  InvalidArgument: { cls: InvalidArgumentFault, stage: 'protocol' },
  InvalidProperty: { cls: InvalidPropertyFault, stage: 'protocol' },
  ManagedObjectNotFound: { cls: ManagedObjectNotFoundFault, stage: 'protocol' },
  InvalidState: { cls: InvalidStateFault, stage: 'protocol' },
  RequestCanceled: { cls: RequestCanceledFault, stage: 'protocol' },
  InvalidRequest: { cls: InvalidRequestFault, stage: 'protocol' },
};

const DEFAULT_TEXT: Record<string, string> = {
  InvalidLogin: 'wrong user name or password',
  NotAuthenticated: 'the session is not authenticated (expired or logged out)',
  NoPermission: 'permission denied',
  NotImplemented: 'not implemented by this server',
  MethodNotFound: 'method not found on this server',
};

/** The fault detail element → a typed error; `method` names the call for the message. */
export function faultFromSoap(faultString: string, detail: XmlNode | undefined, method: string): VimFault {
  const inner = childNames(detail)
    .map((n) => child(detail, n))
    .find((n) => n !== undefined);
  const elementName = childNames(detail)[0] ?? '';
  const type = xsiType(inner) ?? (elementName.endsWith('Fault') ? elementName.slice(0, -5) : elementName) ?? '';
  const faultType = type || 'SoapFault';
  const details: Record<string, string> = {};
  let object: MoRef | null = null;
  for (const name of childNames(inner)) {
    if (name === 'faultMessage' || name === 'faultCause') continue;
    const node = child(inner, name);
    const ref = moRef(node);
    if (ref && (name === 'obj' || name === 'object' || name === 'entity')) object = ref;
    else if (typeof node === 'string') details[name] = node;
  }
  const faultMessages = children(inner, 'faultMessage')
    .map((m) => text(m, 'message'))
    .filter((m): m is string => !!m);
  const reason = faultString.trim() || faultMessages[0] || DEFAULT_TEXT[faultType] || faultType;
  const extra = [details.invalidProperty && `property ${details.invalidProperty}`, details.privilegeId && `privilege ${details.privilegeId}`, object && `object ${object.type}:${object.value}`]
    .filter(Boolean)
    .join(', ');
  const message = `${method}: ${faultType}: ${reason}${extra ? ` (${extra})` : ''}`;
  const known = CLASSES[faultType];
  return known ? new known.cls(faultType, message, details, object, known.stage) : new VimFault(faultType, message, details, object);
}

/** The localized fault inside a MissingProperty / MissingObject (the simulator and vCenter report them inline). */
export function missingFaultType(fault: XmlNode | undefined): string {
  const inner = child(fault, 'fault') ?? arrayItems(fault)[0];
  return xsiType(inner) ?? 'unknown';
}

