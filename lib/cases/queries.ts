import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseSource, CaseStatus, FraudType, SeizedItemType } from "@/lib/generated/prisma/enums";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { command } from "@/lib/commands/command";
import { maskName, maskPhone } from "@/lib/pii";
import { inJurisdiction, unitSubtree } from "@/lib/units/jurisdiction";
import { EXPIRY_WARNING_MS } from "@/lib/cases/freeze-rules";
import { canonical } from "@/lib/cases/money";
import { listCasesQuerySchema, type ListCasesQuery } from "@/lib/cases/schemas";
import { maskVictimName } from "@/lib/cases/open-case-from-warning";
import { chinaDayEnd, chinaDayStart } from "@/lib/time/china";

export const PAGE_SIZE = 30;

/** Live requests running out within their warning window (stop-payment 12 h, freeze 7 days). */
export function expiringFreezeWhere(now: Date): Prisma.FreezeRequestWhereInput {
  return {
    status: { in: ["EXECUTED", "PARTIAL"] },
    OR: (["STOP_PAYMENT", "FREEZE"] as const).map((kind) => ({ kind, expiresAt: { gt: now, lte: new Date(now.getTime() + EXPIRY_WARNING_MS[kind]) } })),
  };
}

/** China-local calendar day → the UTC instant it starts. */

export type CaseListItem = {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  source: CaseSource;
  fraudType: FraudType;
  unitCode: string;
  unitName: string;
  reportedAt: Date;
  submittedAt: Date | null;
  lossAmount: string;
  /** Masked name of the first victim, and how many there are. */
  victim: string | null;
  victimCount: number;
  expiringFreezes: number;
  version: number;
};

/** Cases of the actor's jurisdiction, newest report first, filtered by the query. */
export const listCases = command({
  name: "case.list", permission: "cases:read",
  summary: "Cases of the caller's jurisdiction, newest report first, filtered",
  input: listCasesQuerySchema, audit: false,
  run: ({ actor, input, now }) => caseList(actor, input, now),
});

async function caseList(actor: Actor, q: ListCasesQuery, now: Date) {
  const db = getDb();
  const and: Prisma.FraudCaseWhereInput[] = [inJurisdiction(actor)];
  if (q.unit) {
    const unit = await db.unit.findFirst({ where: { code: q.unit, ...unitSubtree(actor.scopePath) }, select: { path: true } });
    and.push(unit ? { unit: unitSubtree(unit.path) } : { id: { in: [] } });
  }
  if (q.status) and.push({ status: q.status });
  if (q.flag === "awaiting_approval") and.push({ status: "PENDING_APPROVAL" });
  if (q.flag === "expiring") and.push({ freezes: { some: expiringFreezeWhere(now) } });
  if (q.fraudType) and.push({ fraudType: q.fraudType });
  if (q.source) and.push({ source: q.source });
  if (q.q) and.push({ caseNumber: { contains: q.q.toUpperCase() } });
  if (q.victimPhone) and.push({ victims: { some: { phone: { endsWith: q.victimPhone } } } });
  if (q.account) and.push({ freezes: { some: { accountNumber: { endsWith: q.account } } } });
  if (q.suspect) and.push({ suspects: { some: { suspect: { OR: [{ phone: { endsWith: q.suspect } }, { idNumber: { endsWith: q.suspect } }] } } } });
  if (q.from) and.push({ reportedAt: { gte: chinaDayStart(q.from) } });
  if (q.to) and.push({ reportedAt: { lt: chinaDayEnd(q.to) } });
  const where: Prisma.FraudCaseWhereInput = { AND: and };
  const page = q.page ?? 1;
  const [rows, total] = await Promise.all([
    db.fraudCase.findMany({
      where,
      orderBy: [{ reportedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, caseNumber: true, status: true, source: true, fraudType: true, reportedAt: true, submittedAt: true, lossAmount: true, version: true,
        unit: { select: { code: true, name: true } },
        victims: { orderBy: { createdAt: "asc" }, take: 1, select: { name: true } },
        _count: { select: { victims: true, freezes: { where: expiringFreezeWhere(now) } } },
      },
    }),
    db.fraudCase.count({ where }),
  ]);
  const items: CaseListItem[] = rows.map((r) => ({
    id: r.id, caseNumber: r.caseNumber, status: r.status, source: r.source, fraudType: r.fraudType,
    unitCode: r.unit.code, unitName: r.unit.name, reportedAt: r.reportedAt, submittedAt: r.submittedAt,
    lossAmount: canonical(r.lossAmount), victim: maskVictimName(r.victims[0]?.name), victimCount: r._count.victims,
    expiringFreezes: r._count.freezes, version: r.version,
  }));
  return { items, total, page, pageSize: PAGE_SIZE, query: q };
}

/**
 * The approver's task list: cases of their chain (their unit and below) waiting for a filing
 * decision, oldest first, minus those they submitted themselves (two-person rule).
 */
export async function approvalTasks(actor: Actor) {
  if (!actor.permissions.has("cases:approve") || actor.kind !== "user") return [];
  const db = getDb();
  const own = await db.unit.findUnique({ where: { id: actor.unitId }, select: { path: true } });
  if (!own) return [];
  const rows = await db.fraudCase.findMany({
    where: { AND: [inJurisdiction(actor), { unit: unitSubtree(own.path) }], status: "PENDING_APPROVAL", NOT: { submittedById: actor.id } },
    orderBy: { submittedAt: "asc" },
    take: 50,
    select: { id: true, caseNumber: true, fraudType: true, lossAmount: true, submittedAt: true, submittedById: true, version: true, unit: { select: { name: true } } },
  });
  const names = await userNames(rows.map((r) => r.submittedById));
  return rows.map((r) => ({
    id: r.id, caseNumber: r.caseNumber, fraudType: r.fraudType, lossAmount: canonical(r.lossAmount), unitName: r.unit.name,
    submittedAt: r.submittedAt, submittedBy: r.submittedById ? (names.get(r.submittedById) ?? null) : null, version: r.version,
  }));
}

/** Display names of users (the timeline's "by whom"). */
export async function userNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((i): i is string => !!i))];
  if (!unique.length) return new Map();
  const users = await getDb().user.findMany({ where: { id: { in: unique } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** Seized items of the jurisdiction: quantity per unit and type (SQL sums). */
export async function seizedTotalsByUnit(actor: Actor): Promise<{ unitCode: string; unitName: string; totals: Partial<Record<SeizedItemType, number>>; all: number }[]> {
  const groups = await getDb().seizedItem.groupBy({ by: ["unitId", "type"], where: inJurisdiction(actor), _sum: { quantity: true } });
  const units = await getDb().unit.findMany({ where: { id: { in: [...new Set(groups.map((g) => g.unitId))] } }, select: { id: true, code: true, name: true, path: true } });
  return units
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((u) => {
      const totals: Partial<Record<SeizedItemType, number>> = {};
      for (const g of groups) if (g.unitId === u.id) totals[g.type] = g._sum.quantity ?? 0;
      return { unitCode: u.code, unitName: u.name, totals, all: Object.values(totals).reduce((s, n) => s + n, 0) };
    });
}

/** Gangs of the jurisdiction with their members (masked) and cases, those of the jurisdiction (G31). */
export async function listGangs(actor: Actor) {
  const gangs = await getDb().gang.findMany({
    where: inJurisdiction(actor),
    orderBy: [{ dismantledAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 200,
    select: {
      id: true, name: true, note: true, dismantledAt: true, version: true, unit: { select: { name: true } },
      members: { where: inJurisdiction(actor), select: { id: true, name: true, status: true } },
      cases: { where: { fraudCase: inJurisdiction(actor) }, select: { fraudCase: { select: { id: true, caseNumber: true, status: true } } } },
    },
  });
  return gangs.map((g) => ({
    id: g.id, name: g.name, note: g.note, dismantledAt: g.dismantledAt, version: g.version, unitName: g.unit.name,
    members: g.members.map((m) => ({ id: m.id, name: maskName(m.name)!, status: m.status })),
    cases: g.cases.map((c) => c.fraudCase),
  }));
}

/** Choices for linking an existing suspect or gang to a case (masked names; a suspect's cases of the jurisdiction only). */
export async function linkChoices(actor: Actor, caseId: string) {
  const db = getDb();
  const [suspects, gangs] = await Promise.all([
    db.suspect.findMany({
      where: { ...inJurisdiction(actor), cases: { none: { caseId } } },
      orderBy: { createdAt: "desc" },
      take: 100,
      select: { id: true, name: true, phone: true, status: true, cases: { where: { fraudCase: inJurisdiction(actor) }, select: { fraudCase: { select: { caseNumber: true } } }, take: 3 } },
    }),
    db.gang.findMany({ where: { ...inJurisdiction(actor) }, orderBy: { createdAt: "desc" }, take: 100, select: { id: true, name: true, cases: { select: { caseId: true } } } }),
  ]);
  return {
    suspects: suspects.map((s) => ({ id: s.id, label: [maskName(s.name), maskPhone(s.phone)].filter(Boolean).join(" "), status: s.status, cases: s.cases.map((c) => c.fraudCase.caseNumber) })),
    gangs: gangs.map((g) => ({ id: g.id, name: g.name, linked: g.cases.some((c) => c.caseId === caseId) })),
  };
}

/** Units a case may be handed to (流转): the active units of its city but the bureau itself, minus its own. */
export async function transferTargets(caseUnitCode: string) {
  const db = getDb();
  const own = await db.unit.findUnique({ where: { code: caseUnitCode }, select: { path: true } });
  if (!own) return [];
  const units = await db.unit.findMany({
    where: { ...unitSubtree(own.path.split("/")[0]!), active: true, kind: { not: "CITY" }, NOT: { code: caseUnitCode } },
    orderBy: { path: "asc" },
    select: { code: true, name: true, path: true },
  });
  return units.map((u) => ({ code: u.code, name: u.name, depth: u.path.split("/").length - 1 }));
}

/**
 * What the list says after the actor's own 流转 of a case: where it went. Read from the transfer
 * itself, so a crafted link shows nothing; the case may now be out of the actor's sight.
 */
export const transferNotice = command({
  name: "case.transfer_notice", permission: "cases:read",
  summary: "Where the caller's own latest transfer of a case went",
  input: z.object({ caseNumber: z.string().max(64) }).strict(), audit: false,
  async run({ actor, input: { caseNumber }, db }): Promise<{ caseNumber: string; unitName: string } | null> {
    const t = await db.caseTransfer.findFirst({
      where: { actorId: actor.id, fraudCase: { caseNumber } },
      orderBy: { at: "desc" },
      select: { toUnit: { select: { name: true } } },
    });
    return t ? { caseNumber, unitName: t.toUnit.name } : null;
  },
});
