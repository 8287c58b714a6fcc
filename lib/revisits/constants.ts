// Client-safe constants of the revisits domain (回访; no server imports).

/** The outcomes of a revisit, as the officer's form lists them. */
export const REVISIT_OUTCOMES = ["CONFIRMED", "TEMP_UNREACHABLE", "UNREACHABLE", "INFO_MISMATCH", "DUPLICATE", "DEFRAUDED"] as const;
export type RevisitOutcomeCode = (typeof REVISIT_OUTCOMES)[number];

/** Days after the dissuasion that the revisits fall due, while no administrator has set others. */
export const DEFAULT_REVISIT_DAYS: readonly number[] = [1, 7];
/** At most this many revisits per dissuaded warning, each at most this many days after it. */
export const MAX_REVISITS = 5;
export const MAX_REVISIT_DAY = 90;
/** How far ahead a revisit the person could not be reached for may be rescheduled. */
export const MAX_RESCHEDULE_DAYS = 14;
