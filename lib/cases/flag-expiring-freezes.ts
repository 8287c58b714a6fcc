import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, type Tx } from "@/lib/db";
import { writeAudit, type AuditActor } from "@/lib/audit/write-audit";
import { maskBankCard } from "@/lib/pii";
import { EXPIRY_WARNING_MS } from "@/lib/cases/freeze-rules";
import { canonical } from "@/lib/cases/money";

export const FREEZE_EXPIRY_NOTIFICATION = "freeze_expiry";
export const freezeExpiryKey = (freezeId: string) => `freeze-expiry:${freezeId}`;

const LIVE: Prisma.EnumFreezeStatusFilter = { in: ["EXECUTED", "PARTIAL"] };
const select = {
  id: true, kind: true, status: true, version: true, expiresAt: true, amountHeld: true, accountNumber: true, bankName: true,
  fraudCase: { select: { id: true, caseNumber: true, unitId: true, unit: { select: { parentId: true } } } },
} satisfies Prisma.FreezeRequestSelect;
type Row = Prisma.FreezeRequestGetPayload<{ select: typeof select }>;

/**
 * The periodic check of stop-payment and freeze requests (the scheduler calls it; `now` is
 * injectable for tests). Requests that run out within their warning window are flagged once
 * (expiryNotifiedAt) and notify the case unit's investigators; requests past their expiry become
 * EXPIRED. Idempotent: running it again, or on several instances at once, adds nothing.
 */
export async function flagExpiringFreezes(now: Date = new Date()): Promise<{ flagged: number; expired: number }> {
  const db = getDb();
  const system: AuditActor = { ip: null, requestId: randomUUID(), name: "scheduler" };

  const lapsed = await db.freezeRequest.findMany({ where: { status: LIVE, expiresAt: { lte: now } }, select, take: 1000 });
  let expired = 0;
  for (const f of lapsed) {
    expired += await db.$transaction((tx) => expire(tx, system, f));
  }

  const soon = await db.freezeRequest.findMany({
    where: {
      status: LIVE,
      expiryNotifiedAt: null,
      OR: (["STOP_PAYMENT", "FREEZE"] as const).map((kind) => ({ kind, expiresAt: { gt: now, lte: new Date(now.getTime() + EXPIRY_WARNING_MS[kind]) } })),
    },
    select,
    take: 1000,
  });
  let flagged = 0;
  for (const f of soon) {
    flagged += await db.$transaction((tx) => flag(tx, system, f, now));
  }
  return { flagged, expired };
}

async function expire(tx: Tx, system: AuditActor, f: Row): Promise<number> {
  const { count } = await tx.freezeRequest.updateMany({ where: { id: f.id, version: f.version, status: LIVE }, data: { status: "EXPIRED", version: { increment: 1 } } });
  if (count === 0) return 0;
  const data = { kind: f.kind, status: "EXPIRED", amountHeld: canonical(f.amountHeld), account: maskBankCard(f.accountNumber), automatic: true };
  await tx.caseEvent.create({ data: { caseId: f.fraudCase.id, kind: "freeze_updated", data, actorId: null } });
  await writeAudit(tx, system, { action: "case.freeze.expire", success: true, entityType: "FreezeRequest", entityId: f.id, details: { caseId: f.fraudCase.id, ...data } });
  return 1;
}

async function flag(tx: Tx, system: AuditActor, f: Row, now: Date): Promise<number> {
  const { count } = await tx.freezeRequest.updateMany({ where: { id: f.id, expiryNotifiedAt: null, status: LIVE }, data: { expiryNotifiedAt: now } });
  if (count === 0) return 0;
  const recipients = await investigatorsFor(tx, f.fraudCase.unitId, f.fraudCase.unit.parentId);
  const data = {
    caseId: f.fraudCase.id, caseNumber: f.fraudCase.caseNumber, kind: f.kind, bankName: f.bankName,
    account: maskBankCard(f.accountNumber), amountHeld: canonical(f.amountHeld), expiresAt: f.expiresAt!.toISOString(),
  };
  await tx.notification.createMany({
    data: recipients.map((userId) => ({
      userId, kind: FREEZE_EXPIRY_NOTIFICATION, dedupeKey: freezeExpiryKey(f.id), entityType: "FreezeRequest", entityId: f.id, data,
    })),
    skipDuplicates: true,
  });
  await writeAudit(tx, system, {
    action: "case.freeze.expiry_flagged", success: true, entityType: "FreezeRequest", entityId: f.id,
    details: { ...data, recipients: recipients.length },
  });
  return 1;
}

/** The active investigators of the case unit; a unit without any hands the notice to its parent's. */
async function investigatorsFor(tx: Tx, unitId: string, parentId: string | null): Promise<string[]> {
  for (const id of [unitId, parentId]) {
    if (!id) continue;
    const users = await tx.user.findMany({ where: { unitId: id, role: "INVESTIGATOR", active: true }, select: { id: true } });
    if (users.length) return users.map((u) => u.id);
  }
  return [];
}
