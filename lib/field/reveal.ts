import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { forbidden } from "@/lib/errors";
import { outOfScope } from "@/lib/audit/audit-denied";
import { parseInput } from "@/lib/validation/parse";
import { recordReveal } from "@/lib/pii/reveal";
import { revealWarningField } from "@/lib/warnings/reveal";
import { idOf } from "@/lib/field/schemas";

// An officer on the street calls the person or walks to the address: one tap reveals the full
// value (never in the page payload before that), and the tap's purpose is its reason in the audit
// trail — asking for a typed reason on a phone, one-handed, is what the paper form did better.

export const FIELD_REVEAL = ["victimPhone", "victimAddress"] as const;
export type FieldReveal = (typeof FIELD_REVEAL)[number];

export const REVEAL_REASON: Record<FieldReveal | "customerPhone", string> = {
  victimPhone: "外勤民警致电当事人（我的任务）",
  victimAddress: "外勤民警上门劝阻查看住址",
  customerPhone: "外勤民警回访致电当事人",
};

const fieldSchema = z.enum(FIELD_REVEAL);

/** The victim's full phone (to call) or address (to go to), audited with the purpose. */
export async function revealForVisit(actor: Actor, warningId: string, field: unknown): Promise<string> {
  idOf(warningId);
  const f = parseInput(fieldSchema, field);
  return revealWarningField(actor, warningId, f, REVEAL_REASON[f]);
}

/** The customer's full phone of a standalone record of the unit (a counter interception), to call for its follow-up. */
export async function revealCustomerPhone(actor: Actor, actionId: string): Promise<string> {
  if (!actor.permissions.has("pii:reveal")) throw forbidden();
  idOf(actionId);
  return getDb().$transaction(async (tx) => {
    const a = await tx.dissuasionAction.findFirst({ where: { id: actionId, unitId: actor.unitId }, select: { customerPhone: true } });
    if (!a) throw await outOfScope(actor, "DissuasionAction", actionId, async () => (await tx.dissuasionAction.count({ where: { id: actionId } })) > 0);
    await recordReveal(tx, actor, { entityType: "DissuasionAction", entityId: actionId, field: "customerPhone", reason: REVEAL_REASON.customerPhone });
    return a.customerPhone ?? "";
  });
}
