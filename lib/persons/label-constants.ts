// Person labels (易受骗人群 / 高危人员): which exist, which are derived, which a person may record.
// Client-safe (the pages' pickers use them).
export const PERSON_LABELS = ["ELDERLY_ALONE", "STUDENT", "REPEAT_WARNINGS", "PAST_VICTIM", "CARD_SELLING_SUSPECT"] as const;
export type PersonLabelKind = (typeof PERSON_LABELS)[number];

/** Labels recorded by hand or by import; the others are derived from the records. CARD_SELLING_SUSPECT is both. */
export const RECORDED_LABELS = ["ELDERLY_ALONE", "STUDENT", "CARD_SELLING_SUSPECT"] as const;
/** Labels kept by triggers as rows of person_derived_labels (REPEAT_WARNINGS is read from persons). */
export const DERIVED_LABELS = ["PAST_VICTIM", "CARD_SELLING_SUSPECT"] as const;

/**
 * REPEAT_WARNINGS: at least this many warnings in WINDOW days. The triggers of migration
 * person_list_state keep each person's second-latest warning time (priorWarnedAt): another
 * minimum needs another column.
 */
export const REPEAT_MIN = 2;
export const REPEAT_WINDOW_DAYS = 90;

/** The "not contacted in N days" filter's bounds. */
export const MAX_NOT_CONTACTED_DAYS = 3650;

export const OUTREACH_OUTCOMES = ["VISITED", "NOT_FOUND", "REFUSED", "MOVED"] as const;
/** Outcomes that reached the person (they count as a contact and as audience of the publicity work). */
export const OUTREACH_REACHED = ["VISITED", "REFUSED"] as const;

/** At most this many tasks per outreach campaign, rows per import. */
export const MAX_OUTREACH_TASKS = 2000;
export const MAX_LABEL_IMPORT_ROWS = 5000;
