import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notFound, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { maskBankCard } from "@/lib/pii";
import { actorUserId, caseForWrite, invalidField, recordCaseChange } from "@/lib/cases/access";
import { uuidSchema } from "@/lib/validation/fields";
import { defaultExpiry } from "@/lib/cases/freeze-rules";
import { canonical, toFen } from "@/lib/cases/money";
import { assertFreezeTransition } from "@/lib/cases/state-machine";
import { freezeCreateSchema, freezeUpdateSchema } from "@/lib/cases/schemas";

/** 紧急止付 / 冻结 request on one bank account of an open case. */
export const requestFreeze = command({
  name: "case.freeze.request", permission: "cases:write",
  summary: "Request an emergency stop-payment or a freeze of one bank account",
  input: freezeCreateSchema.extend({ id: uuidSchema }), audit: ["case.freeze.request"],
  async run({ actor, input, tx, now }): Promise<{ id: string }> {
    if (input.expiresAt && input.expiresAt <= now) throw invalidField("expiresAt", "not_in_future");
    const c = await caseForWrite(tx, actor, input.id);
    const freeze = await tx.freezeRequest.create({
      data: {
        caseId: c.id, kind: input.kind, status: "REQUESTED", bankName: input.bankName, accountName: input.accountName ?? null,
        accountNumber: input.accountNumber, amountRequested: input.amountRequested, requestedAt: now,
        expiresAt: input.expiresAt ?? defaultExpiry(input.kind, now), requestedById: actorUserId(actor),
      },
      select: { id: true },
    });
    await recordCaseChange(tx, actor, {
      caseId: c.id, kind: "freeze_requested", action: "case.freeze.request", entityType: "FreezeRequest", entityId: freeze.id,
      data: { kind: input.kind, bankName: input.bankName, account: maskBankCard(input.accountNumber), amount: input.amountRequested },
    });
    return freeze;
  },
});

/**
 * The bank's answer and what follows: executed (all held), partial (some held), failed (nothing),
 * then released or expired. Amounts held never exceed the amount requested. Works on closed cases
 * too: money is released after the case ends.
 */
export const updateFreeze = command({
  name: "case.freeze.update", permission: "cases:write",
  summary: "Record the bank's answer to a request, its release or its expiry",
  input: freezeUpdateSchema.extend({ id: uuidSchema, subId: uuidSchema }), audit: ["case.freeze.update"],
  async run({ actor, input, tx, now }): Promise<{ id: string; version: number }> {
    const c = await caseForWrite(tx, actor, input.id, { open: false });
    const f = await tx.freezeRequest.findFirst({ where: { id: input.subId, caseId: c.id } });
    if (!f) throw notFound("freeze request");
    if (f.version !== input.version) throw versionConflict();
    assertFreezeTransition(f.status, input.status);
    const requested = toFen(canonical(f.amountRequested));
    const data: Prisma.FreezeRequestUpdateManyMutationInput = { status: input.status, version: { increment: 1 } };
    let held = canonical(f.amountHeld);

    if (input.status === "EXECUTED" || input.status === "PARTIAL") {
      held = input.amountHeld ?? (input.status === "EXECUTED" ? canonical(f.amountRequested) : "");
      if (!held) throw invalidField("amountHeld", "required");
      const fen = toFen(held);
      if (fen > requested) throw invalidField("amountHeld", "held_exceeds_requested");
      if (input.status === "EXECUTED" && fen !== requested) throw invalidField("amountHeld", "executed_needs_full_amount");
      if (input.status === "PARTIAL" && (fen === 0n || fen === requested)) throw invalidField("amountHeld", "partial_out_of_range");
      const executedAt = input.executedAt ?? now;
      if (executedAt < f.requestedAt) throw invalidField("executedAt", "before_request");
      const expiresAt = input.expiresAt ?? defaultExpiry(f.kind, executedAt);
      if (expiresAt <= executedAt) throw invalidField("expiresAt", "not_after_execution");
      Object.assign(data, { amountHeld: held, executedAt, expiresAt, expiryNotifiedAt: null });
    } else if (input.status === "FAILED") {
      held = "0.00";
      Object.assign(data, { amountHeld: held, executedAt: null, expiresAt: null });
    } else if (input.status === "RELEASED") {
      const releasedAt = input.releasedAt ?? now;
      if (f.executedAt && releasedAt < f.executedAt) throw invalidField("releasedAt", "before_execution");
      data.releasedAt = releasedAt;
    }
    // EXPIRED keeps its dates: the hold simply ran out.

    const { count } = await tx.freezeRequest.updateMany({ where: { id: f.id, version: f.version }, data });
    if (count === 0) throw versionConflict();
    await recordCaseChange(tx, actor, {
      caseId: c.id, kind: "freeze_updated", action: "case.freeze.update", entityType: "FreezeRequest", entityId: f.id,
      data: { kind: f.kind, status: input.status, amountHeld: held, account: maskBankCard(f.accountNumber) },
    });
    return { id: f.id, version: f.version + 1 };
  },
});
