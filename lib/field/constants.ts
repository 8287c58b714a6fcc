// Client-safe constants of the field domain (no server imports).
import { addDays, chinaLocalInput, chinaToday } from "@/lib/time/china";

/** The outcomes a home visit (上门劝阻) can have, as the paper form lists them. */
export const VISIT_OUTCOMES = ["DISSUADED", "ALREADY_PAID", "REFUSED", "NOT_FOUND", "NOT_FRAUD"] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** How far ahead a follow-up visit may be scheduled. */
export const MAX_FOLLOW_UP_DAYS = 90;

/** What a field form needs to know about the clock: now, today, and the last day a follow-up may be set for. */
export function formClock(now = new Date()) {
  const today = chinaToday(now);
  return { now: chinaLocalInput(now), today, maxFollowUp: addDays(today, MAX_FOLLOW_UP_DAYS) };
}
