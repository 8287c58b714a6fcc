// Publicity events (宣传活动): list, calendar, read, create, update — all scoped to the actor's
// jurisdiction; writes audited in the same transaction.
import "server-only";
import { outOfScope } from "@/lib/audit/audit-denied";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { uuidSchema } from "@/lib/validation/fields";
import { writeAudit } from "@/lib/audit/write-audit";
import { inJurisdiction, unitSubtree } from "@/lib/units/jurisdiction";
import { dateToDay, dayToDate, monthRange } from "@/lib/time/china";
import { createEventSchema, updateEventSchema, type CreateEventInput } from "@/lib/publicity/schemas";
import { eventsApiQuerySchema } from "@/lib/publicity/schemas";
import { filterUnitPath, resolveUnit } from "@/lib/publicity/units";
import type { PublicityKind, TargetGroup } from "@/lib/publicity/enums";

const eventSelect = {
  id: true, kind: true, targetGroup: true, title: true, occurredOn: true, place: true, audienceCount: true,
  appRegistrations: true, materialsCount: true, volunteers: true, note: true, version: true, createdAt: true,
  unit: { select: { id: true, code: true, name: true } },
} satisfies Prisma.PublicityEventSelect;

type EventRow = Prisma.PublicityEventGetPayload<{ select: typeof eventSelect }>;

export type EventDto = {
  id: string; unitCode: string; unitName: string; kind: PublicityKind; targetGroup: TargetGroup; title: string;
  occurredOn: string; place: string | null; audienceCount: number; appRegistrations: number; materialsCount: number;
  volunteers: number; note: string | null; version: number; createdAt: string;
};

const toDto = (e: EventRow): EventDto => ({
  id: e.id, unitCode: e.unit.code, unitName: e.unit.name, kind: e.kind, targetGroup: e.targetGroup, title: e.title,
  occurredOn: dateToDay(e.occurredOn), place: e.place, audienceCount: e.audienceCount, appRegistrations: e.appRegistrations,
  materialsCount: e.materialsCount, volunteers: e.volunteers, note: e.note, version: e.version, createdAt: e.createdAt.toISOString(),
});

export type EventFilter = { unit?: string; kind?: PublicityKind; targetGroup?: TargetGroup; from?: string; to?: string; q?: string };

/** The `where` of an event filter, or null when the filter names a unit outside the jurisdiction. */
async function eventWhere(actor: Actor, f: EventFilter): Promise<Prisma.PublicityEventWhereInput | null> {
  const unitPath = await filterUnitPath(actor, f.unit);
  if (unitPath === null) return null;
  return {
    AND: [
      inJurisdiction(actor),
      unitPath ? { unit: unitSubtree(unitPath) } : {},
      f.kind ? { kind: f.kind } : {},
      f.targetGroup ? { targetGroup: f.targetGroup } : {},
      f.from || f.to ? { occurredOn: { ...(f.from ? { gte: dayToDate(f.from) } : {}), ...(f.to ? { lte: dayToDate(f.to) } : {}) } } : {},
      f.q ? { OR: [{ title: { contains: f.q, mode: "insensitive" } }, { place: { contains: f.q, mode: "insensitive" } }] } : {},
    ],
  };
}

export const EVENTS_PAGE_SIZE = 50;

/** One page of events, newest first, with the filter's totals. */
export async function listEvents(actor: Actor, f: EventFilter & { page?: number }) {
  const where = await eventWhere(actor, f);
  const page = f.page ?? 1;
  if (!where) return { items: [], total: 0, page, pageCount: 0, sums: { audienceCount: 0, appRegistrations: 0 } };
  const db = getDb();
  const [rows, agg] = await Promise.all([
    db.publicityEvent.findMany({ where, select: eventSelect, orderBy: [{ occurredOn: "desc" }, { id: "desc" }], skip: (page - 1) * EVENTS_PAGE_SIZE, take: EVENTS_PAGE_SIZE }),
    db.publicityEvent.aggregate({ where, _count: { _all: true }, _sum: { audienceCount: true, appRegistrations: true } }),
  ]);
  const total = agg._count._all;
  return {
    items: rows.map(toDto), total, page, pageCount: Math.ceil(total / EVENTS_PAGE_SIZE),
    sums: { audienceCount: agg._sum.audienceCount ?? 0, appRegistrations: agg._sum.appRegistrations ?? 0 },
  };
}

/** GET /api/v1/publicity-events: cursor pagination; `cursor` is the id of the last item of the previous page. */
export const listEventsPage = command({
  name: "publicity.event.list", permission: "publicity:read",
  summary: "Publicity events of the caller's jurisdiction, newest first, cursor-paginated",
  input: eventsApiQuerySchema, audit: false,
  async run({ actor, input: f, db }) {
    const where = await eventWhere(actor, f);
    const limit = f.limit ?? 50;
    if (!where) return { items: [], nextCursor: null };
    const rows = await db.publicityEvent.findMany({
      where, select: eventSelect, orderBy: [{ occurredOn: "desc" }, { id: "desc" }], take: limit + 1,
      ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
    });
    const items = rows.slice(0, limit).map(toDto);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
  },
});

/** The month's events for the calendar (capped; a month rarely holds more than a few hundred). */
export async function eventsOfMonth(actor: Actor, month: string, f: Omit<EventFilter, "from" | "to"> = {}) {
  const where = await eventWhere(actor, { ...f, ...monthRange(month) });
  if (!where) return [];
  const rows = await getDb().publicityEvent.findMany({ where, select: eventSelect, orderBy: [{ occurredOn: "asc" }, { id: "asc" }], take: 1000 });
  return rows.map(toDto);
}

/** One event; outside the caller's jurisdiction it does not exist (404). */
export const getEvent = command({
  name: "publicity.event.get", permission: "publicity:read",
  summary: "One publicity event",
  input: z.object({ id: uuidSchema }).strict(), audit: false,
  async run({ actor, input: { id }, db }): Promise<EventDto> {
    const row = await db.publicityEvent.findFirst({ where: { id, ...inJurisdiction(actor) }, select: eventSelect });
    if (!row) throw await outOfScope(actor, "PublicityEvent", id, async () => (await db.publicityEvent.count({ where: { id } })) > 0);
    return toDto(row);
  },
});

const eventData = (input: Omit<CreateEventInput, "unitCode">) => ({
  kind: input.kind, targetGroup: input.targetGroup, title: input.title, occurredOn: dayToDate(input.occurredOn),
  place: input.place ?? null, audienceCount: input.audienceCount, appRegistrations: input.appRegistrations ?? 0,
  materialsCount: input.materialsCount ?? 0, volunteers: input.volunteers ?? 0, note: input.note ?? null,
});

/** Logs one event (the unit defaults to the caller's own); answers its DTO. An Idempotency-Key makes replays safe. */
export const createEvent = command({
  name: "publicity.event.create", permission: "publicity:write",
  summary: "Log a publicity event",
  input: createEventSchema, audit: ["publicity.event.create"], idempotent: true,
  async run({ actor, input: { unitCode, ...input }, tx }): Promise<EventDto> {
    const unit = await resolveUnit(tx, actor, unitCode);
    const created = await tx.publicityEvent.create({
      data: { ...eventData(input), unitId: unit.id, createdById: actor.kind === "user" ? actor.id : null },
      select: eventSelect,
    });
    await writeAudit(tx, actor, {
      action: "publicity.event.create", success: true, entityType: "PublicityEvent", entityId: created.id,
      details: { unit: unit.code, kind: input.kind, occurredOn: input.occurredOn, audienceCount: input.audienceCount },
    });
    return toDto(created);
  },
});

export const updateEvent = command({
  name: "publicity.event.update", permission: "publicity:write",
  summary: "Correct a publicity event",
  input: updateEventSchema, audit: ["publicity.event.update"],
  async run({ actor, input: { id, version, unitCode, ...input }, tx }): Promise<void> {
    const existing = await tx.publicityEvent.findFirst({ where: { id, ...inJurisdiction(actor) }, select: { unit: { select: { code: true } } } });
    if (!existing) throw await outOfScope(actor, "PublicityEvent", id, async () => (await tx.publicityEvent.count({ where: { id } })) > 0);
    // No unit given: the event stays where it is.
    const unit = await resolveUnit(tx, actor, unitCode ?? existing.unit.code);
    const { count } = await tx.publicityEvent.updateMany({ where: { id, version }, data: { ...eventData(input), unitId: unit.id, version: { increment: 1 } } });
    if (count === 0) throw versionConflict();
    await writeAudit(tx, actor, {
      action: "publicity.event.update", success: true, entityType: "PublicityEvent", entityId: id,
      details: { unit: unit.code, kind: input.kind, occurredOn: input.occurredOn, audienceCount: input.audienceCount },
    });
  },
});
