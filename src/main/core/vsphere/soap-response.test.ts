import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentFault,
  InvalidLoginFault,
  ManagedObjectNotFoundFault,
  NoPermissionFault,
  NotAuthenticatedFault,
  VimFault,
} from './faults';
import { decodeSoapAnswer, type HttpAnswer } from './soap-response';
import { text } from './xml-parse';

const ENV = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;

const fault = (detail: string, faultString = ''): HttpAnswer => ({
  status: 500,
  contentType: 'text/xml; charset=utf-8',
  body: ENV(`<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>${faultString}</faultstring><detail>${detail}</detail></soapenv:Fault>`),
});

function decodeError(answer: HttpAnswer, method = 'Login'): unknown {
  try {
    decodeSoapAnswer(answer, method);
  } catch (error) {
    return error;
  }
  return null;
}

describe('SOAP answers', () => {
  it('returns the returnval elements of the matching response', () => {
    const nodes = decodeSoapAnswer(
      { status: 200, contentType: 'text/xml', body: ENV('<CurrentTimeResponse xmlns="urn:vim25"><returnval>2024-05-01T10:00:00Z</returnval></CurrentTimeResponse>') },
      'CurrentTime',
    );
    expect(nodes.map((n) => text(n))).toEqual(['2024-05-01T10:00:00Z']);
    expect(decodeSoapAnswer({ status: 200, contentType: 'text/xml', body: ENV('<LogoutResponse xmlns="urn:vim25"></LogoutResponse>') }, 'Logout')).toEqual([]);
  });

  it('maps vim25 faults to typed errors with their stage and message', () => {
    const login = decodeError(fault('<InvalidLoginFault xmlns="urn:vim25" xsi:type="InvalidLogin"></InvalidLoginFault>', 'Login failure'));
    expect(login).toBeInstanceOf(InvalidLoginFault);
    expect(login).toMatchObject({ stage: 'auth', faultType: 'InvalidLogin', message: 'Login: InvalidLogin: Login failure' });

    const notAuth = decodeError(
      fault('<NotAuthenticatedFault xmlns="urn:vim25" xsi:type="NotAuthenticated"><object type="Folder">group-d1</object><privilegeId>System.View</privilegeId></NotAuthenticatedFault>'),
      'CreateContainerView',
    );
    expect(notAuth).toBeInstanceOf(NotAuthenticatedFault);
    expect(notAuth).toMatchObject({ stage: 'auth', object: { type: 'Folder', value: 'group-d1' }, details: { privilegeId: 'System.View' } });

    const perm = decodeError(
      fault('<NoPermissionFault xmlns="urn:vim25" xsi:type="NoPermission"><object type="Folder">group-d1</object><privilegeId>System.Read</privilegeId></NoPermissionFault>', 'Permission to perform this operation was denied.'),
      'RetrievePropertiesEx',
    );
    expect(perm).toBeInstanceOf(NoPermissionFault);
    expect(perm).toMatchObject({ stage: 'permission' });
    expect((perm as Error).message).toBe(
      'RetrievePropertiesEx: NoPermission: Permission to perform this operation was denied. (privilege System.Read, object Folder:group-d1)',
    );

    const arg = decodeError(fault('<InvalidArgumentFault xmlns="urn:vim25" xsi:type="InvalidArgument"><invalidProperty>maxCount</invalidProperty></InvalidArgumentFault>'), 'ReadNextEvents');
    expect(arg).toBeInstanceOf(InvalidArgumentFault);
    expect((arg as Error).message).toBe('ReadNextEvents: InvalidArgument: InvalidArgument (property maxCount)');

    const gone = decodeError(fault('<ManagedObjectNotFoundFault xmlns="urn:vim25" xsi:type="ManagedObjectNotFound"><obj type="ContainerView">session[x]y</obj></ManagedObjectNotFoundFault>'), 'DestroyView');
    expect(gone).toBeInstanceOf(ManagedObjectNotFoundFault);
    expect(gone).toMatchObject({ object: { type: 'ContainerView', value: 'session[x]y' } });
  });

  it('a fault vim25 does not type (no detail) is still a VimFault with the server text', () => {
    const e = decodeError(fault('', 'Unable to resolve WSDL method name Frobnicate'), 'Frobnicate');
    expect(e).toBeInstanceOf(VimFault);
    expect(e).toMatchObject({ faultType: 'SoapFault', stage: 'protocol' });
    expect((e as Error).message).toContain('Unable to resolve WSDL method name Frobnicate');
  });

  it('a fault message from the server is data: a hostile one stays text', () => {
    const e = decodeError(fault('<InvalidLoginFault xmlns="urn:vim25" xsi:type="InvalidLogin"/>', '&lt;img src=x onerror=alert(1)&gt;'));
    expect((e as Error).message).toBe('Login: InvalidLogin: <img src=x onerror=alert(1)>');
  });

  it.each([
    ['an HTML login page', { status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html><head><title>vSphere Client</title></head></html>' }, /HTML page \("vSphere Client"\)/],
    ['a proxy error', { status: 502, contentType: 'text/plain', body: 'Bad Gateway' }, /HTTP 502 with text\/plain content starting "Bad Gateway"/],
    ['an empty body', { status: 200, contentType: '', body: '' }, /HTTP 200 with an empty body/],
    ['truncated XML', { status: 200, contentType: 'text/xml', body: '<?xml version="1.0"?><soapenv:Envelope><soapenv:Body>' }, /malformed XML/],
    ['XML that is not SOAP', { status: 200, contentType: 'text/xml', body: '<rss><channel/></rss>' }, /instead of vSphere SOAP/],
    ['another method answer', { status: 200, contentType: 'text/xml', body: ENV('<LogoutResponse/>') }, /unexpected SOAP answer LogoutResponse/],
    ['an HTTP error without fault', { status: 503, contentType: 'text/xml', body: ENV('<LoginResponse/>') }, /HTTP 503 without a SOAP fault/],
  ])('%s is a protocol error that says what came back', (_what, answer, message) => {
    const e = decodeError(answer);
    expect(e).toMatchObject({ name: 'VsphereProtocolError', stage: 'protocol' });
    expect((e as Error).message).toMatch(message);
  });
});
