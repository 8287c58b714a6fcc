// 反诈法 第38条 disciplinary measures. Records name a person: lists and exports carry masked
// identities only, and only for actors who may handle personal data ("pii:reveal"); others
// (leadership) get aggregates (measure-aggregates.ts). A full value is revealed one at a time,
// audited (lib/pii/reveal.ts).
import "server-only";
import { outOfScope } from "@/lib/audit/audit-denied";
import { getDb, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { recordReveal, revealReasonSchema } from "@/lib/pii/reveal";
import { maskIdNumber, maskName } from "@/lib/pii";
import { inJurisdiction, unitSubtree } from "@/lib/units/jurisdiction";
import { addDays, chinaToday, dateToDay, dayToDate, daysBetween } from "@/lib/time/china";
import type { MeasureKind } from "@/lib/publicity/enums";
import { createMeasureSchema, idSchema, revealMeasureSchema, updateMeasureSchema, type MeasuresQuery } from "@/lib/publicity/schemas";
import { filterUnitPath, resolveUnit } from "@/lib/publicity/units";

/** A measure ending within this many days is flagged "ending soon". */
export const ENDING_SOON_DAYS = 7;

export type MeasureState = "upcoming" | "active" | "ending" | "ended" | "once" | "revoked";

export function measureState(m: { startsOn: string; endsOn: string | null; revokedOn?: string | null }, today = chinaToday()): MeasureState {
  // Revoked on appeal (lib/appeals): ended, whatever its dates said.
  if (m.revokedOn) return "revoked";
  if (!m.endsOn) return "once";
  if (m.startsOn > today) return "upcoming";
  if (m.endsOn < today) return "ended";
  return daysBetween(today, m.endsOn) <= ENDING_SOON_DAYS ? "ending" : "active";
}

/** Who may see measure records (masked) at all: those who handle personal data. */
export const mayListPersons = (actor: Pick<Actor, "permissions">) => actor.permissions.has("pii:reveal");

/** Refuses (403, audited as authz.denied) an actor who may not see measure records. */
async function requirePersons(actor: Actor) {
  if (mayListPersons(actor)) return;
  await getDb().$transaction((tx) =>
    writeAudit(tx, actor, { action: "authz.denied", success: false, entityType: "DisciplinaryMeasure", details: { permission: "pii:reveal" } }),
  );
  throw new AppError("FORBIDDEN", "measure records name persons; aggregates only");
}

const select = {
  id: true, personName: true, personIdNumber: true, measure: true, startsOn: true, endsOn: true, revokedOn: true, reason: true, version: true,
  unit: { select: { code: true, name: true } }, fraudCase: { select: { caseNumber: true } },
} satisfies Prisma.DisciplinaryMeasureSelect;

export type MeasureDto = {
  id: string; unitCode: string; unitName: string; personName: string; personIdNumber: string | null; measure: MeasureKind;
  startsOn: string; endsOn: string | null; revokedOn: string | null; reason: string; caseNumber: string | null; state: MeasureState; daysLeft: number | null; version: number;
};

function toDto(m: Prisma.DisciplinaryMeasureGetPayload<{ select: typeof select }>, today: string): MeasureDto {
  const endsOn = m.endsOn ? dateToDay(m.endsOn) : null;
  const startsOn = dateToDay(m.startsOn);
  const revokedOn = m.revokedOn ? dateToDay(m.revokedOn) : null;
  return {
    id: m.id, unitCode: m.unit.code, unitName: m.unit.name, personName: maskName(m.personName)!, personIdNumber: maskIdNumber(m.personIdNumber),
    measure: m.measure, startsOn, endsOn, revokedOn, reason: m.reason, caseNumber: m.fraudCase?.caseNumber ?? null,
    state: measureState({ startsOn, endsOn, revokedOn }, today), daysLeft: !revokedOn && endsOn && endsOn >= today ? daysBetween(today, endsOn) : null, version: m.version,
  };
}

/** The `where` of a register filter; null when it names a unit outside the jurisdiction. */
export async function measureWhere(actor: Actor, q: Omit<MeasuresQuery, "page">, today = chinaToday()): Promise<Prisma.DisciplinaryMeasureWhereInput | null> {
  const unitPath = await filterUnitPath(actor, q.unit);
  if (unitPath === null) return null;
  const t = dayToDate(today);
  const state: Prisma.DisciplinaryMeasureWhereInput =
    q.state === "active" ? { startsOn: { lte: t }, endsOn: { gte: t }, revokedOn: null }
    : q.state === "ending" ? { startsOn: { lte: t }, endsOn: { gte: t, lte: dayToDate(addDays(today, ENDING_SOON_DAYS)) }, revokedOn: null }
    : q.state === "ended" ? { OR: [{ endsOn: { lt: t } }, { revokedOn: { not: null } }] }
    : q.state === "revoked" ? { revokedOn: { not: null } }
    : {};
  return {
    AND: [
      inJurisdiction(actor),
      unitPath ? { unit: unitSubtree(unitPath) } : {},
      q.measure ? { measure: q.measure } : {},
      q.from || q.to ? { startsOn: { ...(q.from ? { gte: dayToDate(q.from) } : {}), ...(q.to ? { lte: dayToDate(q.to) } : {}) } } : {},
      state,
    ],
  };
}

export const MEASURES_PAGE_SIZE = 50;

/** The register, masked: ending-soon measures first, then by end date, then newest. */
export async function listMeasures(actor: Actor, q: MeasuresQuery) {
  await requirePersons(actor);
  const today = chinaToday();
  const where = await measureWhere(actor, q, today);
  const page = q.page ?? 1;
  if (!where) return { items: [], total: 0, page, pageCount: 0 };
  const [rows, total] = await Promise.all([
    getDb().disciplinaryMeasure.findMany({
      where, select, orderBy: [{ endsOn: { sort: "asc", nulls: "last" } }, { startsOn: "desc" }, { id: "asc" }],
      skip: (page - 1) * MEASURES_PAGE_SIZE, take: MEASURES_PAGE_SIZE,
    }),
    getDb().disciplinaryMeasure.count({ where }),
  ]);
  return { items: rows.map((r) => toDto(r, today)), total, page, pageCount: Math.ceil(total / MEASURES_PAGE_SIZE) };
}

/** Every row of a filter, for the export (capped), masked. */
export async function allMeasures(actor: Actor, q: Omit<MeasuresQuery, "page">, cap = 20_000): Promise<MeasureDto[]> {
  await requirePersons(actor);
  const today = chinaToday();
  const where = await measureWhere(actor, q, today);
  if (!where) return [];
  const rows = await getDb().disciplinaryMeasure.findMany({ where, select, orderBy: [{ startsOn: "desc" }, { id: "asc" }], take: cap });
  return rows.map((r) => toDto(r, today));
}

export const getMeasure = command({
  name: "publicity.measure.get", permission: "publicity:read",
  summary: "One disciplinary measure, masked",
  input: idSchema, audit: false,
  async run({ actor, input: { id }, db, now }): Promise<MeasureDto> {
    await requirePersons(actor);
    const row = await db.disciplinaryMeasure.findFirst({ where: { id, ...inJurisdiction(actor) }, select });
    if (!row) throw await outOfScope(actor, "DisciplinaryMeasure", id, async () => (await db.disciplinaryMeasure.count({ where: { id } })) > 0);
    return toDto(row, chinaToday(now));
  },
});

/** A linked case must be one the actor can see. */
async function resolveCase(tx: Tx, actor: Actor, caseNumber: string | undefined): Promise<string | null> {
  if (!caseNumber) return null;
  const c = await tx.fraudCase.findFirst({ where: { caseNumber, ...inJurisdiction(actor) }, select: { id: true } });
  if (!c) throw new AppError("VALIDATION", "unknown case", [{ path: "caseNumber", code: "unknown_case", message: "no such case in your jurisdiction" }]);
  return c.id;
}

export const createMeasure = command({
  name: "publicity.measure.create", permission: "publicity:write",
  summary: "Record a 反诈法 art. 38 measure",
  input: createMeasureSchema, audit: ["publicity.measure.create"],
  async run({ actor, input, tx }): Promise<{ id: string }> {
    const unit = await resolveUnit(tx, actor, input.unitCode);
    const caseId = await resolveCase(tx, actor, input.caseNumber);
    const created = await tx.disciplinaryMeasure.create({
      data: {
        unitId: unit.id, personName: input.personName, personIdNumber: input.personIdNumber ?? null, measure: input.measure,
        startsOn: dayToDate(input.startsOn), endsOn: input.endsOn ? dayToDate(input.endsOn) : null, reason: input.reason, caseId,
      },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: "publicity.measure.create", success: true, entityType: "DisciplinaryMeasure", entityId: created.id,
      details: { unit: unit.code, measure: input.measure, person: maskName(input.personName), startsOn: input.startsOn, endsOn: input.endsOn ?? null },
    });
    return created;
  },
});

export const updateMeasure = command({
  name: "publicity.measure.update", permission: "publicity:write",
  summary: "Correct a 反诈法 art. 38 measure",
  input: updateMeasureSchema, audit: ["publicity.measure.update"],
  async run({ actor, input: { id, version, unitCode, caseNumber, personName, personIdNumber, ...input }, tx }): Promise<void> {
    const existing = await tx.disciplinaryMeasure.findFirst({ where: { id, ...inJurisdiction(actor) }, select: { revokedOn: true, unit: { select: { code: true } } } });
    if (!existing) throw await outOfScope(actor, "DisciplinaryMeasure", id, async () => (await tx.disciplinaryMeasure.count({ where: { id } })) > 0);
    // A revocation on appeal is a decision (lib/appeals): its end date is not the register's to move.
    if (existing.revokedOn) throw new AppError("CONFLICT", "the measure was revoked on appeal", [{ path: "id", code: "already_revoked", message: "the measure was revoked on appeal" }]);
    const unit = await resolveUnit(tx, actor, unitCode ?? existing.unit.code);
    const caseId = await resolveCase(tx, actor, caseNumber);
    const { count } = await tx.disciplinaryMeasure.updateMany({
      // revokedOn: a revocation decided while this edit ran is refused as a changed record.
      where: { id, version, revokedOn: null },
      data: {
        unitId: unit.id, measure: input.measure, startsOn: dayToDate(input.startsOn), endsOn: input.endsOn ? dayToDate(input.endsOn) : null,
        reason: input.reason, caseId, ...(personName ? { personName } : {}), ...(personIdNumber ? { personIdNumber } : {}), version: { increment: 1 },
      },
    });
    if (count === 0) throw versionConflict();
    await writeAudit(tx, actor, {
      action: "publicity.measure.update", success: true, entityType: "DisciplinaryMeasure", entityId: id,
      details: { unit: unit.code, measure: input.measure, startsOn: input.startsOn, endsOn: input.endsOn ?? null, identityChanged: !!(personName || personIdNumber) },
    });
  },
});

/** One full identity value, for an actor holding "pii:reveal", with the reason audited. */
export const revealMeasureField = command({
  name: "publicity.measure.reveal", permission: "pii:reveal",
  summary: "Reveal one full identity value of a measure's person (audited with its reason)",
  input: revealMeasureSchema.extend({ reason: revealReasonSchema }).strict(), audit: ["pii.reveal"],
  async run({ actor, input: { id, field, reason }, tx }): Promise<string> {
    const row = await tx.disciplinaryMeasure.findFirst({ where: { id, ...inJurisdiction(actor) }, select: { personName: true, personIdNumber: true } });
    if (!row || row[field] === null) throw notFound("measure");
    await recordReveal(tx, actor, { entityType: "DisciplinaryMeasure", entityId: id, field, reason });
    return row[field]!;
  },
});
