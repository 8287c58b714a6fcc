import "server-only";
// The periodic check of stop-payments (the scheduler calls it; `now` is injectable for tests): a
// 紧急止付 holds 48 hours, so one whose deadline has come with no freeze following it is flagged
// once (lapseFlaggedAt) and its handler notified; a freeze following it later clears the flag.
// Idempotent: running it again, or on several instances at once, adds nothing.
import { randomUUID } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit, type AuditActor } from "@/lib/audit/write-audit";
import { maskBankCard } from "@/lib/pii";

export const REQUEST_LAPSE_NOTIFICATION = "request_lapse";
export const requestLapseKey = (id: string) => `request-lapse:${id}`;

/** A stop-payment still live and not followed by a live freeze. */
export const UNFOLLOWED_STOP: Prisma.PartnerRequestWhereInput = {
  kind: "STOP_PAYMENT", status: { in: ["SENT", "ACCEPTED"] }, followedBy: { none: { status: { in: ["SENT", "ACCEPTED"] } } },
};

export async function flagLapsedStopPayments(now: Date = new Date()): Promise<{ flagged: number }> {
  const db = getDb();
  const system: AuditActor = { ip: null, requestId: randomUUID(), name: "scheduler" };
  const due = await db.partnerRequest.findMany({
    where: { ...UNFOLLOWED_STOP, lapseFlaggedAt: null, deadlineAt: { lte: now } },
    select: { id: true, docNumber: true, caseId: true, warningId: true, handlerId: true, partnerName: true, target: true, deadlineAt: true },
    take: 1000,
  });
  let flagged = 0;
  for (const r of due) flagged += await db.$transaction((tx) => flag(tx, system, r, now));
  return { flagged };
}

type Due = { id: string; docNumber: string; caseId: string | null; warningId: string | null; handlerId: string | null; partnerName: string; target: string; deadlineAt: Date | null };

async function flag(tx: Tx, system: AuditActor, r: Due, now: Date): Promise<number> {
  const { count } = await tx.partnerRequest.updateMany({ where: { id: r.id, lapseFlaggedAt: null, ...UNFOLLOWED_STOP }, data: { lapseFlaggedAt: now } });
  if (count === 0) return 0;
  const data = {
    docNumber: r.docNumber, caseId: r.caseId, warningId: r.warningId, bank: r.partnerName, account: maskBankCard(r.target), deadlineAt: r.deadlineAt?.toISOString() ?? null,
  };
  if (r.handlerId) {
    await tx.notification.createMany({
      data: [{ userId: r.handlerId, kind: REQUEST_LAPSE_NOTIFICATION, dedupeKey: requestLapseKey(r.id), entityType: "PartnerRequest", entityId: r.id, data }],
      skipDuplicates: true,
    });
  }
  if (r.caseId) await tx.caseEvent.create({ data: { caseId: r.caseId, kind: "partner_lapsed", data, actorId: null } });
  await writeAudit(tx, system, { action: "request.lapse_flagged", success: true, entityType: "PartnerRequest", entityId: r.id, details: data });
  return 1;
}
