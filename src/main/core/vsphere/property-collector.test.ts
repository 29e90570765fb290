import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { VimClient } from './client';
import { retrieveFromContainer } from './property-collector';
import { child, parseXml, text } from './xml-parse';

/**
 * VMware's simulator answers RetrievePropertiesEx in one piece whatever maxObjects says, so paging is tested
 * here against a loopback server that pages like vCenter: a token per page, CancelRetrievePropertiesEx when
 * the client gives up.
 */
const ENV = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;

const CONTENT = ENV(
  '<RetrieveServiceContentResponse xmlns="urn:vim25"><returnval><rootFolder type="Folder">group-d1</rootFolder>' +
    '<propertyCollector type="PropertyCollector">propertyCollector</propertyCollector><viewManager type="ViewManager">ViewManager</viewManager>' +
    '<sessionManager type="SessionManager">SessionManager</sessionManager><about><name>VMware vCenter Server</name><fullName>VMware vCenter Server 8.0.2 build-1</fullName>' +
    '<vendor>VMware, Inc.</vendor><version>8.0.2</version><build>1</build><apiType>VirtualCenter</apiType><apiVersion>8.0.2.0</apiVersion></about></returnval></RetrieveServiceContentResponse>',
);

function page(method: string, from: number, to: number, token: string | null): string {
  const objects = Array.from({ length: to - from }, (_, i) => {
    const n = from + i;
    return `<objects><obj type="VirtualMachine">vm-${n}</obj><propSet><name>name</name><val xsi:type="xsd:string">VM ${n}</val></propSet></objects>`;
  }).join('');
  return ENV(`<${method}Response xmlns="urn:vim25"><returnval>${token ? `<token>${token}</token>` : ''}${objects}</returnval></${method}Response>`);
}

interface Seen {
  method: string;
  token: string | undefined;
  maxObjects: string | undefined;
}

function pagingServer(failOn: string | null): Promise<{ server: Server; port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const envBody = child(parseXml(body), 'Envelope', 'Body');
      const method = Object.keys(envBody as object)[0] ?? '';
      const call = child(envBody, method);
      const token = text(call, 'token');
      seen.push({ method, token, maxObjects: text(call, 'options', 'maxObjects') });
      res.setHeader('Content-Type', 'text/xml; charset=utf-8');
      if (token !== undefined && token === failOn && method === 'ContinueRetrievePropertiesEx') {
        res.statusCode = 500;
        res.end(ENV('<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>boom</faultstring><detail><SystemErrorFault xmlns="urn:vim25" xsi:type="SystemError"><reason>boom</reason></SystemErrorFault></detail></soapenv:Fault>'));
        return;
      }
      switch (method) {
        case 'RetrieveServiceContent':
          return res.end(CONTENT);
        case 'CreateContainerView':
          return res.end(ENV('<CreateContainerViewResponse xmlns="urn:vim25"><returnval type="ContainerView">session[1]view</returnval></CreateContainerViewResponse>'));
        case 'DestroyView':
          return res.end(ENV('<DestroyViewResponse xmlns="urn:vim25"></DestroyViewResponse>'));
        case 'CancelRetrievePropertiesEx':
          return res.end(ENV('<CancelRetrievePropertiesExResponse xmlns="urn:vim25"></CancelRetrievePropertiesExResponse>'));
        case 'RetrievePropertiesEx':
          return res.end(page(method, 0, 3, 'p1'));
        case 'ContinueRetrievePropertiesEx':
          return res.end(token === 'p1' ? page(method, 3, 6, 'p2') : page(method, 6, 7, null));
        default:
          res.statusCode = 500;
          return res.end(ENV(`<soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>unexpected ${method}</faultstring></soapenv:Fault>`));
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, port: typeof a === 'object' && a ? a.port : 0, seen });
    }),
  );
}

describe('paged retrieval', () => {
  let server: Server | null = null;
  afterEach(async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = null;
  });

  it('follows ContinueRetrievePropertiesEx tokens to the last page, then destroys the view', async () => {
    const s = await pagingServer(null);
    server = s.server;
    const client = new VimClient({ host: '127.0.0.1', port: s.port, protocol: 'http' });
    const pages: number[] = [];
    const objects = await retrieveFromContainer(client, [{ type: 'VirtualMachine', paths: ['name'] }], { pageSize: 3, onPage: (p) => pages.push(p.length) });
    expect(objects.map((o) => text(o.props.get('name')))).toEqual(['VM 0', 'VM 1', 'VM 2', 'VM 3', 'VM 4', 'VM 5', 'VM 6']);
    expect(pages).toEqual([3, 3, 1]);
    expect(s.seen.map((c) => [c.method, c.token ?? ''])).toEqual([
      ['RetrieveServiceContent', ''],
      ['CreateContainerView', ''],
      ['RetrievePropertiesEx', ''],
      ['ContinueRetrievePropertiesEx', 'p1'],
      ['ContinueRetrievePropertiesEx', 'p2'],
      ['DestroyView', ''],
    ]);
    expect(s.seen.find((c) => c.method === 'RetrievePropertiesEx')?.maxObjects).toBe('3');
    await client.close();
  });

  it('a failing page cancels the outstanding token and still destroys the view', async () => {
    const s = await pagingServer('p2');
    server = s.server;
    const client = new VimClient({ host: '127.0.0.1', port: s.port, protocol: 'http' });
    await expect(retrieveFromContainer(client, [{ type: 'VirtualMachine', paths: ['name'] }])).rejects.toMatchObject({ faultType: 'SystemError' });
    expect(s.seen.map((c) => [c.method, c.token ?? '']).slice(-3)).toEqual([
      ['ContinueRetrievePropertiesEx', 'p2'],
      ['CancelRetrievePropertiesEx', 'p2'],
      ['DestroyView', ''],
    ]);
    await client.close();
  });
});
