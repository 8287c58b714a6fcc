// Client-safe constants of the app follow-up domain (APP回访; no server imports).

/** The outcomes of an app follow-up, as the officer's form lists them. */
export const APP_FOLLOWUP_OUTCOMES = ["INSTALLED", "REFUSED", "UNREACHABLE"] as const;
export type AppFollowUpOutcomeCode = (typeof APP_FOLLOWUP_OUTCOMES)[number];
