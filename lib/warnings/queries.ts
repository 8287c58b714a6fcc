import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { outOfScope } from "@/lib/audit/audit-denied";
import { AppError } from "@/lib/errors";
import { maskIdNumber, maskName } from "@/lib/pii";
import { z } from "zod";
import { uuidSchema } from "@/lib/validation/fields";
import { command } from "@/lib/commands/command";
import { queueCursorSchema, queueQuerySchema, type QueueCursor, type QueueQuery } from "@/lib/warnings/schemas";
import { routingTable, scopeUnitIds } from "@/lib/units/jurisdiction";
import { toWarningRow, warningRowSelect } from "@/lib/warnings/dto";
import { chinaDayEnd, chinaDayStart } from "@/lib/time/china";
import { transfersOfWarning } from "@/lib/warnings/transfers";

const OPEN = ["PENDING", "ACKNOWLEDGED", "IN_PROGRESS"] as const;

const encodeCursor = (c: QueueCursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

/** The cursor of a URL, checked: a forged, truncated or other view's cursor is a 422 on `cursor`. */
function decodeCursor(s: string | undefined, view: QueueCursor["v"]): QueueCursor | null {
  if (!s) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(s, "base64url").toString());
  } catch {
    raw = null;
  }
  const c = queueCursorSchema.safeParse(raw);
  if (!c.success || c.data.v !== view) {
    throw new AppError("VALIDATION", "invalid cursor", [{ path: "cursor", code: "invalid_cursor", message: "not a cursor of this view: start from the first page" }]);
  }
  return c.data;
}

/** Ids of the units a filter code stands for: the unit and everything under it (a branch and its precincts). */
async function unitFilterIds(code: string): Promise<string[]> {
  const unit = (await routingTable()).byCode.get(code);
  return unit ? scopeUnitIds(unit.path) : [];
}

/** The `where` of a queue query: the actor's jurisdiction and the URL's filters. */
export async function queueWhere(actor: Actor, q: QueueQuery, now = new Date()): Promise<Prisma.WarningWhereInput> {
  const scope = await scopeUnitIds(actor.scopePath);
  let unitIds = scope;
  if (q.unit) {
    const wanted = new Set(await unitFilterIds(q.unit));
    unitIds = scope.filter((id) => wanted.has(id));
  }
  return {
    unitId: { in: unitIds },
    ...(q.status === "open" ? { status: { in: [...OPEN] } } : { status: q.status }),
    ...(q.risk ? { riskLevel: q.risk } : {}),
    ...(q.source ? { source: q.source } : {}),
    ...(q.fraudType ? { fraudType: q.fraudType } : {}),
    ...(q.from || q.to
      ? { receivedAt: { ...(q.from ? { gte: chinaDayStart(q.from) } : {}), ...(q.to ? { lt: chinaDayEnd(q.to) } : {}) } }
      : {}),
    ...(q.phone ? { victimPhone: { endsWith: q.phone } } : {}),
    ...(q.overdue ? { slaDueAt: { lt: now } } : {}),
  };
}

/** The most the queue counts: a view holding more says so (`totalCapped`). */
export const QUEUE_TOTAL_LIMIT = 1_000;

/**
 * One page of the triage queue and how many warnings the view holds (up to QUEUE_TOTAL_LIMIT).
 * Open warnings come most urgent first by the queue's order (warnings.queueRank: the next SLA
 * step's due time moved earlier by the risk's head start; README, "the queue's order"), then
 * priority; resolved ones newest first. Keyset pagination by an opaque, validated cursor.
 */
export const listWarnings = command({
  name: "warning.list", permission: "warnings:read",
  summary: "One page of the triage queue",
  input: queueQuerySchema, audit: false,
  run: ({ actor, input, now }) => queuePage(actor, input, now),
});

async function queuePage(actor: Actor, q: QueueQuery, now: Date) {
  const urgent = q.status !== "RESOLVED";
  // A warning has a place in the queue's order until it is resolved (nextStep): said in the
  // query, with no parameter, so that even a generic plan reads the open queue's own index
  // (migration person_link_rows) and not every warning of the jurisdiction.
  const filters = await queueWhere(actor, q, now);
  const where: Prisma.WarningWhereInput = urgent ? { AND: [filters, { queueRank: { not: null } }] } : filters;
  const cursor = decodeCursor(q.cursor, urgent ? "rank" : "received");
  let after: Prisma.WarningWhereInput | undefined;
  if (cursor?.v === "rank") {
    const r = new Date(cursor.r);
    after = { OR: [{ queueRank: { gt: r } }, { queueRank: r, priority: { lt: cursor.p } }, { queueRank: r, priority: cursor.p, id: { gt: cursor.id } }] };
  } else if (cursor?.v === "received") {
    const d = new Date(cursor.d);
    after = { OR: [{ receivedAt: { lt: d } }, { receivedAt: d, id: { gt: cursor.id } }] };
  }
  const orderBy: Prisma.WarningOrderByWithRelationInput[] = urgent ? [{ queueRank: "asc" }, { priority: "desc" }, { id: "asc" }] : [{ receivedAt: "desc" }, { id: "asc" }];
  const [rows, total] = await Promise.all([
    getDb().warning.findMany({ where: after ? { AND: [where, after] } : where, orderBy, take: q.limit + 1, select: { ...warningRowSelect, queueRank: true } }),
    // Counted up to QUEUE_TOTAL_LIMIT: past it the page says "1000+" (counting 100 k open
    // warnings read each of them: 0.5 s of every page during a burst, for a figure nobody reads).
    getDb().warning.count({ where, take: QUEUE_TOTAL_LIMIT + 1 }),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > q.limit && last) {
    nextCursor = urgent && last.queueRank
      ? encodeCursor({ v: "rank", r: last.queueRank.toISOString(), p: last.priority, id: last.id })
      : encodeCursor({ v: "received", d: last.receivedAt.toISOString(), id: last.id });
  }
  return { items: page.map(toWarningRow), total: Math.min(total, QUEUE_TOTAL_LIMIT), totalCapped: total > QUEUE_TOTAL_LIMIT, nextCursor };
}

/** Counts for the queue's header: open warnings per status in the jurisdiction, and how many are overdue. */
export async function queueCounts(actor: Actor, now = new Date()) {
  const unitIds = await scopeUnitIds(actor.scopePath);
  // One pass over the open warnings, not one per figure.
  const [r] = await getDb().$queryRaw<({ [S in (typeof OPEN)[number]]: number } & { overdue: number })[]>`
    SELECT count(*) FILTER (WHERE status = 'PENDING')::int AS "PENDING",
           count(*) FILTER (WHERE status = 'ACKNOWLEDGED')::int AS "ACKNOWLEDGED",
           count(*) FILTER (WHERE status = 'IN_PROGRESS')::int AS "IN_PROGRESS",
           count(*) FILTER (WHERE "slaDueAt" < ${now}::timestamptz AT TIME ZONE 'UTC')::int AS overdue
      FROM warnings WHERE "unitId" = ANY(${unitIds}::uuid[]) AND status = ANY(${[...OPEN]}::"WarningStatus"[])`;
  return r!;
}

/** One warning with its history, masked; 404 outside the jurisdiction. */
export async function getWarning(actor: Actor, id: string) {
  const unitIds = await scopeUnitIds(actor.scopePath);
  const w = await getDb().warning.findFirst({
    where: { id, unitId: { in: unitIds } },
    select: {
      ...warningRowSelect,
      externalId: true, victimIdNumber: true, victimAge: true, victimGender: true, contactValue: true, note: true, routedBy: true, caseId: true, dispatchNote: true,
      transitions: { orderBy: { at: "asc" }, select: { id: true, fromStatus: true, toStatus: true, outcome: true, note: true, at: true, actorId: true } },
      // The dissuasion ladder's rungs, fired and answered (lib/outbound/ladder.ts).
      ladderEvents: { orderBy: { at: "asc" }, select: { id: true, rung: true, event: true, result: true, at: true } },
      actions: {
        orderBy: { occurredAt: "desc" },
        select: { id: true, kind: true, result: true, occurredAt: true, durationSeconds: true, amountProtected: true, note: true, followUpOn: true, actor: { select: { displayName: true } }, unit: { select: { name: true } } },
      },
      sightings: { orderBy: { receivedAt: "desc" }, select: { id: true, source: true, externalId: true, riskLevel: true, receivedAt: true, victimName: true, amountAtRisk: true, note: true } },
      breaches: { select: { step: true, dueAt: true, breachedAt: true } },
      fraudCase: { select: { id: true, caseNumber: true, status: true, unitId: true } },
    },
  });
  if (!w) throw await outOfScope(actor, "Warning", id, async () => (await getDb().warning.count({ where: { id } })) > 0);
  const actorIds = [...new Set(w.transitions.map((t) => t.actorId).filter((x): x is string => !!x))];
  const names = new Map((await getDb().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
  const transfers = await transfersOfWarning(actor, w.id);
  return {
    ...toWarningRow(w),
    externalId: w.externalId,
    victimIdNumber: maskIdNumber(w.victimIdNumber),
    hasIdNumber: !!w.victimIdNumber,
    victimAge: w.victimAge,
    victimGender: w.victimGender,
    contactValue: w.contactValue,
    note: w.note,
    routedBy: w.routedBy,
    dispatchNote: w.dispatchNote,
    // The case it became, when the reader's jurisdiction holds it (a precinct's warning may have
    // become its branch's case): never named otherwise (G31).
    fraudCase: w.fraudCase && unitIds.includes(w.fraudCase.unitId) ? { id: w.fraudCase.id, caseNumber: w.fraudCase.caseNumber, status: w.fraudCase.status } : null,
    transitions: w.transitions.map((t) => ({ ...t, at: t.at.toISOString(), actor: t.actorId ? names.get(t.actorId) ?? null : null })),
    ladderEvents: w.ladderEvents.map((e) => ({ ...e, at: e.at.toISOString() })),
    actions: w.actions.map((a) => ({ ...a, occurredAt: a.occurredAt.toISOString(), amountProtected: a.amountProtected.toFixed(2), followUpOn: a.followUpOn?.toISOString().slice(0, 10) ?? null })),
    // What each repeat said, masked like the warning's own fields.
    sightings: w.sightings.map((s) => ({ ...s, receivedAt: s.receivedAt.toISOString(), victimName: maskName(s.victimName), amountAtRisk: s.amountAtRisk?.toFixed(2) ?? null })),
    breaches: w.breaches.map((b) => ({ ...b, dueAt: b.dueAt.toISOString(), breachedAt: b.breachedAt.toISOString() })),
    // 移交审核: every transfer step (proposed, accepted / returned / cancelled) for the history.
    transfers,
  };
}

export type WarningDetail = Awaited<ReturnType<typeof getWarning>>;

/** One warning with its history, masked (GET /api/v1/warnings/{id}). */
export const showWarning = command({
  name: "warning.get", permission: "warnings:read",
  summary: "One warning with its history, masked",
  input: z.object({ id: uuidSchema }).strict(), audit: false,
  run: ({ actor, input }) => getWarning(actor, input.id),
});

