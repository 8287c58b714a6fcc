"use server";

import { revalidatePath } from "next/cache";
import { requirePermission, requireUser } from "@/lib/auth/guards";
import { runAction, type ActionState } from "@/lib/http/action";
import { RiskLevel } from "@/lib/generated/prisma/enums";
import { updateSecuritySettings, updateSlaLadder } from "@/lib/settings/commands";

const STEPS = ["version", "ackMinutes", "contactMinutes", "resolveMinutes"] as const;

/** The ladder form names its inputs `<risk>.<field>`, as the schema's error paths do. */
export async function updateSlaAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "config:manage");
    const ladder = Object.fromEntries(Object.values(RiskLevel).map((r) => [r, Object.fromEntries(STEPS.map((s) => [s, form.get(`${r}.${s}`)]))]));
    await updateSlaLadder(actor, ladder);
    revalidatePath("/admin/settings");
  });
}

export async function updateSecurityAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireUser();
    await requirePermission(actor, "config:manage");
    const names = ["passwordMaxAgeDays", "passwordMaxAgeDaysVersion", "auditRetentionDays", "auditRetentionDaysVersion"];
    await updateSecuritySettings(actor, Object.fromEntries(names.map((n) => [n, form.get(n)])));
    revalidatePath("/admin/settings");
  });
}
