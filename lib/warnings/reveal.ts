import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { outOfScope } from "@/lib/audit/audit-denied";
import { recordReveal, revealReasonSchema } from "@/lib/pii/reveal";
import { scopeUnitIds } from "@/lib/units/jurisdiction";
import { uuidSchema } from "@/lib/validation/fields";
import { command } from "@/lib/commands/command";

const revealSchema = z.object({ id: uuidSchema, field: z.enum(["victimName", "victimPhone", "victimIdNumber", "victimAddress"]), reason: revealReasonSchema }).strict();

/**
 * The full value of one victim field of a warning in the actor's jurisdiction, with the reveal
 * audited in the caller's transaction (404 and an audited denial elsewhere). The body of every
 * warning reveal: the dispatcher's and the officer's (lib/field/reveal.ts).
 */
export async function revealVictimField(tx: Tx, actor: Actor, input: z.infer<typeof revealSchema>): Promise<string> {
  const unitIds = await scopeUnitIds(actor.scopePath);
  const w = await tx.warning.findFirst({ where: { id: input.id, unitId: { in: unitIds } }, select: { [input.field]: true } as Record<typeof input.field, true> });
  if (!w) throw await outOfScope(actor, "Warning", input.id, async () => (await tx.warning.count({ where: { id: input.id } })) > 0);
  await recordReveal(tx, actor, { entityType: "Warning", entityId: input.id, field: input.field, reason: input.reason });
  return String((w as Record<string, unknown>)[input.field] ?? "");
}

/** The full value of one victim field, for a user with "pii:reveal" in whose jurisdiction it is; audited. */
export const revealWarning = command({
  name: "warning.reveal", permission: "pii:reveal",
  summary: "Reveal one victim field of a warning (audited)",
  input: revealSchema, audit: ["pii.reveal"],
  run: ({ actor, input, tx }) => revealVictimField(tx, actor, input),
});
