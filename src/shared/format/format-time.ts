const cache = new Map<string, Intl.DateTimeFormat>();

function df(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

export function formatDateTime(ms: number | null | undefined, locale: string): string {
  if (ms === null || ms === undefined) return '—';
  return df(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(ms);
}

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Time of day for today, date and time otherwise: what a tile's "last poll" needs without ticking. */
export function formatWhen(ms: number | null | undefined, locale: string, now = Date.now()): string {
  if (ms === null || ms === undefined) return '—';
  const today = startOfDay(now);
  const sameDay = ms >= today && startOfDay(ms) === today;
  return sameDay ? df(locale, { timeStyle: 'medium' }).format(ms) : formatDateTime(ms, locale);
}

/** Chart time ticks: hours for a day or less, day and hour for a week, dates beyond. */
export function formatTick(ms: number, spanMs: number, locale: string): string {
  if (spanMs <= 36 * 3600_000) return df(locale, { hour: '2-digit', minute: '2-digit' }).format(ms);
  if (spanMs <= 8 * 86_400_000)
    return df(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(ms);
  if (spanMs <= 60 * 86_400_000) return df(locale, { day: 'numeric', month: 'short' }).format(ms);
  return df(locale, { month: 'short', year: 'numeric' }).format(ms);
}
