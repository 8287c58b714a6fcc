import "server-only";
import { linkCaseContact } from "@/lib/contacts/commands";
import type { CaseSource, FraudType } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { maskBankCard, maskName } from "@/lib/pii";
import { actorUserId, invalidField, recordCaseChange, refreshCaseLoss } from "@/lib/cases/access";
import { nextCaseNumber } from "@/lib/cases/case-number";
import { defaultExpiry } from "@/lib/cases/freeze-rules";
import { addMoney, MAX_MONEY_FEN, toFen } from "@/lib/cases/money";
import { createCaseSchema, type VictimInput } from "@/lib/cases/schemas";

export type NewCase = {
  unit: { id: string; code: string };
  source: CaseSource;
  fraudType: FraudType;
  summary: string;
  lossAt?: Date | null;
  reportedAt: Date;
  victims: VictimInput[];
  /** Accounts the money went to: each becomes an emergency stop-payment request at once. */
  accounts: { bankName: string; accountName?: string; accountNumber: string; amount: string }[];
  warningId?: string;
};

export type CreatedCase = { id: string; caseNumber: string };

/** What insertCase audits: for the declarations of the commands that open a case. */
export const CASE_INTAKE_AUDIT = ["case.create", "case.warning.link", "case.victim.add", "case.freeze.request"] as const;

/**
 * Writes a REPORTED case with its victims and stop-payment requests, numbered per handling unit
 * and year, with a timeline event and an audit record for each part. Runs in the caller's
 * transaction (intake, or a warning resolved ALREADY_DEFRAUDED).
 */
export async function insertCase(tx: Tx, actor: Actor, c: NewCase): Promise<CreatedCase> {
  const loss = addMoney(...c.victims.map((v) => v.lossAmount));
  if (toFen(loss) > MAX_MONEY_FEN) throw invalidField("victims", "total_too_large");
  const caseNumber = await nextCaseNumber(tx, c.unit.code, c.reportedAt);
  const userId = actorUserId(actor);
  const created = await tx.fraudCase.create({
    data: {
      caseNumber, unitId: c.unit.id, status: "REPORTED", source: c.source, fraudType: c.fraudType, summary: c.summary,
      lossAmount: loss, lossAt: c.lossAt ?? null, reportedAt: c.reportedAt, createdById: userId,
    },
    select: { id: true, caseNumber: true },
  });
  const caseId = created.id;
  await recordCaseChange(tx, actor, {
    caseId, kind: "created", action: "case.create", at: c.reportedAt,
    data: { source: c.source, status: "REPORTED", caseNumber, fraudType: c.fraudType, unit: c.unit.code },
  });
  if (c.warningId) {
    await recordCaseChange(tx, actor, { caseId, kind: "warning_linked", action: "case.warning.link", data: { warningId: c.warningId }, entityType: "Warning", entityId: c.warningId });
  }
  for (const v of c.victims) {
    const victim = await tx.caseVictim.create({
      data: {
        caseId, name: v.name, phone: v.phone ?? null, idNumber: v.idNumber ?? null, gender: v.gender ?? null, age: v.age ?? null,
        address: v.address ?? null, lossAmount: v.lossAmount,
      },
      select: { id: true },
    });
    await recordCaseChange(tx, actor, {
      caseId, kind: "victim_added", action: "case.victim.add", entityType: "CaseVictim", entityId: victim.id,
      data: { name: maskName(v.name), lossAmount: v.lossAmount },
    });
  }
  const now = new Date();
  for (const a of c.accounts) {
    const freeze = await tx.freezeRequest.create({
      data: {
        caseId, kind: "STOP_PAYMENT", status: "REQUESTED", bankName: a.bankName, accountName: a.accountName ?? null,
        accountNumber: a.accountNumber, amountRequested: a.amount, requestedAt: now, expiresAt: defaultExpiry("STOP_PAYMENT", now), requestedById: userId,
      },
      select: { id: true },
    });
    await recordCaseChange(tx, actor, {
      caseId, kind: "freeze_requested", action: "case.freeze.request", entityType: "FreezeRequest", entityId: freeze.id,
      data: { kind: "STOP_PAYMENT", bankName: a.bankName, account: maskBankCard(a.accountNumber), amount: a.amount },
    });
  }
  await refreshCaseLoss(tx, caseId);
  return created;
}

/**
 * Intake of a direct report (110, 96110, walk-in, online) by the actor's own unit. With an
 * Idempotency-Key, a retried request answers the case the first one created (SECURITY.md F22).
 */
export const createCase = command({
  name: "case.create", permission: "cases:write",
  summary: "Take a direct report: a REPORTED case with its victims and stop-payment requests",
  input: createCaseSchema, audit: [...CASE_INTAKE_AUDIT, "case.contact.add"], idempotent: true,
  async run({ actor, input, tx, now }): Promise<CreatedCase> {
    const unit = await tx.unit.findUnique({ where: { id: actor.unitId }, select: { id: true, code: true, active: true } });
    if (!unit?.active) throw new AppError("FORBIDDEN", "your unit cannot take cases");
    const created = await insertCase(tx, actor, {
      unit, source: input.source, fraudType: input.fraudType, summary: input.summary, lossAt: input.lossAt ?? null,
      reportedAt: input.reportedAt ?? now, victims: input.victims, accounts: input.accounts,
    });
    for (const c of input.fraudContacts ?? []) await linkCaseContact(tx, actor, created.id, c);
    return created;
  },
});
