import type { Handlers } from '../../../shared/contract/api';
import type { CallName } from '../../../shared/contract/channels';
import { VigieError } from '../../../shared/contract/envelope';
import type { ReportService } from '../report/report-service';

type ReportCall = Extract<CallName, `reports:${string}`>;
export type ReportHandlers = Pick<Handlers, ReportCall>;

/**
 * The `reports:*` calls, each one line over the ReportService. Without a service (a host that does not build
 * one) every call answers 'unavailable' rather than failing in an unexpected way.
 */
export function createReportHandlers(reports: ReportService | undefined): ReportHandlers {
  const svc = (): ReportService => {
    if (!reports) throw new VigieError('unavailable', 'Reports are not available in this build');
    return reports;
  };
  const found = <T>(value: T | null, id: string): T => {
    if (value === null) throw new VigieError('not_found', `No report with id ${id}`);
    return value;
  };
  return {
    'reports:checks': () => Promise.resolve().then(() => svc().checks()),
    'reports:profiles': () => Promise.resolve().then(() => svc().profiles()),
    'reports:save-profile': (req) => Promise.resolve().then(() => svc().saveProfile(req.profile, req.previousName)),
    'reports:remove-profile': (req) => Promise.resolve().then(() => ({ removed: svc().removeProfile(req.name) })),
    'reports:start': (req) => Promise.resolve().then(() => svc().start(req.profile)),
    'reports:cancel': (req) => Promise.resolve().then(() => ({ cancelled: svc().cancel(req.runId) })),
    'reports:history': (req) => Promise.resolve().then(() => svc().history(req.profile)),
    'reports:get': (req) => Promise.resolve().then(() => found(svc().get(req.id), req.id)),
    'reports:html': (req) => Promise.resolve().then(() => ({ html: found(svc().html(req.id, req.language), req.id) })),
    'reports:export': async (req) => {
      const out = await svc().export(req.id, req.format, req.checkId);
      return { filename: out.filename, mime: out.mime, base64: Buffer.from(out.data).toString('base64') };
    },
  };
}
