import type { ReportCell, ReportFindingSeverity, ReportThreshold } from '../../../shared/contract/report';
import type { PropertySelection } from '../vsphere/property-collector';

/**
 * One report check (spec: daily-report.md). One file per check in `checks/`, listed in `checks/index.ts`.
 * A check declares what it needs so the collector asks each vCenter only for that, then works on the
 * in-memory snapshot: `run` is synchronous and never calls the server.
 *
 * `Snapshot` is the collector's type (see `snapshot.ts`); it is a parameter here so this file stays the
 * small, stable interface that the renderers, the settings UI and the registry depend on.
 */
export interface ReportCheck<Snapshot = unknown> {
  id: string;
  /** Title with `{threshold}` placeholders filled by `title()`; both languages, for every output. */
  title: { en: string; fr: string };
  /** Default thresholds (spec's "threshold (default)" column); {} when the check has none. */
  defaults: ReportThreshold;
  /** Column ids in display order (the spec's columns). */
  columns: readonly string[];
  /** Column headers in both languages (id → label); a missing id shows the id itself. */
  columnLabels?: Readonly<Record<string, { en: string; fr: string }>>;
  needs: {
    properties?: readonly PropertySelection[];
    /** Event type names and the window (days) the check reads them over, from its thresholds. */
    events?: {
      types: readonly string[];
      days: (t: ReportThreshold) => number;
      /** Events that only fill a column (snapshots-old's creator): the check still runs when they cannot be read. */
      optional?: boolean;
    };
    /** Performance counters (group.name.rollup) over a window of days. */
    perf?: { counters: readonly string[]; entity: 'VirtualMachine' | 'HostSystem'; days: (t: ReportThreshold) => number };
    /** Extra calls (host date-time, appliance services…), named for `unsupported` messages. */
    calls?: readonly string[];
    /** Calls whose absence only blanks a column (with a note): the check still runs (ntp's clock skew). */
    optionalCalls?: readonly string[];
    /** Probes the console makes itself, once per run whatever the number of vCenters (NTP servers to reach). */
    probes?: { ntp: (t: ReportThreshold) => readonly string[] };
  };
  /**
   * Columns that identify a finding from one report to the next (for `isNew`), with the check id and the
   * vCenter; never the row position. Defaults to every column.
   */
  identity?: readonly string[];
  /** Which columns name a VM, a host or a datastore, so that global and per-check exclusions apply to rows. */
  subjects?: { vm?: string; host?: string; datastore?: string };
  run(snapshot: Snapshot, thresholds: ReportThreshold): CheckOutcome;
}

export interface CheckFinding {
  severity: ReportFindingSeverity;
  cells: Record<string, ReportCell>;
}

export type CheckOutcome =
  | { status: 'rows'; rows: CheckFinding[]; message?: string | null }
  | { status: 'unsupported'; message: string };
