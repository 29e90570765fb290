import { describe, expect, it } from 'vitest';
import { parseReportOptions } from './report-options';

const FP = 'AB:'.repeat(31) + 'AB';
const env = { VC_PW: 's3cret' };

describe('parseReportOptions', () => {
  it('reads a vCenter target with the password from the environment', () => {
    const c = parseReportOptions(
      {
        vcenter: 'https://vc.lab:8443/sdk',
        user: 'admin',
        passwordEnv: 'VC_PW',
        trustFingerprint: FP.toLowerCase(),
        format: 'pdf',
        lang: 'fr',
      },
      env,
    );
    expect(c).toEqual({
      mode: 'vcenter',
      format: 'pdf',
      out: null,
      language: 'fr',
      chromium: null,
      target: {
        name: 'vc.lab',
        host: 'vc.lab',
        port: 8443,
        protocol: 'https',
        user: 'admin',
        password: 's3cret',
        tlsFingerprint: FP,
      },
    });
  });

  it('takes a bare host name and an http lab simulator', () => {
    expect(parseReportOptions({ vcenter: 'vc.lab', user: 'a', passwordEnv: 'VC_PW' }, env)).toMatchObject({
      format: 'html',
      target: { host: 'vc.lab', port: null, protocol: 'https' },
    });
    expect(
      parseReportOptions({ vcenter: 'http://127.0.0.1:8989', user: 'a', passwordEnv: 'VC_PW' }, env),
    ).toMatchObject({ target: { host: '127.0.0.1', port: 8989, protocol: 'http' } });
  });

  it('reads a profile run', () => {
    expect(
      parseReportOptions(
        { profile: 'daily', data: '/srv/vigie', secrets: 'file', format: 'csv', out: 'r.csv' },
        env,
      ),
    ).toEqual({
      mode: 'profile',
      profile: 'daily',
      dataDir: '/srv/vigie',
      secrets: 'file',
      format: 'csv',
      out: 'r.csv',
      language: null,
      chromium: null,
    });
  });

  it.each([
    [{}, 'say what to report on: --profile NAME, or --vcenter URL --user USER --password-env VAR'],
    [{ vcenter: 'vc', passwordEnv: 'VC_PW' }, '--vcenter needs --user'],
    [
      { vcenter: 'vc', user: 'a' },
      '--vcenter needs --password-env VAR (the password is read from that environment variable)',
    ],
    [
      { vcenter: 'vc', user: 'a', passwordEnv: 'NOPE' },
      '--password-env: environment variable NOPE is not set',
    ],
    [
      { vcenter: 'ftp://vc', user: 'a', passwordEnv: 'VC_PW' },
      '--vcenter: the URL must start with https:// (or http:// for a lab simulator)',
    ],
    [
      { vcenter: 'https://u:p@vc', user: 'a', passwordEnv: 'VC_PW' },
      '--vcenter: no credentials in the URL; use --user and --password-env',
    ],
    [
      { vcenter: 'vc', user: 'a', passwordEnv: 'VC_PW', trustFingerprint: 'AB:CD' },
      '--trust-fingerprint: SHA-256 fingerprint expected',
    ],
    [{ vcenter: 'vc', user: 'a', passwordEnv: 'VC_PW', lang: 'de' }, '--lang: must be en or fr'],
    [
      { profile: 'daily', vcenter: 'vc' },
      '--vcenter is for --vcenter; a profile uses the vCenters and credentials of the inventory',
    ],
    [{ profile: 'bad/name' }, '--profile: letters, digits, space, . - and _ only'],
    [{ vcenter: 'vc', user: 'a', passwordEnv: 'VC_PW', data: '/x' }, '--data is for --profile'],
  ])('refuses %j', (raw, message) => expect(() => parseReportOptions(raw, env)).toThrow(message));
});
