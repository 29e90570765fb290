import { VsphereProtocolError } from './errors';
import { faultFromSoap } from './faults';
import { child, childNames, children, parseXml, text, type XmlElement, type XmlNode } from './xml-parse';

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

function describeNonSoap(answer: HttpAnswer): string {
  const head = answer.body.slice(0, 2000);
  const title = /<title[^>]*>([^<]{0,120})/i.exec(head)?.[1]?.trim();
  const looksHtml = /html/i.test(answer.contentType) || /^\s*(<!doctype html|<html)/i.test(head);
  const what = looksHtml
    ? `an HTML page${title ? ` ("${title}")` : ''}`
    : answer.body.trim() === ''
      ? 'an empty body'
      : `${answer.contentType || 'untyped'} content starting ${JSON.stringify(head.trim().slice(0, 60))}`;
  return `HTTP ${answer.status} with ${what} instead of vSphere SOAP: is this the vCenter or ESXi address (https://host/sdk)?`;
}

/**
 * The `returnval` elements of a SOAP answer to `method`, or the typed fault it carries. Anything that is not a
 * SOAP envelope (an HTML login page, a proxy error, garbage) becomes a VsphereProtocolError that says so.
 */
export function decodeSoapAnswer(answer: HttpAnswer, method: string): XmlNode[] {
  const looksXml = /^\s*(<\?xml|<[A-Za-z_:][\w.:-]*[\s>])/.test(answer.body.slice(0, 200));
  if (!looksXml || /^\s*(<!doctype html|<html)/i.test(answer.body.slice(0, 200))) {
    throw new VsphereProtocolError(describeNonSoap(answer), answer.status);
  }
  let doc: XmlElement;
  try {
    doc = parseXml(answer.body);
  } catch (error) {
    throw new VsphereProtocolError(
      `HTTP ${answer.status}: malformed XML from the server (${(error as Error).message.slice(0, 200)})`,
      answer.status,
    );
  }
  const body = child(doc, 'Envelope', 'Body');
  if (body === undefined) throw new VsphereProtocolError(describeNonSoap(answer), answer.status);
  const fault = child(body, 'Fault');
  if (fault !== undefined) {
    // SOAP 1.1 (faultstring/detail); SOAP 1.2 servers use Reason/Text and Detail.
    const faultString = text(fault, 'faultstring') ?? text(fault, 'Reason', 'Text') ?? '';
    throw faultFromSoap(faultString, child(fault, 'detail') ?? child(fault, 'Detail'), method);
  }
  if (answer.status < 200 || answer.status >= 300) {
    throw new VsphereProtocolError(`${method}: HTTP ${answer.status} without a SOAP fault`, answer.status);
  }
  const responseName = childNames(body)[0];
  if (responseName === undefined) throw new VsphereProtocolError(`${method}: empty SOAP body`, answer.status);
  if (responseName !== `${method}Response`) {
    throw new VsphereProtocolError(`${method}: unexpected SOAP answer ${responseName}`, answer.status);
  }
  return children(child(body, responseName), 'returnval');
}
