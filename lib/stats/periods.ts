// Statistics periods. Every boundary is a China-local calendar day ("YYYY-MM-DD", both ends
// inclusive): a record counts on the day its defining timestamp falls on in Asia/Shanghai.
//
//   本周/本月/本季度/本年 (week, month, quarter, year): from the period's first day to today.
//   上周/上月/上季度/上年 (lastWeek …): the whole previous period.
//   custom: any from–to.
//   同比 (year on year): the same dates one year earlier (29 Feb → 28 Feb).
//   环比 (period on period): the period before, as far into it as the current one has run
//   (1–29 Nov against 1–29 Oct); for a custom range the same number of days just before it.

import { addDays, dateToDay, daysBetween, weekdayMondayFirst } from "@/lib/time/china";

export type Day = string;
export type DayRange = { from: Day; to: Day };
export type Granularity = "day" | "week" | "month";
export type Bucket = DayRange & { key: Day };

export const PERIOD_KINDS = ["week", "lastWeek", "month", "lastMonth", "quarter", "lastQuarter", "year", "lastYear", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const GRANULARITIES = ["day", "week", "month"] as const;

export type ResolvedPeriod = {
  kind: PeriodKind;
  current: DayRange;
  previous: DayRange;
  yearAgo: DayRange;
  granularity: Granularity;
  buckets: Bucket[];
  /** The key of the bucket holding today: still running, so its figures will grow (trend lines mark it 未完). */
  partial: Day | null;
};

/** Longest custom range: three years (a bulletin compares at most that much). */
export const MAX_RANGE_DAYS = 3 * 366;


/** Days from a to b, both included. */
export const daysIn = (r: DayRange): number => daysBetween(r.from, r.to) + 1;

export const minDay = (a: Day, b: Day): Day => (a <= b ? a : b);

/** Same day of month n months on, clipped to the month's end (31 Mar − 1 month → 28/29 Feb). */
export function addMonths(d: Day, n: number): Day {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return dateToDay(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, last))));
}

export const addYears = (d: Day, n: number): Day => addMonths(d, 12 * n);
export const startOfMonth = (d: Day): Day => `${d.slice(0, 8)}01`;
export const endOfMonth = (d: Day): Day => addDays(addMonths(startOfMonth(d), 1), -1);
export const startOfYear = (d: Day): Day => `${d.slice(0, 4)}-01-01`;

export function startOfQuarter(d: Day): Day {
  const m = Number(d.slice(5, 7));
  return `${d.slice(0, 4)}-${String(m - ((m - 1) % 3)).padStart(2, "0")}-01`;
}

/** Monday of the day's week. */
export function startOfWeek(d: Day): Day {
  const weekday = weekdayMondayFirst(d);
  return addDays(d, -weekday);
}

/** The current and 环比 ranges of a preset period, as of `today`. */
function preset(kind: Exclude<PeriodKind, "custom">, today: Day): { current: DayRange; previous: DayRange } {
  // A running period is compared with the same stretch of the one before it.
  const running = (start: Day, previousStart: Day) => ({
    current: { from: start, to: today },
    previous: { from: previousStart, to: minDay(addDays(previousStart, daysIn({ from: start, to: today }) - 1), addDays(start, -1)) },
  });
  const whole = (start: Day, nextStart: Day, previousStart: Day) => ({
    current: { from: start, to: addDays(nextStart, -1) },
    previous: { from: previousStart, to: addDays(start, -1) },
  });
  const week = startOfWeek(today);
  const month = startOfMonth(today);
  const quarter = startOfQuarter(today);
  const year = startOfYear(today);
  switch (kind) {
    case "week": return running(week, addDays(week, -7));
    case "lastWeek": return whole(addDays(week, -7), week, addDays(week, -14));
    case "month": return running(month, addMonths(month, -1));
    case "lastMonth": return whole(addMonths(month, -1), month, addMonths(month, -2));
    case "quarter": return running(quarter, addMonths(quarter, -3));
    case "lastQuarter": return whole(addMonths(quarter, -3), quarter, addMonths(quarter, -6));
    case "year": return { current: { from: year, to: today }, previous: { from: addYears(year, -1), to: addYears(today, -1) } };
    case "lastYear": return whole(addYears(year, -1), year, addYears(year, -2));
  }
}

/** The trend granularity a range gets unless asked otherwise: days up to a month, weeks up to half a year. */
export function defaultGranularity(r: DayRange): Granularity {
  const n = daysIn(r);
  return n <= 31 ? "day" : n <= 184 ? "week" : "month";
}

/** Whether a granularity is fine enough to be useful and coarse enough to stay cheap. */
export function allowedGranularity(r: DayRange, g: Granularity): boolean {
  const n = daysIn(r);
  return g === "month" || (g === "week" && n <= 400) || (g === "day" && n <= 92);
}

export function resolvePeriod(
  input: { period?: PeriodKind; from?: Day; to?: Day; granularity?: Granularity },
  today: Day,
): ResolvedPeriod {
  const kind: PeriodKind = input.period ?? (input.from && input.to ? "custom" : "year");
  let current: DayRange;
  let previous: DayRange;
  if (kind === "custom") {
    if (!input.from || !input.to) throw new Error("a custom period needs from and to");
    current = { from: input.from, to: input.to };
    const n = daysIn(current);
    previous = { from: addDays(current.from, -n), to: addDays(current.from, -1) };
  } else {
    ({ current, previous } = preset(kind, today));
  }
  // A range ending on its month's last day compares with the whole of that month a year before:
  // February 2025 with all of February 2024, its 29th included.
  const yearAgoTo = current.to === endOfMonth(current.to) ? endOfMonth(addYears(current.to, -1)) : addYears(current.to, -1);
  const yearAgo = { from: addYears(current.from, -1), to: yearAgoTo };
  const granularity = input.granularity && allowedGranularity(current, input.granularity) ? input.granularity : defaultGranularity(current);
  const buckets = bucketsOf(current, granularity);
  return { kind, current, previous, yearAgo, granularity, buckets, partial: buckets.find((b) => b.from <= today && today <= b.to)?.key ?? null };
}

/** The bucket a day falls in (its key is the bucket's natural start: the day, its Monday, its 1st). */
export function bucketKey(d: Day, g: Granularity): Day {
  return g === "day" ? d : g === "week" ? startOfWeek(d) : startOfMonth(d);
}

/** The range cut into buckets; the first and last are clipped to the range. */
export function bucketsOf(r: DayRange, g: Granularity): Bucket[] {
  const out: Bucket[] = [];
  for (let d = r.from; d <= r.to; ) {
    const key = bucketKey(d, g);
    const next = g === "day" ? addDays(key, 1) : g === "week" ? addDays(key, 7) : addMonths(key, 1);
    out.push({ key, from: d, to: minDay(addDays(next, -1), r.to) });
    d = next;
  }
  return out;
}

/**
 * A range split into the whole calendar months inside it (read from the monthly rollup) and the
 * leftover days at either end (read from the daily rollup).
 */
export function splitByMonths(r: DayRange): { months: DayRange | null; days: DayRange[] } {
  const firstFull = r.from === startOfMonth(r.from) ? r.from : addMonths(startOfMonth(r.from), 1);
  const lastFullEnd = r.to === endOfMonth(r.to) ? r.to : addDays(startOfMonth(r.to), -1);
  if (firstFull > lastFullEnd) return { months: null, days: [r] };
  const days: DayRange[] = [];
  if (r.from < firstFull) days.push({ from: r.from, to: addDays(firstFull, -1) });
  if (lastFullEnd < r.to) days.push({ from: addDays(lastFullEnd, 1), to: r.to });
  return { months: { from: firstFull, to: startOfMonth(lastFullEnd) }, days };
}
