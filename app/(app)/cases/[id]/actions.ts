"use server";

import { revalidatePath } from "next/cache";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission, requireUser } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { formToObject } from "@/lib/commands/form";
import { requestFreeze, updateFreeze } from "@/lib/cases/freezes";
import { createGangForCase, linkGang } from "@/lib/cases/gangs";
import { recordRecovery, recordReturn } from "@/lib/cases/recoveries";
import { addSeizedItem, updateSeizedItem } from "@/lib/cases/seized-items";
import { addSuspect, setSuspectGang, updateSuspectStatus } from "@/lib/cases/suspects";
import { addVictim } from "@/lib/cases/victims";
import { updateCaseFacts, updateVictim } from "@/lib/cases/facts";

// The case page's record forms post `caseId` (and `subId` for a record of the case) as hidden fields.

type Write = (actor: Actor, caseId: string, subId: string, body: Record<string, unknown>) => Promise<unknown>;

async function caseWrite(form: FormData, write: Write): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "cases:write");
    const caseId = String(form.get("caseId") ?? "");
    await write(actor, caseId, String(form.get("subId") ?? ""), formToObject(form));
    revalidatePath(`/cases/${caseId}`);
  });
}

export async function updateFactsAction(_prev: ActionState, form: FormData) {
  return caseWrite(form, (a, id, _s, body) => updateCaseFacts(a, id, body));
}
export async function updateVictimAction(_prev: ActionState, form: FormData) {
  return caseWrite(form, (a, id, sub, body) => updateVictim(a, id, sub, body));
}
export async function addVictimAction(_prev: ActionState, form: FormData) {
  return caseWrite(form, (a, id, _s, body) => addVictim(a, id, body));
}
export async function requestFreezeAction(_prev: ActionState, form: FormData) {
  return caseWrite(form, (a, id, _s, body) => requestFreeze(a, id, body));
}
export async function updateFreezeAction(_prev: ActionState, form: FormData) {
  return caseWrite(form, (a, id, sub, body) => updateFreeze(a, id, sub, body));
}
export async function addSuspectAction(_prev: ActionState, form: FormData) {
  return caseWrite(form, (a, id, _s, body) => addSuspect(a, id, body));
}
export async function suspectStatusAction(_prev: ActionState, form: FormData) {
  return caseWrite(form, (a, id, sub, body) => updateSuspectStatus(a, id, sub, body));
}
export async function suspectGangAction(_prev: ActionState, form: FormData) {
  return caseWrite(form, (a, id, sub, body) => setSuspectGang(a, id, sub, body));
}
export async function gangAction(_prev: ActionState, form: FormData) {
  return caseWrite(form, (a, id, _s, body) => ("gangId" in body ? linkGang(a, id, body) : createGangForCase(a, id, body)));
}
export async function addItemAction(_prev: ActionState, form: FormData) {
  return caseWrite(form, (a, id, _s, body) => addSeizedItem(a, id, body));
}
export async function updateItemAction(_prev: ActionState, form: FormData) {
  return caseWrite(form, (a, id, sub, body) => updateSeizedItem(a, id, sub, body));
}
export async function recoveryAction(_prev: ActionState, form: FormData) {
  return caseWrite(form, (a, id, _s, body) => recordRecovery(a, id, body));
}
export async function returnAction(_prev: ActionState, form: FormData) {
  return caseWrite(form, (a, id, sub, body) => recordReturn(a, id, sub, body));
}
