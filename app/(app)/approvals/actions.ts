"use server";

import { revalidatePath } from "next/cache";
import { requirePermission, requireUser } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { decideProposal } from "@/lib/approvals/decide";

/** The security officer's (or, for a security officer's account, the auditor's) decision on a proposed grant. */
export async function decideProposalAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "grants:approve");
    const note = String(form.get("note") ?? "").trim();
    await decideProposal(actor, { id: form.get("id"), version: form.get("version"), decision: form.get("decision"), ...(note ? { note } : {}) });
    revalidatePath("/approvals");
  });
}
