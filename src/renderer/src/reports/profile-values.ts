import type {
  ReportCheckInfo,
  ReportCheckSettings,
  ReportProfile,
  ReportThreshold,
} from '../../../shared/contract/report';

export type ThresholdValue = ReportThreshold[string];
export type ThresholdKind = 'number' | 'text' | 'list';

/** How to edit a threshold: by the type of its default, so a new check needs no UI code. */
export function thresholdKind(value: ThresholdValue): ThresholdKind {
  if (typeof value === 'number') return 'number';
  return Array.isArray(value) ? 'list' : 'text';
}

export function newProfile(vcenters: string[] = []): ReportProfile {
  return {
    name: '',
    vcenters,
    language: 'en',
    scope: { datacenters: [], clusters: [], folders: [] },
    exclusions: { vms: [], hosts: [], datastores: [] },
    checks: {},
  };
}

export function defaultCheckSettings(): ReportCheckSettings {
  return { enabled: true, thresholds: {}, exclusions: { vms: [], hosts: [], datastores: [] } };
}

/** A check's title in one language with its thresholds written in (`{days}` → 14). */
export function checkTitle(info: ReportCheckInfo, lang: 'en' | 'fr', overrides: ReportThreshold = {}): string {
  const t = { ...info.defaults, ...overrides };
  return info.title[lang].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = t[key];
    if (v === undefined) return whole;
    return Array.isArray(v) ? v.join(', ') : String(v);
  });
}

const same = (a: ThresholdValue, b: ThresholdValue | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What is saved: only what differs from the defaults (a threshold equal to its default is dropped, a check
 * with nothing changed is left out), so a later change of a default reaches every profile that kept it.
 */
export function compactChecks(
  checks: ReportProfile['checks'],
  infos: readonly ReportCheckInfo[],
): ReportProfile['checks'] {
  const out: ReportProfile['checks'] = {};
  for (const [id, s] of Object.entries(checks)) {
    const info = infos.find((i) => i.id === id);
    const thresholds = Object.fromEntries(
      Object.entries(s.thresholds).filter(([k, v]) => !info || !same(v, info.defaults[k])),
    );
    const ex = s.exclusions;
    const hasExclusions = ex.vms.length + ex.hosts.length + ex.datastores.length > 0;
    if (!s.enabled || Object.keys(thresholds).length > 0 || hasExclusions) out[id] = { ...s, thresholds };
  }
  return out;
}
