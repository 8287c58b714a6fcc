// The legal deadline of an appeal, in working days. The platform keeps no holiday calendar (no
// 法定节假日 / 调休 table exists), so a working day is Monday to Friday. Pure and client-safe.
import { addDays, weekdayMondayFirst } from "@/lib/time/china";

/** The default review period: 15 working days after receipt (configurable by the city's admin). */
export const DEFAULT_APPEAL_DEADLINE_DAYS = 15;
/** An open appeal is flagged "due soon" when at most this many working days are left. */
export const DUE_SOON_WORKING_DAYS = 3;

export const isWorkingDay = (day: string) => weekdayMondayFirst(day) < 5;

/** The n-th working day after `day` (the day itself never counts, even when it is a working day). */
export function addWorkingDays(day: string, n: number): string {
  let d = day;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to`; negative (working days overdue) when `to` is earlier. */
export function workingDaysBetween(from: string, to: string): number {
  if (to < from) return -workingDaysBetween(to, from);
  let n = 0;
  for (let d = from; d < to; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) n++;
  }
  return n;
}

/**
 * What an open appeal shows: working days left to its deadline, 0 on the day itself, negative once
 * it has passed — at least one overdue, so the weekend after a Friday deadline is not "due today".
 */
export function workingDaysLeft(deadlineOn: string, today: string): number {
  const n = workingDaysBetween(today, deadlineOn);
  return deadlineOn < today ? Math.min(n, -1) : n;
}

export type DeadlineFlag = "overdue" | "dueSoon" | null;

/** The flag of an open appeal: past its deadline, or within DUE_SOON_WORKING_DAYS of it. */
export function deadlineFlag(deadlineOn: string, today: string): DeadlineFlag {
  if (deadlineOn < today) return "overdue";
  return deadlineOn <= addWorkingDays(today, DUE_SOON_WORKING_DAYS) ? "dueSoon" : null;
}
