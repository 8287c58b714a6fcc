import "server-only";
import { notFound, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { caseForWrite, recordCaseChange } from "@/lib/cases/access";
import { uuidSchema } from "@/lib/validation/fields";
import { seizedItemSchema, seizedItemUpdateSchema } from "@/lib/cases/schemas";

/** Items seized for an open case (SIM cards, bank cards, POS, GOIP …), owned by the case's unit. */
export const addSeizedItem = command({
  name: "case.item.seize", permission: "cases:write",
  summary: "Record items seized for an open case",
  input: seizedItemSchema.extend({ id: uuidSchema }), audit: ["case.item.seize"],
  async run({ actor, input, tx }): Promise<{ id: string }> {
    const c = await caseForWrite(tx, actor, input.id);
    const item = await tx.seizedItem.create({
      data: {
        caseId: c.id, unitId: c.unitId, type: input.type, quantity: input.quantity, seizedAt: input.seizedAt,
        storage: input.storage ?? null, disposition: input.disposition ?? "HELD", note: input.note ?? null,
      },
      select: { id: true },
    });
    await recordCaseChange(tx, actor, {
      caseId: c.id, kind: "item_seized", action: "case.item.seize", entityType: "SeizedItem", entityId: item.id,
      data: { type: input.type, quantity: input.quantity, disposition: input.disposition ?? "HELD" },
    });
    return item;
  },
});

/** Where the items are kept and what became of them (returned, confiscated, destroyed, sent on). */
export const updateSeizedItem = command({
  name: "case.item.update", permission: "cases:write",
  summary: "Record where seized items are kept and what became of them",
  input: seizedItemUpdateSchema.extend({ id: uuidSchema, subId: uuidSchema }), audit: ["case.item.update"],
  async run({ actor, input, tx }): Promise<{ id: string; version: number }> {
    const c = await caseForWrite(tx, actor, input.id, { open: false });
    const item = await tx.seizedItem.findFirst({ where: { id: input.subId, caseId: c.id }, select: { id: true, type: true, quantity: true, version: true, disposition: true } });
    if (!item) throw notFound("seized item");
    if (item.version !== input.version) throw versionConflict();
    const { count } = await tx.seizedItem.updateMany({
      where: { id: item.id, version: item.version },
      data: { disposition: input.disposition, ...(input.storage !== undefined ? { storage: input.storage } : {}), version: { increment: 1 } },
    });
    if (count === 0) throw versionConflict();
    await recordCaseChange(tx, actor, {
      caseId: c.id, kind: "item_disposed", action: "case.item.update", entityType: "SeizedItem", entityId: item.id,
      data: { type: item.type, quantity: item.quantity, from: item.disposition, to: input.disposition },
    });
    return { id: item.id, version: item.version + 1 };
  },
});
