import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guards";
import { parseInput } from "@/lib/validation/parse";
import { outOfScope } from "@/lib/audit/audit-denied";
import { recordReveal, revealReasonSchema } from "@/lib/pii/reveal";
import { scopeUnitIds } from "@/lib/units/jurisdiction";

const revealSchema = z.object({ field: z.enum(["victimName", "victimPhone", "victimIdNumber", "victimAddress"]), reason: revealReasonSchema }).strict();

/** The full value of one victim field, for a user with "pii:reveal" in whose jurisdiction it is; audited. */
export async function revealWarningField(actor: Actor, id: string, field: unknown, reason: unknown): Promise<string> {
  await requirePermission(actor, "pii:reveal");
  const input = parseInput(revealSchema, { field, reason });
  const unitIds = await scopeUnitIds(actor.scopePath);
  return getDb().$transaction(async (tx) => {
    const w = await tx.warning.findFirst({ where: { id, unitId: { in: unitIds } }, select: { [input.field]: true } as Record<typeof input.field, true> });
    if (!w) throw await outOfScope(actor, "Warning", id, async () => (await tx.warning.count({ where: { id } })) > 0);
    await recordReveal(tx, actor, { entityType: "Warning", entityId: id, field: input.field, reason: input.reason });
    return String((w as Record<string, unknown>)[input.field] ?? "");
  });
}
