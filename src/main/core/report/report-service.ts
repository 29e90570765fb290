import type {
  ReportCheckInfo,
  ReportDocument,
  ReportFormat,
  ReportHistoryEntry,
  ReportProfile,
  ReportProfileInput,
  ReportProgress,
} from '../../../shared/contract/report';

/** A rendered export: bytes and the file name a browser or the CLI should save it under. */
export interface ReportExport {
  filename: string;
  mime: string;
  data: Uint8Array;
}

/**
 * What the app (handlers, the schedule to come, the CLI with --profile) asks of the daily report. One
 * implementation in `report-service-impl.ts`; the handlers and the CLI only see this.
 */
export interface ReportService {
  /** Every check known to the registry, for the settings UI. */
  checks(): ReportCheckInfo[];
  profiles(): ReportProfile[];
  saveProfile(profile: ReportProfileInput, previousName?: string): ReportProfile;
  removeProfile(name: string): boolean;
  /**
   * Runs a profile now: returns the run id at once; progress goes to `onProgress` subscribers; the
   * finished document is kept in the history (last 30 per profile) and announced with state 'done'.
   */
  start(profileName: string): { runId: string };
  cancel(runId: string): boolean;
  /** Runs a profile and waits for the document (CLI, schedule). Throws a ReportRunError when impossible. */
  run(profileName: string, signal?: AbortSignal): Promise<ReportDocument>;
  onProgress(listener: (p: ReportProgress) => void): () => void;
  history(profileName?: string): ReportHistoryEntry[];
  get(id: string): ReportDocument | null;
  /** HTML of a kept report (in the language it was made in unless `language` says otherwise). */
  html(id: string, language?: 'en' | 'fr'): string | null;
  export(id: string, format: ReportFormat, checkId?: string): Promise<ReportExport>;
}
