import { describe, expect, it } from 'vitest';
import { maskKey, parseLicenses } from '../collect/licenses';
import { licensesExpiring } from './licenses-expiring';
import { DAY, NOW, plainRows, snapshotOf, val } from './test-snapshot';

const lic = (name: string, key: string, total: number, used: number, expires: string | null): string =>
  `<LicenseManagerLicenseInfo><licenseKey>${key}</licenseKey><editionKey>esx.enterprisePlus.cpuPackage</editionKey><name>${name}</name><total>${total}</total><used>${used}</used><costUnit>cpuPackage</costUnit>` +
  (expires ? `<properties><key>expirationDate</key><value xsi:type="xsd:dateTime">${expires}</value></properties>` : '') +
  '<properties><key>feature</key><value xsi:type="KeyValue"><key>dvs</key><value>vSphere Distributed Switch</value></value></properties></LicenseManagerLicenseInfo>';

describe('licenses-expiring', () => {
  it('lists licences expiring within N days (critical once expired) and licences used over capacity (critical)', () => {
    const licenses = parseLicenses(
      val(
        lic('Soon', 'AAAAA-11111-22222-33333-BBBBB', 16, 8, new Date(NOW + 10 * DAY).toISOString()) +
          lic('Gone', 'CCCCC-11111-22222-33333-DDDDD', 16, 8, new Date(NOW - 2 * DAY).toISOString()) +
          lic('Far', 'EEEEE-11111-22222-33333-FFFFF', 16, 8, new Date(NOW + 90 * DAY).toISOString()) +
          lic('Over', 'GGGGG-11111-22222-33333-HHHHH', 4, 6, null) +
          lic('Eval', '00000-00000-00000-00000-00000', 0, 12, null),
      ),
    );
    const rows = plainRows(licensesExpiring.run(snapshotOf({ licenses }), { days: 30 }));
    expect(rows.map((r) => [r.license, r.key, r.daysLeft, r.used, r.total, r.severity])).toEqual([
      ['Soon', 'AAAAA-*****-*****-*****-BBBBB', 10, 8, 16, 'warning'],
      ['Gone', 'CCCCC-*****-*****-*****-DDDDD', -2, 8, 16, 'critical'],
      ['Over', 'GGGGG-*****-*****-*****-HHHHH', null, 6, 4, 'critical'],
    ]);
  });
  it('never shows a whole key', () => {
    expect(maskKey('AAAAA-11111-22222-33333-BBBBB')).toBe('AAAAA-*****-*****-*****-BBBBB');
    expect(maskKey('short')).toBe('*****');
  });
  it('is unsupported when the licences could not be read', () => {
    expect(licensesExpiring.run(snapshotOf({ licenses: null }), {}).status).toBe('unsupported');
  });
});
