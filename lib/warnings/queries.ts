import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { outOfScope } from "@/lib/audit/audit-denied";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { uuidSchema } from "@/lib/validation/common";
import { maskIdNumber, maskName, maskPhone, maskAddress } from "@/lib/pii";
import { queueQuerySchema, type QueueQuery } from "@/lib/warnings/schemas";
import { scopeUnitIds } from "@/lib/warnings/routing";
import { toWarningRow, warningRowSelect } from "@/lib/warnings/dto";

const OPEN = ["PENDING", "ACKNOWLEDGED", "IN_PROGRESS"] as const;
const CHINA_OFFSET = "+08:00";

/** What an opaque queue cursor carries: the last row's sort key (SECURITY.md G32: a cursor has a schema). */
const cursorSchema = z.object({ d: z.iso.datetime(), p: z.number().int().min(-2_147_483_648).max(2_147_483_647), id: uuidSchema }).strict();
type Cursor = z.infer<typeof cursorSchema>;
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

/** The cursor of a URL, checked: a forged or truncated one is a 422 on `cursor`, never a failed query. */
function decodeCursor(s: string | undefined): Cursor | null {
  if (!s) return null;
  let raw: unknown = null;
  try {
    raw = JSON.parse(Buffer.from(s, "base64url").toString());
  } catch {
    // Not JSON: refused below like any other malformed cursor.
  }
  const c = cursorSchema.safeParse(raw);
  if (!c.success) throw new AppError("VALIDATION", "invalid cursor", [{ path: "cursor", code: "invalid_cursor", message: "not a cursor of this list: start from the first page" }]);
  return c.data;
}

/** The `where` of a queue query: the actor's jurisdiction and the URL's filters. */
export async function queueWhere(actor: Actor, q: QueueQuery): Promise<Prisma.WarningWhereInput> {
  const unitIds = await scopeUnitIds(getDb(), actor.scopePath);
  return {
    unitId: { in: unitIds },
    ...(q.status === "open" ? { status: { in: [...OPEN] } } : { status: q.status }),
    ...(q.risk ? { riskLevel: q.risk } : {}),
    ...(q.unit ? { unit: { code: q.unit } } : {}),
    ...(q.source ? { source: q.source } : {}),
    ...(q.fraudType ? { fraudType: q.fraudType } : {}),
    ...(q.from || q.to
      ? { receivedAt: { ...(q.from ? { gte: new Date(`${q.from}T00:00:00${CHINA_OFFSET}`) } : {}), ...(q.to ? { lt: new Date(new Date(`${q.to}T00:00:00${CHINA_OFFSET}`).getTime() + 86_400_000) } : {}) } }
      : {}),
    ...(q.phone ? { victimPhone: { endsWith: q.phone } } : {}),
  };
}

/**
 * The triage queue: open warnings most urgent first (the next SLA step due soonest, then
 * priority), others newest first; keyset pagination by an opaque cursor.
 */
export async function listWarnings(actor: Actor, rawQuery: unknown) {
  const q = parseInput(queueQuerySchema, rawQuery);
  const where = await queueWhere(actor, q);
  const cursor = decodeCursor(q.cursor);
  const open = q.status === "open";
  const after: Prisma.WarningWhereInput | undefined = !cursor
    ? undefined
    : open
      ? { OR: [{ slaDueAt: { gt: new Date(cursor.d) } }, { slaDueAt: new Date(cursor.d), priority: { lt: cursor.p } }, { slaDueAt: new Date(cursor.d), priority: cursor.p, id: { gt: cursor.id } }] }
      : { OR: [{ receivedAt: { lt: new Date(cursor.d) } }, { receivedAt: new Date(cursor.d), id: { gt: cursor.id } }] };
  const rows = await getDb().warning.findMany({
    where: after ? { AND: [where, after] } : where,
    orderBy: open ? [{ slaDueAt: "asc" }, { priority: "desc" }, { id: "asc" }] : [{ receivedAt: "desc" }, { id: "asc" }],
    take: q.limit + 1,
    select: warningRowSelect,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toWarningRow),
    // A resolved warning in an "open" view has no slaDueAt: its receivedAt keeps the cursor well formed.
    nextCursor: rows.length > q.limit && last ? encodeCursor({ d: ((open ? last.slaDueAt : null) ?? last.receivedAt).toISOString(), p: last.priority, id: last.id }) : null,
  };
}

/** Counts for the queue's header: open warnings per status in the jurisdiction, and how many are overdue. */
export async function queueCounts(actor: Actor, now = new Date()) {
  const unitIds = await scopeUnitIds(getDb(), actor.scopePath);
  const [byStatus, overdue] = await Promise.all([
    getDb().warning.groupBy({ by: ["status"], where: { unitId: { in: unitIds }, status: { in: [...OPEN] } }, _count: true }),
    getDb().warning.count({ where: { unitId: { in: unitIds }, status: { in: [...OPEN] }, slaDueAt: { lt: now } } }),
  ]);
  return { ...Object.fromEntries(byStatus.map((s) => [s.status, s._count])), overdue } as Partial<Record<(typeof OPEN)[number], number>> & { overdue: number };
}

/** One warning with its history, masked; 404 outside the jurisdiction. */
export async function getWarning(actor: Actor, id: string) {
  const unitIds = await scopeUnitIds(getDb(), actor.scopePath);
  const w = await getDb().warning.findFirst({
    where: { id, unitId: { in: unitIds } },
    select: {
      ...warningRowSelect,
      externalId: true, victimIdNumber: true, victimAge: true, victimGender: true, contactValue: true, note: true, routedBy: true, caseId: true,
      transitions: { orderBy: { at: "asc" }, select: { id: true, fromStatus: true, toStatus: true, outcome: true, note: true, at: true, actorId: true } },
      actions: {
        orderBy: { occurredAt: "desc" },
        select: { id: true, kind: true, result: true, occurredAt: true, durationSeconds: true, amountProtected: true, note: true, followUpOn: true, actor: { select: { displayName: true } }, unit: { select: { name: true } } },
      },
      sightings: { orderBy: { receivedAt: "desc" }, select: { id: true, source: true, externalId: true, riskLevel: true, receivedAt: true, victimName: true, amountAtRisk: true, note: true } },
      breaches: { select: { step: true, dueAt: true, breachedAt: true } },
      fraudCase: { select: { id: true, caseNumber: true, status: true } },
    },
  });
  if (!w) throw await outOfScope(actor, "Warning", id, async () => (await getDb().warning.count({ where: { id } })) > 0);
  const actorIds = [...new Set(w.transitions.map((t) => t.actorId).filter((x): x is string => !!x))];
  const names = new Map((await getDb().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
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
    fraudCase: w.fraudCase,
    transitions: w.transitions.map((t) => ({ ...t, at: t.at.toISOString(), actor: t.actorId ? names.get(t.actorId) ?? null : null })),
    actions: w.actions.map((a) => ({ ...a, occurredAt: a.occurredAt.toISOString(), amountProtected: a.amountProtected.toFixed(2), followUpOn: a.followUpOn?.toISOString().slice(0, 10) ?? null })),
    // What each repeat said, masked like the warning's own fields.
    sightings: w.sightings.map((s) => ({ ...s, receivedAt: s.receivedAt.toISOString(), victimName: maskName(s.victimName), amountAtRisk: s.amountAtRisk?.toFixed(2) ?? null })),
    breaches: w.breaches.map((b) => ({ ...b, dueAt: b.dueAt.toISOString(), breachedAt: b.breachedAt.toISOString() })),
  };
}

export type WarningDetail = Awaited<ReturnType<typeof getWarning>>;

export const PII_FIELDS = { victimName: maskName, victimPhone: maskPhone, victimIdNumber: maskIdNumber, victimAddress: maskAddress } as const;
