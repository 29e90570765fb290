import type { ReportCell, ReportThreshold } from '../../../../shared/contract/report';
import { REPORT_LABELS, type ReportLanguage } from './labels';

export interface FormatOptions {
  language: ReportLanguage;
  /** BCP 47 locale for numbers and dates; default: the language's usual one (en-GB, fr-FR). */
  locale?: string;
  /** IANA zone for dates; default: the process's zone (the reader's machine for the desktop app). */
  timeZone?: string;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Intl formatters built once per render (building them per cell costs more than the rest of the page). */
export class ReportFormatter {
  private readonly number: Intl.NumberFormat;
  private readonly date: Intl.DateTimeFormat;
  readonly language: ReportLanguage;

  constructor(options: FormatOptions) {
    this.language = options.language;
    const locale = options.locale ?? (options.language === 'fr' ? 'fr-FR' : 'en-GB');
    this.number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    this.date = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
  }

  num(n: number): string {
    return this.number.format(n);
  }

  dateTime(iso: string): string {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? iso : this.date.format(t);
  }

  /** Footers read "12 ms", "4.3 s", "2 min 05 s". */
  duration(ms: number): string {
    if (ms < 1000) return `${this.num(Math.round(ms))} ms`;
    if (ms < 60_000) return `${this.num(Math.round(ms / 100) / 10)} s`;
    const s = Math.round(ms / 1000);
    return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  }

  /** A cell as display text (not yet escaped): numbers and ISO times in the reader's locale. */
  cell(value: ReportCell | undefined): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return Number.isFinite(value) ? this.num(value) : '';
    if (typeof value === 'boolean')
      return value ? REPORT_LABELS[this.language].yes : REPORT_LABELS[this.language].no;
    return ISO_TIME.test(value) ? this.dateTime(value) : value;
  }

  /** `days 14 · percent 75` */
  threshold(t: ReportThreshold): string {
    return Object.entries(t)
      .map(
        ([k, v]) =>
          `${k} ${Array.isArray(v) ? (v.length ? v.join(', ') : '–') : typeof v === 'number' ? this.num(v) : v}`,
      )
      .join(' · ');
  }
}
