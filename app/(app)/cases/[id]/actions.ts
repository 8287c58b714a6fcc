"use server";

import { formAction } from "@/lib/commands/action";
import { requestFreeze, updateFreeze } from "@/lib/cases/freezes";
import { addCaseGang } from "@/lib/cases/gangs";
import { recordRecovery, recordReturn } from "@/lib/cases/recoveries";
import { addSeizedItem, updateSeizedItem } from "@/lib/cases/seized-items";
import { addSuspect, updateSuspect } from "@/lib/cases/suspects";
import { addVictim } from "@/lib/cases/victims";
import { updateCaseFacts, updateVictim } from "@/lib/cases/facts";

// The case page's record forms post the case's id as `id` (and a record's as `subId`), the names
// of the API's path parameters, so one command serves the form and the API. Revalidating re-renders
// the case page the form is on.
const onCasePage = { revalidate: ["/cases"] } as const;

export const updateFactsAction = formAction(updateCaseFacts, onCasePage);
export const updateVictimAction = formAction(updateVictim, onCasePage);
export const addVictimAction = formAction(addVictim, onCasePage);
export const requestFreezeAction = formAction(requestFreeze, onCasePage);
export const updateFreezeAction = formAction(updateFreeze, onCasePage);
export const addSuspectAction = formAction(addSuspect, onCasePage);
export const suspectStatusAction = formAction(updateSuspect, onCasePage);
export const suspectGangAction = formAction(updateSuspect, onCasePage);
export const gangAction = formAction(addCaseGang, onCasePage);
export const addItemAction = formAction(addSeizedItem, onCasePage);
export const updateItemAction = formAction(updateSeizedItem, onCasePage);
export const recoveryAction = formAction(recordRecovery, onCasePage);
export const returnAction = formAction(recordReturn, onCasePage);
