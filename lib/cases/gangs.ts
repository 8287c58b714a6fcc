import "server-only";
import type { z } from "zod";
import { AppError, notFound, versionConflict } from "@/lib/errors";
import { command, type CommandContext } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { inJurisdiction } from "@/lib/units/jurisdiction";
import { actorUserId, caseForWrite, recordCaseChange } from "@/lib/cases/access";
import { gangInScope } from "@/lib/cases/suspects";
import { uuidSchema } from "@/lib/validation/fields";
import { eitherByKey, gangCreateSchema, gangDismantleSchema, gangLinkSchema } from "@/lib/cases/schemas";

const createInput = gangCreateSchema.extend({ id: uuidSchema });
const linkInput = gangLinkSchema.extend({ id: uuidSchema });

/** A new gang of the case `{ name, note? }`, or one of the jurisdiction linked to it `{ gangId }`. */
export const addCaseGang = command({
  name: "case.gang.add", permission: "cases:write",
  summary: "A new gang (团伙) for the case, or a gang of the jurisdiction linked to one more case",
  input: eitherByKey("gangId", linkInput, createInput), audit: ["case.gang.create", "case.gang.link"],
  run: (ctx): Promise<{ id: string }> => ("gangId" in ctx.input ? linkGang({ ...ctx, input: ctx.input }) : createGang({ ...ctx, input: ctx.input })),
});

/** A new gang (团伙), owned by the case's unit and linked to the case. */
async function createGang({ actor, input, tx }: CommandContext<z.infer<typeof createInput>>): Promise<{ id: string }> {
  const c = await caseForWrite(tx, actor, input.id);
  const gang = await tx.gang.create({ data: { unitId: c.unitId, name: input.name, note: input.note ?? null }, select: { id: true } });
  await tx.gangCase.create({ data: { gangId: gang.id, caseId: c.id } });
  await recordCaseChange(tx, actor, { caseId: c.id, kind: "gang_linked", action: "case.gang.create", entityType: "Gang", entityId: gang.id, data: { gang: input.name } });
  return gang;
}

/** Links a gang of the jurisdiction to one more case: a gang can span several cases. */
async function linkGang({ actor, input, tx }: CommandContext<z.infer<typeof linkInput>>): Promise<{ id: string }> {
  const c = await caseForWrite(tx, actor, input.id);
  const gang = await gangInScope(tx, actor, input.gangId);
  if (await tx.gangCase.findUnique({ where: { gangId_caseId: { gangId: gang.id, caseId: c.id } } })) {
    throw new AppError("CONFLICT", "the gang is already linked", [{ path: "gangId", code: "already_linked", message: "already linked" }]);
  }
  await tx.gangCase.create({ data: { gangId: gang.id, caseId: c.id } });
  await recordCaseChange(tx, actor, { caseId: c.id, kind: "gang_linked", action: "case.gang.link", entityType: "Gang", entityId: gang.id, data: { gang: gang.name } });
  return { id: gang.id };
}

/** 打掉: the gang is dismantled on a date; every case of the jurisdiction it spans records it. */
export const dismantleGang = command({
  name: "case.gang.dismantle", permission: "cases:write",
  summary: "打掉: record that a gang of the jurisdiction was dismantled",
  input: gangDismantleSchema.extend({ id: uuidSchema }), audit: ["case.gang.dismantle"],
  async run({ actor, input, tx }): Promise<{ id: string; version: number }> {
    const gang = await tx.gang.findFirst({ where: { id: input.id, ...inJurisdiction(actor) }, select: { id: true, name: true, version: true, dismantledAt: true, createdAt: true } });
    if (!gang) throw notFound("gang");
    if (gang.version !== input.version) throw versionConflict();
    if (gang.dismantledAt) throw new AppError("CONFLICT", "the gang is already dismantled", [{ path: "dismantledAt", code: "already_dismantled", message: "already dismantled" }]);
    const { count } = await tx.gang.updateMany({ where: { id: gang.id, version: gang.version }, data: { dismantledAt: input.dismantledAt, version: { increment: 1 } } });
    if (count === 0) throw versionConflict();
    const data = { gang: gang.name, dismantledAt: input.dismantledAt.toISOString() };
    const cases = await tx.gangCase.findMany({ where: { gangId: gang.id, fraudCase: inJurisdiction(actor) }, select: { caseId: true } });
    for (const { caseId } of cases) {
      await tx.caseEvent.create({ data: { caseId, kind: "gang_dismantled", data, actorId: actorUserId(actor) } });
    }
    await writeAudit(tx, actor, { action: "case.gang.dismantle", success: true, entityType: "Gang", entityId: gang.id, details: data });
    return { id: gang.id, version: gang.version + 1 };
  },
});
