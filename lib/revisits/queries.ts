import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { command } from "@/lib/commands/command";
import { outOfScope } from "@/lib/audit/audit-denied";
import { maskAddress, maskName, maskPhone } from "@/lib/pii";
import { addDays, chinaDayStart, chinaToday, dateToDay, dayToDate, daysBetween } from "@/lib/time/china";
import { fieldTaskUnitIds, routingTable, scopeUnitIds } from "@/lib/units/jurisdiction";
import { revisitIdSchema, revisitsQuerySchema, type RevisitsQuery } from "@/lib/revisits/schemas";
import { workableUnitIds } from "@/lib/warnings/commands";

/** How many days ahead the lists show coming revisits. */
export const UPCOMING_DAYS = 7;
const MAX_ROWS = 200;

export type RevisitDue = "overdue" | "today" | "upcoming";

const revisitSelect = {
  id: true, warningId: true, sequence: true, attempt: true, dueOn: true, status: true, outcome: true, note: true, doneAt: true,
  cancelledAt: true, version: true, officerId: true, createdAt: true,
  unit: { select: { code: true, name: true } },
  officer: { select: { displayName: true } },
  doneBy: { select: { displayName: true } },
  warning: { select: { riskLevel: true, fraudType: true, status: true, outcome: true, victimName: true, victimPhone: true, victimAddress: true, resolvedAt: true } },
} satisfies Prisma.RevisitSelect;

type Row = Prisma.RevisitGetPayload<{ select: typeof revisitSelect }>;

/** A revisit as the lists show it: masked person, due day, how late. */
function toRevisit(r: Row, today: string, actor: Actor) {
  const dueOn = dateToDay(r.dueOn);
  return {
    id: r.id,
    warningId: r.warningId,
    unit: r.unit,
    sequence: r.sequence,
    attempt: r.attempt,
    dueOn,
    due: (dueOn < today ? "overdue" : dueOn === today ? "today" : "upcoming") as RevisitDue,
    daysLate: r.status === "OPEN" ? Math.max(0, daysBetween(dueOn, today)) : 0,
    status: r.status,
    outcome: r.outcome,
    note: r.note,
    doneAt: r.doneAt?.toISOString() ?? null,
    doneBy: r.doneBy?.displayName ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    version: r.version,
    officer: r.officer?.displayName ?? null,
    mine: r.officerId === actor.id,
    riskLevel: r.warning.riskLevel,
    fraudType: r.warning.fraudType,
    warningStatus: r.warning.status,
    warningOutcome: r.warning.outcome,
    dissuadedAt: r.warning.resolvedAt?.toISOString() ?? null,
    personName: maskName(r.warning.victimName),
    personPhone: maskPhone(r.warning.victimPhone),
    place: maskAddress(r.warning.victimAddress),
  };
}

export type RevisitRow = ReturnType<typeof toRevisit>;

function dueWhere(due: RevisitsQuery["due"], today: string): Prisma.RevisitWhereInput {
  if (due === "overdue") return { dueOn: { lt: dayToDate(today) } };
  if (due === "today") return { dueOn: dayToDate(today) };
  if (due === "upcoming") return { dueOn: { gt: dayToDate(today), lte: dayToDate(addDays(today, UPCOMING_DAYS)) } };
  return {};
}

/**
 * The caller's revisits: an officer's unit's, a dispatcher's jurisdiction's (or one unit's), by
 * status and due (overdue / today / upcoming within UPCOMING_DAYS), the earliest due first.
 */
export const listRevisits = command({
  name: "revisit.list", permission: ["warnings:work", "warnings:triage"],
  summary: "The caller's revisits (回访), filtered by status and due",
  input: revisitsQuerySchema, audit: false,
  run: async ({ actor, input: q, now }) => {
    const today = chinaToday(now);
    const unitIds = await fieldTaskUnitIds(actor, q.unit);
    const rows = await getDb().revisit.findMany({
      where: {
        AND: [{ unitId: { in: unitIds } }, q.status ? { status: q.status } : {}, dueWhere(q.due, today), q.mine ? { officerId: actor.id } : {}],
      },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      take: MAX_ROWS,
      select: revisitSelect,
    });
    return { today, revisits: rows.map((r) => toRevisit(r, today, actor)) };
  },
});

/** My tasks' share: the unit's open revisits due today or earlier, the caller's first, the most overdue first. */
export async function dueRevisits(actor: Actor, now = new Date(), unitId = actor.unitId): Promise<RevisitRow[]> {
  const today = chinaToday(now);
  const rows = await getDb().revisit.findMany({
    where: { unitId, status: "OPEN", dueOn: { lte: dayToDate(today) } },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: MAX_ROWS,
    select: revisitSelect,
  });
  return rows.map((r) => toRevisit(r, today, actor)).sort((a, b) => Number(b.mine) - Number(a.mine));
}

/**
 * One revisit the caller may record (the outcome page): of the officer's unit, or of a unit whose
 * warnings a dispatcher works (the centre's own revisits: warnings it dissuaded itself); 404
 * (audited) elsewhere.
 */
export const showRevisit = command({
  name: "revisit.get", permission: ["warnings:work", "warnings:triage"],
  summary: "One revisit (回访) the caller may record",
  input: revisitIdSchema, audit: false,
  run: async ({ actor, input: { id }, now }) => {
    const r = await getDb().revisit.findFirst({ where: { id, unitId: { in: await workableUnitIds(actor) } }, select: revisitSelect });
    if (!r) throw await outOfScope(actor, "Revisit", id, async () => (await getDb().revisit.count({ where: { id } })) > 0);
    return toRevisit(r, chinaToday(now), actor);
  },
});

/** The revisits of a warning the caller may see (call after the scoped read of the warning): its history. */
export async function revisitsOfWarning(actor: Actor, warningId: string, now = new Date()): Promise<RevisitRow[]> {
  const rows = await getDb().revisit.findMany({ where: { warningId }, orderBy: [{ sequence: "asc" }, { attempt: "asc" }], select: revisitSelect });
  return rows.map((r) => toRevisit(r, chinaToday(now), actor));
}

/** A unit's revisits at a glance (the precinct view): due today, overdue, and the open ones due by today. */
export async function unitRevisitSummary(actor: Actor, unitId: string, now = new Date()) {
  const today = chinaToday(now);
  const open = { unitId, status: "OPEN" as const };
  const [dueToday, overdue, doneToday, list] = await Promise.all([
    getDb().revisit.count({ where: { ...open, dueOn: dayToDate(today) } }),
    getDb().revisit.count({ where: { ...open, dueOn: { lt: dayToDate(today) } } }),
    getDb().revisit.count({ where: { unitId, status: "DONE", doneAt: { gte: chinaDayStart(today) } } }),
    dueRevisits(actor, now, unitId),
  ]);
  return { dueToday, overdue, doneToday, list };
}

/**
 * The dispatcher's overview: per unit of the jurisdiction, the open revisits due today and those
 * overdue (units with none are left out), the most overdue first.
 */
export async function revisitsByUnit(actor: Actor, now = new Date()) {
  const today = dayToDate(chinaToday(now));
  const unitIds = await scopeUnitIds(actor.scopePath);
  const rows = await getDb().$queryRaw<{ unitId: string; dueToday: number; overdue: number }[]>`
    SELECT "unitId"::text AS "unitId", count(*) FILTER (WHERE "dueOn" = ${today}::date)::int AS "dueToday",
           count(*) FILTER (WHERE "dueOn" < ${today}::date)::int AS overdue
      FROM revisits WHERE "unitId" = ANY(${unitIds}::uuid[]) AND status = 'OPEN' AND "dueOn" <= ${today}::date
     GROUP BY "unitId"`;
  const table = await routingTable();
  const byId = new Map(table.units.map((u) => [u.id, u]));
  return rows
    .map((r) => ({ code: byId.get(r.unitId)?.code ?? "", name: byId.get(r.unitId)?.name ?? "", dueToday: r.dueToday, overdue: r.overdue }))
    .sort((a, b) => b.overdue - a.overdue || b.dueToday - a.dueToday || a.code.localeCompare(b.code));
}
