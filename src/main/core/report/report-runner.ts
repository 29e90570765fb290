import type { ReportDocument } from '../../../shared/contract/report';
import type { RunReportInput } from './run-report';

/** `runReport` of run-report.ts, injected so that the service is tested with a fake runner. */
export type ReportRunner = (input: RunReportInput) => Promise<ReportDocument>;
