import type { ReportCell, ReportDocument } from '../../../shared/contract/report';
import { MailAddressSchema } from '../../../shared/contract/mail';
import type { SnapshotOwners } from '../../../shared/contract/report-schedule';
import { escapeHtml } from '../report/render/escape';
import type { OutgoingMail } from './mailer';

export interface OwnedSnapshot {
  vcenter: string;
  vm: string;
  name: string;
  daysOld: number | null;
  created: string;
  sizeGB: number | null;
}

export interface SnapshotOwnerMails {
  mails: OutgoingMail[];
  /** Creators no address could be found for, with their snapshots: listed in the report mail instead. */
  unresolved: { creator: string; snapshots: OwnedSnapshot[] }[];
}

const text = (c: ReportCell | undefined): string => (c === null || c === undefined ? '' : String(c));
const num = (c: ReportCell | undefined): number | null => (typeof c === 'number' ? c : null);

/**
 * A vCenter user → an address: the explicit map first (case-insensitive), else the account name (without
 * "DOMAIN\" or "@sso-domain") at the configured mail domain. Null when neither gives a valid address: a
 * guess is never mailed.
 */
export function resolveOwner(creator: string, owners: SnapshotOwners): string | null {
  const wanted = creator.trim().toLowerCase();
  if (!wanted) return null;
  for (const [user, address] of Object.entries(owners.addresses)) if (user.trim().toLowerCase() === wanted) return address;
  if (!owners.domain) return null;
  const account = wanted.split('\\').pop()!.split('@')[0]!;
  if (!/^[a-z0-9._-]+$/.test(account)) return null;
  const address = `${account}@${owners.domain.toLowerCase()}`;
  return MailAddressSchema.safeParse(address).success ? address : null;
}

/**
 * One mail per creator of an old snapshot (the `snapshots-old` check's rows), listing all of theirs and
 * asking whether each is still needed. Creators that cannot be resolved are returned, not mailed.
 */
export function snapshotOwnerMails(doc: ReportDocument, owners: SnapshotOwners): SnapshotOwnerMails {
  const check = doc.checks.find((c) => c.id === 'snapshots-old');
  const byCreator = new Map<string, OwnedSnapshot[]>();
  for (const row of check?.rows ?? []) {
    const creator = text(row.creator).trim();
    const list = byCreator.get(creator) ?? [];
    list.push({
      vcenter: row.vcenter,
      vm: text(row.vm),
      name: text(row.name),
      daysOld: num(row.daysOld),
      created: text(row.created),
      sizeGB: num(row.sizeGB),
    });
    byCreator.set(creator, list);
  }
  const byAddress = new Map<string, { creators: string[]; snapshots: OwnedSnapshot[] }>();
  const unresolved: SnapshotOwnerMails['unresolved'] = [];
  for (const [creator, snapshots] of byCreator) {
    const address = resolveOwner(creator, owners);
    if (!address) {
      unresolved.push({ creator: creator || '(unknown)', snapshots });
      continue;
    }
    const entry = byAddress.get(address) ?? { creators: [], snapshots: [] };
    entry.creators.push(creator);
    entry.snapshots.push(...snapshots);
    byAddress.set(address, entry);
  }
  const mails = [...byAddress].map(([address, { snapshots }]) => ownerMail(address, snapshots, doc.profile));
  return { mails, unresolved };
}

const line = (s: OwnedSnapshot): string =>
  `- ${s.vm}: "${s.name}", ${s.daysOld ?? '?'} days old${s.sizeGB !== null ? `, ${s.sizeGB} GB` : ''} (${s.vcenter})`;

function ownerMail(address: string, snapshots: OwnedSnapshot[], profile: string): OutgoingMail {
  const n = snapshots.length;
  const intro = `The daily vCenter report (${profile}) found ${n} old snapshot${n > 1 ? 's' : ''} you created. Snapshots slow the VM down and fill the datastore; please delete ${n > 1 ? 'those' : 'it'} if no longer needed, or reply to say why ${n > 1 ? 'they are' : 'it is'} still needed.`;
  const rows = snapshots
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.vm)}</td><td>${escapeHtml(s.name)}</td><td>${s.daysOld ?? '?'}</td><td>${s.sizeGB ?? ''}</td><td>${escapeHtml(s.vcenter)}</td></tr>`,
    )
    .join('');
  return {
    to: [address],
    subject: `Vigie: ${n} old snapshot${n > 1 ? 's' : ''} of yours — still needed?`,
    text: `${intro}\n\n${snapshots.map(line).join('\n')}\n`,
    html: `<!doctype html><html><body><p>${escapeHtml(intro)}</p><table border="1" cellpadding="4" cellspacing="0"><tr><th>VM</th><th>Snapshot</th><th>Days</th><th>GB</th><th>vCenter</th></tr>${rows}</table></body></html>`,
  };
}

/** The "not mailed" block added to the report mail for creators without an address. */
export function unresolvedBlock(unresolved: SnapshotOwnerMails['unresolved']): { text: string; html: string } {
  if (!unresolved.length) return { text: '', html: '' };
  const items = unresolved.map((u) => `${u.creator}: ${u.snapshots.map((s) => `${s.vm} "${s.name}"`).join(', ')}`);
  return {
    text: `\nSnapshot owners not mailed (no address found):\n${items.map((i) => `- ${i}`).join('\n')}\n`,
    html: `<section><h2>Snapshot owners not mailed (no address found)</h2><ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul></section>`,
  };
}
