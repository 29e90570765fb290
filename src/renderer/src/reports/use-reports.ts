import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportCheckInfo, ReportHistoryEntry, ReportProfile } from '../../../shared/contract/report';
import { useApi } from '../api/api-context';
import { applyProgress, type RunView } from './progress-state';

export interface ReportsData {
  checks: ReportCheckInfo[] | null;
  profiles: ReportProfile[] | null;
  history: ReportHistoryEntry[] | null;
  /** Runs seen since the page opened (started here or elsewhere), by run id. */
  runs: Record<string, RunView>;
  /** Why loading failed, for the page to say. */
  error: string | null;
  reload(): Promise<void>;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The page's data: checks, profiles and history loaded once, progress folded from the live events. When a
 * run ends the history is read again and `onRunEnded` hears about it (to open the new report).
 */
export function useReports(onRunEnded: (run: RunView, history: ReportHistoryEntry[]) => void): ReportsData {
  const { client } = useApi();
  const [checks, setChecks] = useState<ReportCheckInfo[] | null>(null);
  const [profiles, setProfiles] = useState<ReportProfile[] | null>(null);
  const [history, setHistory] = useState<ReportHistoryEntry[] | null>(null);
  const [runs, setRuns] = useState<Record<string, RunView>>({});
  const [error, setError] = useState<string | null>(null);
  const runsRef = useRef<Record<string, RunView>>({});
  const ended = useRef(onRunEnded);
  useEffect(() => {
    ended.current = onRunEnded;
  });

  const reload = useCallback(
    () =>
      Promise.all([
        client.call('reports:checks', {}),
        client.call('reports:profiles', {}),
        client.call('reports:history', {}),
      ]).then(
        ([c, p, h]) => {
          setChecks(c);
          setProfiles(p);
          setHistory(h);
          setError(null);
        },
        (e: unknown) => setError(messageOf(e)),
      ),
    [client],
  );

  useEffect(() => {
    void reload();
    return client.on('reports:progress', (p) => {
      const before = runsRef.current[p.runId];
      const run = applyProgress(before, p);
      runsRef.current = { ...runsRef.current, [p.runId]: run };
      setRuns(runsRef.current);
      if (run.state !== 'running' && before?.state !== run.state) {
        client.call('reports:history', {}).then(
          (h) => {
            setHistory(h);
            ended.current(run, h);
          },
          (e: unknown) => setError(messageOf(e)),
        );
      }
    });
  }, [client, reload]);

  return { checks, profiles, history, runs, error, reload };
}
