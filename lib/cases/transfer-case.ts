import "server-only";
import { AppError, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { unitSubtree } from "@/lib/units/jurisdiction";
import { caseForWrite, invalidField, recordCaseChange } from "@/lib/cases/access";
import { canTransfer } from "@/lib/cases/state-machine";
import { uuidSchema } from "@/lib/validation/fields";
import { transferSchema } from "@/lib/cases/schemas";

/**
 * 流转: hands a case to another active unit of the same city (a precinct up to its branch, a branch
 * to the branch where the suspects are …). The case keeps its number; the receiving unit's chain
 * now handles and approves it, and the sender may lose sight of it.
 */
export const transferCase = command({
  name: "case.transfer", permission: "cases:write",
  summary: "流转: hand the case to another active unit of the same city (its centre, a branch or a precinct)",
  input: transferSchema.extend({ id: uuidSchema }), audit: ["case.transfer"],
  async run({ actor, input, tx }): Promise<{ id: string; caseNumber: string; version: number; unitCode: string }> {
    const c = await caseForWrite(tx, actor, input.id);
    if (c.version !== input.version) throw versionConflict();
    if (!canTransfer(c.status)) {
      throw new AppError("CONFLICT", `a ${c.status} case cannot be transferred`, [{ path: "toUnitCode", code: "cannot_transfer", message: "decide on the filing first" }]);
    }
    const city = c.unit.path.split("/")[0]!;
    // A unit that works cases: the bureau itself (市局) holds none, and its figures are its units' sum.
    const to = await tx.unit.findFirst({ where: { code: input.toUnitCode, active: true, kind: { not: "CITY" }, ...unitSubtree(city) }, select: { id: true, code: true } });
    if (!to) throw invalidField("toUnitCode", "unknown_unit");
    if (to.id === c.unitId) throw invalidField("toUnitCode", "same_unit");
    const { count } = await tx.fraudCase.updateMany({ where: { id: c.id, version: c.version }, data: { unitId: to.id, version: { increment: 1 } } });
    if (count === 0) throw versionConflict();
    const transfer = await tx.caseTransfer.create({
      data: { caseId: c.id, fromUnitId: c.unitId, toUnitId: to.id, reason: input.reason, actorId: actor.id },
      select: { id: true },
    });
    await recordCaseChange(tx, actor, {
      caseId: c.id, kind: "transferred", action: "case.transfer", entityType: "CaseTransfer", entityId: transfer.id,
      data: { fromUnit: c.unit.code, toUnit: to.code, reason: input.reason },
    });
    return { id: c.id, caseNumber: c.caseNumber, version: c.version + 1, unitCode: to.code };
  },
});
