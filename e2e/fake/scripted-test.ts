import type { DeviceInputParsed, TestResult } from '../../src/shared/contract/devices';
import { FAMILY_DESCRIPTORS } from '../../src/shared/families/index';

/** The certificate the fake vCenter presents: self-signed until its fingerprint is pinned. */
export const FAKE_CERT = {
  fingerprint:
    'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
  subject: 'CN=vcenter.lab.local, O=VMware',
  issuer: 'CN=CA, DC=vsphere, DC=local',
  validFrom: '2024-01-15T10:00:00Z',
  validTo: '2034-01-15T10:00:00Z',
};

/** Test connection, scripted by host name so that the UI's handling of every outcome can be exercised. */
export function scriptedTest(device: DeviceInputParsed): TestResult {
  const base = { durationMs: 42, detected: null, certificate: null };
  if (device.host.startsWith('timeout'))
    return {
      ...base,
      ok: false,
      stage: 'timeout',
      message: `No answer from ${device.host}:161 within 2000 ms (2 tries)`,
    };
  if (device.host.startsWith('nxdomain'))
    return { ...base, ok: false, stage: 'dns', message: `getaddrinfo ENOTFOUND ${device.host}` };
  if (device.secret?.community === 'wrong')
    return {
      ...base,
      ok: false,
      stage: 'community',
      message: 'The agent did not answer with this community (SNMPv2c)',
    };
  if (device.kind === 'vsphere') {
    if (device.vsphere?.tlsFingerprint !== FAKE_CERT.fingerprint) {
      return {
        ...base,
        ok: false,
        stage: device.vsphere?.tlsFingerprint ? 'tls-changed' : 'tls-untrusted',
        message: 'self-signed certificate in certificate chain',
        certificate: FAKE_CERT,
      };
    }
    return {
      ...base,
      ok: true,
      stage: 'ok',
      message: '',
      detected: {
        family: FAMILY_DESCRIPTORS.find((f) => f.kind === 'vsphere')?.id ?? 'vsphere',
        identity: { product: 'VMware vCenter Server', version: '8.0.2', hosts: 4, vms: 120 },
      },
    };
  }
  const family =
    FAMILY_DESCRIPTORS.find((f) => f.id === device.family)?.id ??
    FAMILY_DESCRIPTORS.find((f) => f.kind === device.kind)?.id ??
    null;
  return {
    ...base,
    ok: true,
    stage: 'ok',
    message: '',
    detected: {
      family,
      identity: {
        sysName: device.host,
        sysDescr: `Linux ${device.host} 6.1.0-18-amd64 #1 SMP Debian`,
        sysObjectID: '1.3.6.1.4.1.8072.3.2.10',
      },
    },
  };
}
