import "server-only";
import type { AppFollowUpOutcome } from "@/lib/generated/prisma/enums";
import { AppError, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { outOfScope } from "@/lib/audit/audit-denied";
import { workableUnitIds } from "@/lib/warnings/commands";
import { FIELD_TX } from "@/lib/field/record-home-visit";
import { appFollowUpOutcomeSchema } from "@/lib/appfollowups/schemas";

export type AppFollowUpOutcomeResult = { id: string; outcome: AppFollowUpOutcome; version: number };

/**
 * Records the outcome of an open app follow-up (APP回访登记, by phone or at a later call): installed,
 * refused (with the reason in the note) or unreachable. Whoever works the unit's warnings records
 * it: the precinct's officers, the dispatchers over it (the centre's own). Version-checked.
 */
export const recordAppFollowUpOutcome = command({
  name: "appfollowup.outcome", permission: ["warnings:work", "warnings:triage"],
  summary: "Record an app follow-up's outcome (installed / refused / unreachable)",
  input: appFollowUpOutcomeSchema, audit: ["appfollowup.outcome"], transactionOptions: FIELD_TX, idempotent: true,
  async run({ actor, input, tx, now }): Promise<AppFollowUpOutcomeResult> {
    const f = await tx.appFollowUp.findFirst({ where: { id: input.id, unitId: { in: await workableUnitIds(actor) } }, select: { id: true, personId: true, warningId: true, status: true, version: true } });
    if (!f) throw await outOfScope(actor, "AppFollowUp", input.id, async () => (await tx.appFollowUp.count({ where: { id: input.id } })) > 0);
    if (f.status !== "OPEN") throw new AppError("CONFLICT", "the app follow-up is no longer open", [{ path: "status", code: "app_followup_done", message: f.status }]);
    if (f.version !== input.version) throw versionConflict();
    const { count } = await tx.appFollowUp.updateMany({
      where: { id: f.id, version: input.version, status: "OPEN" },
      data: { status: "DONE", outcome: input.outcome, note: input.note ?? null, doneAt: now, doneById: actor.kind === "user" ? actor.id : null, version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict();
    await writeAudit(tx, actor, {
      action: "appfollowup.outcome", success: true, entityType: "AppFollowUp", entityId: f.id,
      details: { warningId: f.warningId, personId: f.personId, outcome: input.outcome, note: input.note },
    });
    return { id: f.id, outcome: input.outcome, version: input.version + 1 };
  },
});
