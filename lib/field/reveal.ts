import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guards";
import { outOfScope } from "@/lib/audit/audit-denied";
import { parseInput } from "@/lib/validation/parse";
import { recordReveal, revealReasonSchema } from "@/lib/pii/reveal";
import { revealWarningField } from "@/lib/warnings/reveal";
import { idOf } from "@/lib/field/schemas";

// An officer on the street calls the person or walks to the address: one tap reveals the full
// value (never in the page payload before that). The reason rule holds here as everywhere
// (SECURITY.md B10): the server takes the reason the caller gives and refuses a reveal without one;
// the phone's prompt comes filled with the tap's purpose for the officer to confirm or change.

export const FIELD_REVEAL = ["victimPhone", "victimAddress"] as const;
export type FieldReveal = (typeof FIELD_REVEAL)[number];

const fieldSchema = z.enum(FIELD_REVEAL);

/** The victim's full phone (to call) or address (to go to), audited with the caller's reason. */
export async function revealForVisit(actor: Actor, warningId: string, field: unknown, reason: unknown): Promise<string> {
  await requirePermission(actor, "pii:reveal");
  idOf(warningId);
  const f = parseInput(fieldSchema, field);
  return revealWarningField(actor, warningId, f, reason);
}

/** The customer's full phone of a standalone record of the unit (a counter interception), to call for its follow-up. */
export async function revealCustomerPhone(actor: Actor, actionId: string, reason: unknown): Promise<string> {
  await requirePermission(actor, "pii:reveal");
  const why = parseInput(revealReasonSchema, reason);
  idOf(actionId);
  return getDb().$transaction(async (tx) => {
    const a = await tx.dissuasionAction.findFirst({ where: { id: actionId, unitId: actor.unitId }, select: { customerPhone: true } });
    if (!a) throw await outOfScope(actor, "DissuasionAction", actionId, async () => (await tx.dissuasionAction.count({ where: { id: actionId } })) > 0);
    await recordReveal(tx, actor, { entityType: "DissuasionAction", entityId: actionId, field: "customerPhone", reason: why });
    return a.customerPhone ?? "";
  });
}
