"use server";

import { callAction, formAction } from "@/lib/commands/action";
import { cancelOutreach, createOutreach, recordOutreachOutcome } from "@/lib/persons/outreach";
import { removePersonLabel } from "@/lib/persons/labels";
import { commitLabelImport, previewLabelImport } from "@/lib/persons/label-import";

// The vulnerable list, the officers' outreach tasks and the field home change with every write.
const refresh = { revalidate: [["/field", "layout"]] } as const;

export const outreachOutcomeAction = formAction(recordOutreachOutcome, refresh);
export const createOutreachAction = formAction(createOutreach, refresh);
export const cancelOutreachAction = formAction(cancelOutreach, refresh);
export const removeLabelAction = formAction(removePersonLabel, { revalidate: [["/field", "layout"], ["/persons", "layout"]] });
// The page reads the file (CSV or .xlsx) into rows of cell text; the command checks them again.
export const previewLabelImportAction = callAction(previewLabelImport, (table: string[][], unit?: string) => ({ table, unit }));
export const commitLabelImportAction = callAction(commitLabelImport, (table: string[][], unit?: string) => ({ table, unit }), refresh);
