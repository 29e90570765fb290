import { X509Certificate } from 'node:crypto';
import { arrayItems, textOf, type XmlNode } from '../../vsphere/xml-parse';
import type { SnapshotCheck } from '../snapshot';
import { thresholdNumber } from '../thresholds';

const PATH = 'config.certificate';
const DAY = 86_400_000;

/**
 * The host's SSL certificate (HostConfigInfo.certificate, PEM as xsd:byte[]): vCenter sends an ArrayOfByte
 * (one signed byte per element); govmomi's simulator sends the PEM text in one element. Null when it does not parse.
 */
export function hostCertificate(node: XmlNode | undefined): X509Certificate | null {
  if (node === undefined) return null;
  const items = arrayItems(node).map(textOf);
  // govmomi's simulator sends the whole PEM in one <byte>: only a list of numbers is taken as bytes.
  const bytes = items.length > 0 && items.every((b) => /^-?\d+$/.test(b.trim()));
  const pem = bytes ? Buffer.from(items.map((b) => Number(b) & 0xff)).toString('latin1') : items.length > 0 ? items.join('') : textOf(node);
  try {
    return new X509Certificate(pem.trim());
  } catch {
    return null;
  }
}

/** Hosts whose certificate expires within N days; expired ones are critical. */
export const hostsCertificateExpiry: SnapshotCheck = {
  id: 'hosts-certificate-expiry',
  title: { en: 'Host certificates expiring within {days} days', fr: 'Certificats d’hôte expirant sous {days} jours' },
  defaults: { days: 60 },
  columns: ['host', 'cluster', 'expires', 'daysLeft', 'subject', 'issuer'],
  columnLabels: {
    host: { en: 'Host', fr: 'Hôte' },
    cluster: { en: 'Cluster', fr: 'Cluster' },
    expires: { en: 'Expires', fr: 'Expire le' },
    daysLeft: { en: 'Days left', fr: 'Jours restants' },
    subject: { en: 'Subject', fr: 'Sujet' },
    issuer: { en: 'Issuer', fr: 'Émetteur' },
  },
  needs: { properties: [{ type: 'HostSystem', paths: [PATH] }] },
  identity: ['host'],
  subjects: { host: 'host' },
  run(snapshot, t) {
    const days = thresholdNumber(t, 'days', 60);
    const connected = snapshot.hosts.filter((h) => h.connectionState === 'connected');
    const rows = [];
    const unreadable: string[] = [];
    for (const h of connected) {
      const cert = hostCertificate(h.props.get(PATH));
      if (!cert) {
        unreadable.push(h.name);
        continue;
      }
      const expires = new Date(cert.validTo);
      const left = Math.floor((expires.getTime() - snapshot.now) / DAY);
      if (expires.getTime() - snapshot.now > days * DAY) continue;
      rows.push({
        severity: expires.getTime() <= snapshot.now ? ('critical' as const) : ('warning' as const),
        cells: { host: h.name, cluster: h.cluster, expires: expires.toISOString(), daysLeft: left, subject: cert.subject.replace(/\n/g, ', '), issuer: cert.issuer.replace(/\n/g, ', ') },
      });
    }
    if (connected.length > 0 && unreadable.length === connected.length) {
      return { status: 'unsupported', message: `the server does not expose HostSystem.${PATH} (the host's certificate) on any connected host` };
    }
    unreadable.sort((a, b) => a.localeCompare(b));
    return { status: 'rows', rows, message: unreadable.length > 0 ? `certificate not readable (HostSystem.${PATH}) on: ${unreadable.join(', ')}` : null };
  },
};
