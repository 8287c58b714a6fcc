import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound, versionConflict } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { writeAudit } from "@/lib/audit/write-audit";
import { inJurisdiction } from "@/lib/units/jurisdiction";
import { actorUserId, caseForWrite, recordCaseChange, recordId } from "@/lib/cases/access";
import { gangInScope } from "@/lib/cases/suspects";
import { gangCreateSchema, gangDismantleSchema, gangLinkSchema } from "@/lib/cases/schemas";

/** A new gang (团伙), owned by the case's unit and linked to the case. */
export async function createGangForCase(actor: Actor, caseId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(gangCreateSchema, raw);
  return getDb().$transaction(async (tx) => {
    const c = await caseForWrite(tx, actor, caseId);
    const gang = await tx.gang.create({ data: { unitId: c.unitId, name: input.name, note: input.note ?? null }, select: { id: true } });
    await tx.gangCase.create({ data: { gangId: gang.id, caseId: c.id } });
    await recordCaseChange(tx, actor, { caseId: c.id, kind: "gang_linked", action: "case.gang.create", entityType: "Gang", entityId: gang.id, data: { gang: input.name } });
    return gang;
  });
}

/** Links a gang of the jurisdiction to one more case: a gang can span several cases. */
export async function linkGang(actor: Actor, caseId: string, raw: unknown): Promise<void> {
  const input = parseInput(gangLinkSchema, raw);
  await getDb().$transaction(async (tx) => {
    const c = await caseForWrite(tx, actor, caseId);
    const gang = await gangInScope(tx, actor, input.gangId);
    if (await tx.gangCase.findUnique({ where: { gangId_caseId: { gangId: gang.id, caseId: c.id } } })) {
      throw new AppError("CONFLICT", "the gang is already linked", [{ path: "gangId", code: "already_linked", message: "already linked" }]);
    }
    await tx.gangCase.create({ data: { gangId: gang.id, caseId: c.id } });
    await recordCaseChange(tx, actor, { caseId: c.id, kind: "gang_linked", action: "case.gang.link", entityType: "Gang", entityId: gang.id, data: { gang: gang.name } });
  });
}

/** 打掉: the gang is dismantled on a date; every case of the jurisdiction it spans records it. */
export async function dismantleGang(actor: Actor, gangId: string, raw: unknown): Promise<{ id: string; version: number }> {
  const input = parseInput(gangDismantleSchema, raw);
  return getDb().$transaction(async (tx) => {
    const gang = await tx.gang.findFirst({ where: { id: recordId(gangId, "gang"), ...inJurisdiction(actor) }, select: { id: true, name: true, version: true, dismantledAt: true, createdAt: true } });
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
  });
}
