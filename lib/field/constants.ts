// Client-safe constants of the field domain (no server imports).

/** The outcomes a home visit (上门劝阻) can have, as the paper form lists them. */
export const VISIT_OUTCOMES = ["DISSUADED", "ALREADY_PAID", "REFUSED", "NOT_FOUND", "NOT_FRAUD"] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** How far ahead a follow-up visit may be scheduled. */
export const MAX_FOLLOW_UP_DAYS = 90;
