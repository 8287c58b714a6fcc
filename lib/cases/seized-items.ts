import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { notFound, versionConflict } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { caseForWrite, recordCaseChange, recordId } from "@/lib/cases/access";
import { seizedItemSchema, seizedItemUpdateSchema } from "@/lib/cases/schemas";

/** Items seized for an open case (SIM cards, bank cards, POS, GOIP …), owned by the case's unit. */
export async function addSeizedItem(actor: Actor, caseId: string, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(seizedItemSchema, raw);
  return getDb().$transaction(async (tx) => {
    const c = await caseForWrite(tx, actor, caseId);
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
  });
}

/** Where the items are kept and what became of them (returned, confiscated, destroyed, sent on). */
export async function updateSeizedItem(actor: Actor, caseId: string, itemId: string, raw: unknown): Promise<{ id: string; version: number }> {
  const input = parseInput(seizedItemUpdateSchema, raw);
  return getDb().$transaction(async (tx) => {
    const c = await caseForWrite(tx, actor, caseId, { open: false });
    const item = await tx.seizedItem.findFirst({ where: { id: recordId(itemId, "seized item"), caseId: c.id }, select: { id: true, type: true, quantity: true, version: true, disposition: true } });
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
  });
}
