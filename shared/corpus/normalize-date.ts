/**
 * Normalises a front-matter date to `YYYY-MM-DD`, or returns undefined when it is not a date.
 * Accepts Date objects (as other YAML loaders produce; read in UTC), `2025-06-27`, `2025-6-27`,
 * `2025/6/27`, `2025.6.27`, `2025年6月27日`, full-width digits, and any of these followed by a time.
 */
export function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return undefined;
  // NFKC folds full-width digits and separators (２０２５／６／２７) to ASCII.
  const text = value.normalize('NFKC').trim();
  const match =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(text) ??
    /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST edges.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
