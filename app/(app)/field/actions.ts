"use server";

import { callAction, formAction } from "@/lib/commands/action";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import { recordFollowUpVisit } from "@/lib/field/record-follow-up-visit";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";
import { assignWarning, claimWarning } from "@/lib/field/assign";
import { revealCustomerPhone, revealForVisit, type FieldReveal } from "@/lib/field/reveal";
import { recordRevisitOutcome } from "@/lib/revisits/record-outcome";
import { recordAppFollowUpOutcome } from "@/lib/appfollowups/record-outcome";

// Every field page shows the precinct's work: a record changes them all.
const refresh = { revalidate: [["/field", "layout"]] } as const;

export const homeVisitAction = formAction(recordHomeVisit, refresh);
export const followUpVisitAction = formAction(recordFollowUpVisit, refresh);
export const counterInterceptAction = formAction(recordCounterIntercept, refresh);
export const claimAction = formAction(claimWarning, refresh);
export const assignAction = formAction(assignWarning, refresh);
export const revisitOutcomeAction = formAction(recordRevisitOutcome, refresh);
export const appFollowUpOutcomeAction = formAction(recordAppFollowUpOutcome, refresh);

/** The full number to call (tel:), or the full address to go to, audited with the reason given. */
export const revealVictimAction = callAction(revealForVisit, (id: string, field: FieldReveal, reason: string) => ({ id, field, reason }));
export const revealCustomerPhoneAction = callAction(revealCustomerPhone, (id: string, reason: string) => ({ id, reason }));
