import type { CallOptions, VimClient } from '../../vsphere/client';
import { VsphereUnsupportedError } from '../../vsphere/errors';
import { retrieveObjects } from '../../vsphere/property-collector';
import { arrayItems, child, children, date, num, text, type XmlNode } from '../../vsphere/xml-parse';
import { CALLS } from '../calls';
import type { LicenseInfo } from '../snapshot';

/** 5 characters at each end are enough to tell licences apart; the rest of a key is a secret of sorts. */
export function maskKey(key: string): string {
  return key.length <= 10 ? key.replace(/[^-]/g, '*') : `${key.slice(0, 5)}${key.slice(5, -5).replace(/[^-]/g, '*')}${key.slice(-5)}`;
}

/** LicenseManager.licenses (an ArrayOfLicenseManagerLicenseInfo) as plain values. */
export function parseLicenses(node: XmlNode | undefined): LicenseInfo[] {
  return arrayItems(node).map((l) => {
    const expiry = children(l, 'properties').find((p) => text(p, 'key') === 'expirationDate');
    return {
      name: text(l, 'name') ?? '',
      maskedKey: maskKey(text(l, 'licenseKey') ?? ''),
      editionKey: text(l, 'editionKey') ?? '',
      total: num(l, 'total') ?? 0,
      used: num(l, 'used') ?? 0,
      costUnit: text(l, 'costUnit') ?? '',
      expires: expiry ? (date(child(expiry, 'value')) ?? null) : null,
    };
  });
}

export async function readLicenses(client: VimClient, opts: CallOptions): Promise<LicenseInfo[]> {
  const sc = await client.serviceContent(opts);
  const manager = sc.refs.licenseManager;
  if (!manager) throw new VsphereUnsupportedError(CALLS.licenses, 'the server has no LicenseManager');
  const [obj] = await retrieveObjects(client, [manager], ['licenses'], opts);
  return parseLicenses(obj?.props.get('licenses'));
}
