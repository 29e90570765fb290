import { CALLS } from '../calls';
import type { SnapshotCheck } from '../snapshot';
import { thresholdNumber } from '../thresholds';

const DAY = 86_400_000;

/** Licences expiring within N days or used over their capacity; expired or over capacity is critical. */
export const licensesExpiring: SnapshotCheck = {
  id: 'licenses-expiring',
  title: { en: 'Licences expiring within {days} days or over capacity', fr: 'Licences expirant sous {days} jours ou dépassées' },
  defaults: { days: 30 },
  columns: ['license', 'key', 'edition', 'expires', 'daysLeft', 'used', 'total', 'unit'],
  columnLabels: {
    license: { en: 'Licence', fr: 'Licence' },
    key: { en: 'Key', fr: 'Clé' },
    edition: { en: 'Edition', fr: 'Édition' },
    expires: { en: 'Expires', fr: 'Expire le' },
    daysLeft: { en: 'Days left', fr: 'Jours restants' },
    used: { en: 'Used', fr: 'Utilisé' },
    total: { en: 'Capacity', fr: 'Capacité' },
    unit: { en: 'Unit', fr: 'Unité' },
  },
  needs: { calls: [CALLS.licenses] },
  identity: ['key'],
  subjects: {},
  run(snapshot, t) {
    if (snapshot.licenses === null) return { status: 'unsupported', message: `${CALLS.licenses} was not read` };
    const days = thresholdNumber(t, 'days', 30);
    const rows = [];
    for (const l of snapshot.licenses) {
      const msLeft = l.expires ? l.expires.getTime() - snapshot.now : null;
      const expiring = msLeft !== null && msLeft <= days * DAY;
      // total 0 = unlimited (evaluation, vCenter Standard counted per instance).
      const over = l.total > 0 && l.used > l.total;
      if (!expiring && !over) continue;
      rows.push({
        severity: over || (msLeft !== null && msLeft <= 0) ? ('critical' as const) : ('warning' as const),
        cells: {
          license: l.name,
          key: l.maskedKey,
          edition: l.editionKey,
          expires: l.expires?.toISOString() ?? null,
          daysLeft: msLeft === null ? null : Math.floor(msLeft / DAY),
          used: l.used,
          total: l.total,
          unit: l.costUnit,
        },
      });
    }
    return { status: 'rows', rows };
  },
};
