import type {
  ReportCheckResult,
  ReportDocument,
  ReportRow,
  ReportSummary,
  ReportThreshold,
} from '../../../../shared/contract/report';
import type { ReportCheck } from '../check';
import { escapeHtml as esc } from './escape';
import { ReportFormatter, type FormatOptions } from './format';
import { REPORT_LABELS } from './labels';

/** What the renderer needs of a check to title it and name its columns in either language. */
export type ReportCheckMeta = Pick<ReportCheck, 'id' | 'title' | 'columnLabels'>;

export interface HtmlOptions extends Partial<FormatOptions> {
  /** The registry's checks, for French titles and column labels; without, English titles and column ids. */
  checks?: readonly ReportCheckMeta[];
}

// Mail clients drop <style> blocks and external sheets: every rule is an inline style on the element.
const FONT = "font-family:'Segoe UI',Arial,Helvetica,sans-serif;";
const COLORS = {
  critical: { bg: '#fde8e8', bar: '#c92a2a', text: '#8a1c1c' },
  warning: { bg: '#fff5d6', bar: '#d99a00', text: '#7a5600' },
  error: { bg: '#eef1f5', bar: '#5c6b7a', text: '#3a4652' },
} as const;
const CELL = 'padding:4px 8px;border-bottom:1px solid #e3e6ea;vertical-align:top;text-align:left;';
const HEAD = `${CELL}background:#f0f2f5;font-weight:600;white-space:nowrap;`;

/** Fills `{key}` placeholders from the thresholds (and `{threshold}` with all of them). */
function fill(template: string, threshold: ReportThreshold | null, fmt: ReportFormatter): string {
  const t = threshold ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (key === 'threshold') return fmt.threshold(t);
    const v = t[key];
    if (v === undefined) return whole;
    return Array.isArray(v) ? v.join(', ') : typeof v === 'number' ? fmt.num(v) : v;
  });
}

function titleOf(check: ReportCheckResult, meta: ReportCheckMeta | undefined, fmt: ReportFormatter): string {
  const base = meta ? fill(meta.title[fmt.language], check.threshold, fmt) : check.title;
  const t = check.threshold;
  if (!t || Object.keys(t).length === 0) return base;
  // The reader must see the yardstick; a title that does not already say it gets it appended.
  const said = Object.values(t).every((v) =>
    base.includes(Array.isArray(v) ? v.join(', ') : typeof v === 'number' ? fmt.num(v) : v),
  );
  return said ? base : `${base} (${REPORT_LABELS[fmt.language].threshold}: ${fmt.threshold(t)})`;
}

function columnLabel(column: string, meta: ReportCheckMeta | undefined, fmt: ReportFormatter): string {
  return meta?.columnLabels?.[column]?.[fmt.language] ?? column;
}

const anchor = (id: string): string => `check-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function summaryRow(
  label: string,
  s: ReportSummary,
  fmt: ReportFormatter,
  extra: string,
  bold: boolean,
): string {
  const w = bold ? 'font-weight:600;' : '';
  const n = (v: number): string => `<td style="${CELL}${w}text-align:right;">${esc(fmt.num(v))}</td>`;
  return `<tr><td style="${CELL}${w}">${label}${extra}</td>${n(s.hosts)}${n(s.vms)}${n(s.vmsPoweredOn)}${n(s.vmsPoweredOff)}${n(s.vmsSuspended)}${n(s.templates)}${n(s.clusters)}${n(s.datastores)}</tr>`;
}

function summary(doc: ReportDocument, fmt: ReportFormatter): string {
  const L = REPORT_LABELS[fmt.language];
  const heads = [
    L.vcenter,
    L.hosts,
    L.vms,
    L.vmsPoweredOn,
    L.vmsPoweredOff,
    L.vmsSuspended,
    L.templates,
    L.clusters,
    L.datastores,
  ];
  const rows = doc.vcenters.map((v) => {
    const detail = v.error
      ? `<br><span style="color:${COLORS.critical.text};">${esc(L.unreachable)}: ${esc(v.error)}</span>`
      : v.version
        ? `<br><span style="color:#5c6b7a;font-size:12px;">${esc(v.version)}${v.build ? ` (${esc(v.build)})` : ''}</span>`
        : '';
    return summaryRow(esc(v.name), v.summary, fmt, detail, false);
  });
  if (doc.vcenters.length > 1) rows.push(summaryRow(esc(L.total), doc.summary, fmt, '', true));
  return `<h2 style="${FONT}font-size:17px;margin:20px 0 8px;">${esc(L.summary)}</h2>
<table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="border-collapse:collapse;${FONT}font-size:13px;">
<tr>${heads.map((h, i) => `<th style="${HEAD}${i ? 'text-align:right;' : ''}">${esc(h)}</th>`).join('')}</tr>
${rows.join('\n')}
</table>`;
}

function findingsCount(check: ReportCheckResult): { critical: number; warning: number } {
  let critical = 0;
  for (const r of check.rows) if (r.severity === 'critical') critical += 1;
  return { critical, warning: check.rows.length - critical };
}

function badge(text: string, color: string): string {
  return `<span style="display:inline-block;padding:1px 6px;border-radius:3px;background:${color};color:#ffffff;font-size:11px;font-weight:600;">${esc(text)}</span>`;
}

function row(r: ReportRow, columns: readonly string[], multi: boolean, fmt: ReportFormatter): string {
  const L = REPORT_LABELS[fmt.language];
  const c = COLORS[r.severity];
  const first = `<td style="${CELL}border-left:4px solid ${c.bar};color:${c.text};font-weight:600;white-space:nowrap;">${esc(r.severity === 'critical' ? L.critical : L.warning)}${r.isNew ? ` ${badge(L.isNew, '#1c64d1')}` : ''}</td>`;
  const cells = columns.map((col) => {
    const v = r[col];
    const right =
      typeof v === 'number' ? 'text-align:right;white-space:nowrap;' : 'overflow-wrap:break-word;';
    return `<td style="${CELL}${right}">${esc(fmt.cell(v))}</td>`;
  });
  const vc = multi ? `<td style="${CELL}">${esc(r.vcenter)}</td>` : '';
  return `<tr style="background:${c.bg};">${first}${vc}${cells.join('')}</tr>`;
}

function section(
  check: ReportCheckResult,
  meta: ReportCheckMeta | undefined,
  multi: boolean,
  fmt: ReportFormatter,
): string {
  const L = REPORT_LABELS[fmt.language];
  const title = titleOf(check, meta, fmt);
  const h = `<h2 id="${anchor(check.id)}" style="${FONT}font-size:16px;margin:24px 0 6px;">${esc(title)}</h2>`;
  if (check.status === 'error' || check.status === 'unsupported') {
    const what = check.status === 'error' ? L.couldNotRun : L.unsupported;
    return `${h}<p style="${FONT}margin:0;padding:8px 10px;background:${COLORS.error.bg};border-left:4px solid ${COLORS.error.bar};color:${COLORS.error.text};">${esc(what)}${check.message ? `: ${esc(check.message)}` : ''}</p>`;
  }
  const { critical, warning } = findingsCount(check);
  const counts = [
    critical ? `${fmt.num(critical)} ${L.critical.toLowerCase()}` : '',
    warning ? `${fmt.num(warning)} ${L.warning.toLowerCase()}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const note = check.message
    ? `<p style="${FONT}margin:0 0 6px;color:#5c6b7a;font-size:12px;">${esc(check.message)}</p>`
    : '';
  const numeric = (c: string): boolean => check.rows.some((r) => typeof r[c] === 'number');
  const heads = [
    `<th style="${HEAD}">${esc(L.severity)}</th>`,
    ...(multi ? [`<th style="${HEAD}">${esc(L.vcenter)}</th>`] : []),
    ...check.columns.map(
      (c) =>
        `<th style="${HEAD}${numeric(c) ? 'text-align:right;' : ''}">${esc(columnLabel(c, meta, fmt))}</th>`,
    ),
  ];
  return `${h}<p style="${FONT}margin:0 0 6px;color:#5c6b7a;font-size:12px;">${esc(L.findings(check.rows.length))}${counts ? ` (${esc(counts)})` : ''}</p>${note}
<table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="border-collapse:collapse;${FONT}font-size:13px;">
<tr>${heads.join('')}</tr>
${check.rows.map((r) => row(r, check.columns, multi, fmt)).join('\n')}
</table>`;
}

function contents(
  shown: readonly ReportCheckResult[],
  metas: ReadonlyMap<string, ReportCheckMeta>,
  fmt: ReportFormatter,
): string {
  const L = REPORT_LABELS[fmt.language];
  const items = shown.map((c) => {
    const { critical, warning } = findingsCount(c);
    const color =
      c.status === 'findings' ? (critical ? COLORS.critical.bar : COLORS.warning.bar) : COLORS.error.bar;
    const what = c.status === 'findings' ? String(fmt.num(critical + warning)) : L.statuses[c.status];
    return `<li style="margin:2px 0;"><a href="#${anchor(c.id)}" style="color:#1c64d1;text-decoration:none;">${esc(titleOf(c, metas.get(c.id), fmt))}</a> <span style="color:${color};font-weight:600;">${esc(what)}</span></li>`;
  });
  return `<h2 style="${FONT}font-size:17px;margin:20px 0 6px;">${esc(L.contents)}</h2><ul style="${FONT}margin:0;padding-left:20px;font-size:13px;">${items.join('')}</ul>`;
}

function footer(
  doc: ReportDocument,
  metas: ReadonlyMap<string, ReportCheckMeta>,
  fmt: ReportFormatter,
): string {
  const L = REPORT_LABELS[fmt.language];
  const rows = doc.checks.map(
    (c) =>
      `<tr><td style="${CELL}">${esc(titleOf(c, metas.get(c.id), fmt))}</td><td style="${CELL}">${esc(L.statuses[c.status])}</td><td style="${CELL}text-align:right;white-space:nowrap;">${esc(fmt.duration(c.durationMs))}</td></tr>`,
  );
  const steps = Object.entries(doc.timings)
    .map(([k, v]) => `${esc(k)} ${esc(fmt.duration(v))}`)
    .join(' · ');
  return `<h2 style="${FONT}font-size:14px;margin:28px 0 6px;color:#5c6b7a;">${esc(L.footer)}</h2>
<table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="border-collapse:collapse;${FONT}font-size:12px;color:#3a4652;">
<tr><th style="${HEAD}">${esc(L.check)}</th><th style="${HEAD}">${esc(L.status)}</th><th style="${HEAD}text-align:right;">${esc(L.time)}</th></tr>
${rows.join('\n')}
</table>${steps ? `<p style="${FONT}font-size:12px;color:#5c6b7a;margin:8px 0 0;">${esc(L.steps)}: ${steps}</p>` : ''}`;
}

/**
 * The report as one self-contained HTML page that mail clients display: tables and inline styles only, no
 * script, no external resource. A check appears only when it has findings or could not run; every string
 * from vCenter is escaped.
 */
export function renderReportHtml(doc: ReportDocument, options: HtmlOptions = {}): string {
  const language = options.language ?? doc.language;
  const fmt = new ReportFormatter({
    language,
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const L = REPORT_LABELS[language];
  const metas = new Map((options.checks ?? []).map((c) => [c.id, c]));
  const shown = doc.checks.filter((c) => c.status !== 'ok');
  const ok = doc.checks.length - shown.length;
  const multi = doc.vcenters.length > 1;
  const head = `<h1 style="${FONT}font-size:21px;margin:0 0 4px;">${esc(L.heading)}</h1>
<p style="${FONT}margin:0;color:#5c6b7a;font-size:13px;">${esc(L.profile)}: <b>${esc(doc.profile)}</b> · ${esc(L.generated)} ${esc(fmt.dateTime(doc.generatedAt))} · ${esc(L.duration)} ${esc(fmt.duration(doc.durationMs))}</p>`;
  const body = shown.length
    ? `${contents(shown, metas, fmt)}\n${shown.map((c) => section(c, metas.get(c.id), multi, fmt)).join('\n')}`
    : `<p style="${FONT}margin:16px 0;padding:10px;background:#e6f4ea;border-left:4px solid #2f9e44;">${esc(L.nothingWrong)}</p>`;
  const okLine =
    ok && shown.length
      ? `<p style="${FONT}margin:16px 0 0;color:#2f7d3a;font-size:13px;">${esc(L.checksOk(ok))}</p>`
      : '';
  return `<!DOCTYPE html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(L.heading)} · ${esc(doc.profile)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;color:#1f2328;">
<table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="background:#f4f5f7;"><tr><td align="center" style="padding:16px;">
<table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="max-width:1000px;background:#ffffff;border:1px solid #dde1e6;"><tr><td style="padding:20px 24px;${FONT}font-size:14px;color:#1f2328;">
${head}
${summary(doc, fmt)}
${body}
${okLine}
${footer(doc, metas, fmt)}
</td></tr></table>
</td></tr></table>
</body>
</html>
`;
}
