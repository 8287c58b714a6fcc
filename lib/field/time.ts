// Field forms speak China time (Asia/Shanghai, UTC+8 all year). Client-safe.
import { addDays, chinaToday } from "@/lib/publicity/days";
import { MAX_FOLLOW_UP_DAYS } from "@/lib/field/constants";

/** Now as a `datetime-local` value in China: "YYYY-MM-DDTHH:mm". */
export const chinaLocalNow = (now = new Date()) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

/** What a field form needs to know about the clock: now, today, and the last day a follow-up may be set for. */
export function formClock(now = new Date()) {
  const today = chinaToday(now);
  return { now: chinaLocalNow(now), today, maxFollowUp: addDays(today, MAX_FOLLOW_UP_DAYS) };
}

/** A `datetime-local` value ("YYYY-MM-DDTHH:mm[:ss]", China time) as an instant with its offset; anything else as typed. */
export const chinaInstant = (v: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) ? `${v.length === 16 ? `${v}:00` : v}+08:00` : v);
