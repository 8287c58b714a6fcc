// Reading appeals: masked identities only, for those who handle personal data or manage measures
// (leadership reads the aggregates, lib/appeals/aggregates.ts). Deadline flags are computed from
// the deadline and today's China date, so the list, its counts and the filter agree.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbOrTx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { outOfScope } from "@/lib/audit/audit-denied";
import { command } from "@/lib/commands/command";
import { maskIdNumber, maskName, maskPhone } from "@/lib/pii";
import { inJurisdiction, unitSubtree } from "@/lib/units/jurisdiction";
import { chinaToday, dateToDay, dayToDate } from "@/lib/time/china";
import type { MeasureKind } from "@/lib/publicity/enums";
import { filterUnitPath } from "@/lib/publicity/units";
import { addWorkingDays, deadlineFlag, DUE_SOON_WORKING_DAYS, workingDaysLeft, type DeadlineFlag } from "@/lib/appeals/deadline";
import { appealIdSchema, appealsQuerySchema, OPEN_APPEAL_STATUSES, type AppealsQuery, type AppealStatus } from "@/lib/appeals/schemas";

/** Who reads appeal records (masked): those who handle personal data, and measure managers (API keys). */
export const APPEAL_READERS = ["pii:reveal", "publicity:write"] as const;
export const mayReadAppeals = (actor: Pick<Actor, "permissions">) => APPEAL_READERS.some((p) => actor.permissions.has(p));

const select = {
  id: true, appellantName: true, appellantPhone: true, appellantIdNumber: true, grounds: true, evidence: true, receivedOn: true, deadlineOn: true,
  status: true, registeredById: true, registeredByName: true, reviewerId: true, reviewerName: true, decisionReason: true, decidedAt: true, version: true,
  measure: { select: { id: true, measure: true, personName: true, startsOn: true, endsOn: true, revokedOn: true, unit: { select: { code: true, name: true } } } },
} satisfies Prisma.AppealSelect;

export type AppealDto = {
  id: string; status: AppealStatus; appellantName: string; appellantPhone: string | null; appellantIdNumber: string | null;
  grounds: string; evidence: string[]; receivedOn: string; deadlineOn: string;
  /** Open appeals only: overdue, due soon (≤ 3 working days left) or neither. */
  flag: DeadlineFlag;
  /** Working days until the deadline (negative: overdue by); null once decided or withdrawn. */
  workingDaysLeft: number | null;
  registeredBy: string; reviewer: string | null; decisionReason: string | null; decidedAt: string | null; version: number;
  /** Whether the reader registered it (and so may not review or decide it: 双人审核). */
  registeredByMe: boolean;
  reviewingByMe: boolean;
  measure: { id: string; kind: MeasureKind; person: string; startsOn: string; endsOn: string | null; revokedOn: string | null; unitCode: string; unitName: string };
};

function toDto(a: Prisma.AppealGetPayload<{ select: typeof select }>, actor: Actor, today: string): AppealDto {
  const deadlineOn = dateToDay(a.deadlineOn);
  const open = (OPEN_APPEAL_STATUSES as readonly string[]).includes(a.status);
  return {
    id: a.id, status: a.status, appellantName: maskName(a.appellantName)!, appellantPhone: maskPhone(a.appellantPhone), appellantIdNumber: maskIdNumber(a.appellantIdNumber),
    grounds: a.grounds, evidence: a.evidence, receivedOn: dateToDay(a.receivedOn), deadlineOn,
    flag: open ? deadlineFlag(deadlineOn, today) : null, workingDaysLeft: open ? workingDaysLeft(deadlineOn, today) : null,
    registeredBy: a.registeredByName, reviewer: a.reviewerName, decisionReason: a.decisionReason, decidedAt: a.decidedAt?.toISOString() ?? null, version: a.version,
    registeredByMe: a.registeredById === actor.id, reviewingByMe: a.reviewerId === actor.id,
    measure: {
      id: a.measure.id, kind: a.measure.measure, person: maskName(a.measure.personName)!, startsOn: dateToDay(a.measure.startsOn),
      endsOn: a.measure.endsOn ? dateToDay(a.measure.endsOn) : null, revokedOn: a.measure.revokedOn ? dateToDay(a.measure.revokedOn) : null,
      unitCode: a.measure.unit.code, unitName: a.measure.unit.name,
    },
  };
}

/** The `where` of a flag: open and past the deadline, or open and due within DUE_SOON_WORKING_DAYS working days. */
export function flagWhere(flag: DeadlineFlag, today: string): Prisma.AppealWhereInput {
  const open = { status: { in: [...OPEN_APPEAL_STATUSES] } };
  if (flag === "overdue") return { ...open, deadlineOn: { lt: dayToDate(today) } };
  if (flag === "dueSoon") return { ...open, deadlineOn: { gte: dayToDate(today), lte: dayToDate(addWorkingDays(today, DUE_SOON_WORKING_DAYS)) } };
  return {};
}

export const APPEALS_PAGE_SIZE = 50;

/**
 * The appeals of the actor's jurisdiction: open ones first by deadline, then the decided, newest
 * first; with the counts of open, due-soon and overdue appeals under the same unit filter.
 */
export const listAppeals = command({
  name: "publicity.appeal.list", permission: APPEAL_READERS,
  summary: "Appeals against measures of the caller's jurisdiction, masked; filter by status, deadline flag, unit or measure",
  input: appealsQuerySchema, audit: false,
  async run({ actor, input: q, db: tx }) {
    const today = chinaToday();
    const page = q.page ?? 1;
    const empty = { items: [] as AppealDto[], total: 0, page, pageCount: 0, counts: { open: 0, dueSoon: 0, overdue: 0 } };
    const scope = await scopeWhere(actor, q);
    if (!scope) return empty;
    const where: Prisma.AppealWhereInput = { AND: [scope, q.status ? { status: q.status } : {}, q.flag ? flagWhere(q.flag, today) : {}] };
    const [rows, total, open, dueSoon, overdue] = await Promise.all([
      tx.appeal.findMany({ where, select, orderBy: [{ decidedAt: { sort: "desc", nulls: "first" } }, { deadlineOn: "asc" }, { id: "asc" }], skip: (page - 1) * APPEALS_PAGE_SIZE, take: APPEALS_PAGE_SIZE }),
      tx.appeal.count({ where }),
      tx.appeal.count({ where: { AND: [scope, { status: { in: [...OPEN_APPEAL_STATUSES] } }] } }),
      tx.appeal.count({ where: { AND: [scope, flagWhere("dueSoon", today)] } }),
      tx.appeal.count({ where: { AND: [scope, flagWhere("overdue", today)] } }),
    ]);
    return { items: rows.map((r) => toDto(r, actor, today)), total, page, pageCount: Math.ceil(total / APPEALS_PAGE_SIZE), counts: { open, dueSoon, overdue } };
  },
});

/** Jurisdiction, the unit filter (its subtree) and the measure filter; null for a unit outside the jurisdiction. */
async function scopeWhere(actor: Actor, q: Pick<AppealsQuery, "unit" | "measureId">): Promise<Prisma.AppealWhereInput | null> {
  const unitPath = await filterUnitPath(actor, q.unit);
  if (unitPath === null) return null;
  return {
    AND: [{ measure: inJurisdiction(actor) }, unitPath ? { measure: { unit: unitSubtree(unitPath) } } : {}, q.measureId ? { measureId: q.measureId } : {}],
  };
}

export const getAppeal = command({
  name: "publicity.appeal.get", permission: APPEAL_READERS,
  summary: "One appeal, masked (404 outside the caller's jurisdiction)",
  input: appealIdSchema, audit: false,
  async run({ actor, input: { id }, db }): Promise<AppealDto> {
    return appealById(db, actor, id);
  },
});

async function appealById(tx: DbOrTx, actor: Actor, id: string): Promise<AppealDto> {
  const row = await tx.appeal.findFirst({ where: { id, measure: inJurisdiction(actor) }, select });
  if (!row) throw await outOfScope(actor, "Appeal", id, async () => (await tx.appeal.count({ where: { id } })) > 0);
  return toDto(row, actor, chinaToday());
}
