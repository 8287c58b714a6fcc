import "server-only";
import { z } from "zod";
import { getDb, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { maskAddress, maskName, maskPhone } from "@/lib/pii";
import { outOfScope } from "@/lib/audit/audit-denied";
import { command } from "@/lib/commands/command";
import { uuidSchema } from "@/lib/validation/fields";
import { addDays, chinaToday, dateToDay, dayToDate, daysBetween } from "@/lib/time/china";

/** How many days ahead My tasks lists the coming follow-ups. */
export const UPCOMING_DAYS = 7;

export type FollowUpState = "missed" | "today" | "upcoming";

/**
 * Closes the open follow-ups a later visit answers: those scheduled on the same warning, or the one
 * record a standalone follow-up visit was made for, and only those of the units the visitor works
 * in. The visit itself is never among them (it may schedule the next follow-up).
 */
export async function closeFollowUps(tx: Tx, answered: { warningId: string } | { id: string }, visit: { id: string; at: Date; unitIds: string[] }): Promise<number> {
  const { count } = await tx.dissuasionAction.updateMany({
    // AND keeps `answered.id` and the visit's own exclusion apart: spread into one object, the later
    // `id` key would replace the first and close every open follow-up of the units.
    where: {
      AND: [answered, { id: { not: visit.id } }],
      unitId: { in: visit.unitIds }, followUpOn: { not: null }, followUpDoneAt: null, occurredAt: { lte: visit.at },
    },
    data: { followUpDoneAt: visit.at, version: { increment: 1 } },
  });
  return count;
}

export function followUpState(on: string, today: string): FollowUpState {
  return on < today ? "missed" : on === today ? "today" : "upcoming";
}

const followUpSelect = {
  id: true, kind: true, result: true, occurredAt: true, followUpOn: true, followUpDoneAt: true, warningId: true, fraudType: true,
  customerName: true, customerPhone: true, bankName: true, bankBranch: true,
  actor: { select: { displayName: true } },
  warning: { select: { id: true, status: true, riskLevel: true, fraudType: true, victimName: true, victimPhone: true, victimAddress: true } },
} satisfies Prisma.DissuasionActionSelect;

type FollowUpRow = Prisma.DissuasionActionGetPayload<{ select: typeof followUpSelect }>;

/** A follow-up as My tasks shows it: masked person, when, and how late. */
function toFollowUp(r: FollowUpRow, today: string) {
  const on = dateToDay(r.followUpOn!);
  return {
    id: r.id,
    warningId: r.warningId,
    kind: r.kind,
    result: r.result,
    occurredAt: r.occurredAt.toISOString(),
    on,
    state: followUpState(on, today),
    done: !!r.followUpDoneAt,
    daysLate: Math.max(0, daysBetween(on, today)),
    fraudType: r.warning?.fraudType ?? r.fraudType,
    riskLevel: r.warning?.riskLevel ?? null,
    warningStatus: r.warning?.status ?? null,
    personName: maskName(r.warning ? r.warning.victimName : r.customerName),
    personPhone: maskPhone(r.warning ? r.warning.victimPhone : r.customerPhone),
    place: r.warning ? maskAddress(r.warning.victimAddress) : [r.bankName, r.bankBranch].filter(Boolean).join(" "),
    scheduledBy: r.actor?.displayName ?? null,
  };
}

export type FollowUp = ReturnType<typeof toFollowUp>;

/**
 * The unit's follow-up visits not yet made, up to UPCOMING_DAYS ahead, the oldest first: a missed
 * one (its day has passed) is flagged, so it is the first thing the officer sees.
 */
export async function listFollowUps(actor: Actor, now = new Date(), unitId = actor.unitId): Promise<FollowUp[]> {
  const today = chinaToday(now);
  const rows = await getDb().dissuasionAction.findMany({
    where: { unitId, followUpOn: { not: null, lte: dayToDate(addDays(today, UPCOMING_DAYS)) }, followUpDoneAt: null },
    orderBy: [{ followUpOn: "asc" }, { occurredAt: "asc" }, { id: "asc" }],
    take: 200,
    select: followUpSelect,
  });
  return rows.map((r) => toFollowUp(r, today));
}

/** One follow-up of the unit (for the follow-up visit page); 404 (audited) for another unit's. */
export const getFollowUp = command({
  name: "field.follow_up.get", permission: "warnings:work",
  summary: "One follow-up visit of the caller's unit",
  input: z.object({ id: uuidSchema }).strict(), audit: false,
  async run({ actor, input: { id }, db, now }): Promise<FollowUp> {
    const r = await db.dissuasionAction.findFirst({ where: { id, unitId: actor.unitId, followUpOn: { not: null } }, select: followUpSelect });
    if (!r) throw await outOfScope(actor, "DissuasionAction", id, async () => (await db.dissuasionAction.count({ where: { id, followUpOn: { not: null } } })) > 0);
    return toFollowUp(r, chinaToday(now));
  },
});

/** The open follow-ups of a warning the caller may see (call after the scoped read of the warning). */
export async function openFollowUpsOf(warningId: string, now = new Date()): Promise<FollowUp[]> {
  const rows = await getDb().dissuasionAction.findMany({
    where: { warningId, followUpOn: { not: null }, followUpDoneAt: null },
    orderBy: [{ followUpOn: "asc" }, { id: "asc" }],
    select: followUpSelect,
  });
  return rows.map((r) => toFollowUp(r, chinaToday(now)));
}
