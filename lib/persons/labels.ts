// 易受骗人群 / 高危人员: labels on a person and the precincts' lists by label.
// Recorded labels (ELDERLY_ALONE, STUDENT, a hand-made CARD_SELLING_SUSPECT) are rows of
// person_labels with their home unit, who/when and source (MANUAL | IMPORT). The automatic ones are
// derived from the records by triggers, never written by the app:
//   REPEAT_WARNINGS       ≥ 2 warnings in 90 days, of any unit, a repeat merged into an open
//                         warning counting as one (home unit: the latest warning's unit; read from
//                         persons."priorWarnedAt" and "lastWarnedUnitId", migration person_list_state),
//   PAST_VICTIM           a victim of a case (the unit of the latest case),
//   CARD_SELLING_SUSPECT  an art. 38 measure not revoked (the latest one's unit), or a case suspect
//                         whose ID number or mobile is a person's (the suspect's unit);
// these two are rows of person_derived_labels (migration person_derived_labels, whose view
// person_derived_source states the rule in SQL).
// The date of last contact is the latest reaching contact of any unit: a call, video call, home
// visit or counter interception that reached them, a revisit that reached them, an outreach visit.
// It is persons."lastContactAt" (copied to person_labels), kept by triggers on those records
// (migration person_list_state, which states the same rule in SQL).
import "server-only";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { Prisma } from "@/lib/generated/prisma/client";
import { command } from "@/lib/commands/command";
import { outOfScope } from "@/lib/audit/audit-denied";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError, notFound } from "@/lib/errors";
import { maskAddress, maskName, maskPhone } from "@/lib/pii";
import { DAY_MS } from "@/lib/time/china";
import { routingTable, scopeUnitIds } from "@/lib/units/jurisdiction";
import { noteSchema, optional, unitCodeSchema, uuidSchema } from "@/lib/validation/fields";
import { DERIVED_LABELS, MAX_NOT_CONTACTED_DAYS, PERSON_LABELS, RECORDED_LABELS, REPEAT_WINDOW_DAYS, type PersonLabelKind } from "@/lib/persons/label-constants";

/** The units a list or an outreach covers: the caller's jurisdiction, or one unit's subtree in it (404 outside). */
export async function labelUnits(actor: Actor, code: string | undefined): Promise<string[]> {
  const scope = await scopeUnitIds(actor.scopePath);
  if (!code || code === actor.unitCode) return scope;
  const table = await routingTable();
  const u = table.byCode.get(code);
  if (!u) throw notFound("unit");
  if (!scope.includes(u.id)) throw await outOfScope(actor, "Unit", u.id, async () => true);
  return scopeUnitIds(u.path);
}

export type LabelledRow = {
  personId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  labels: PersonLabelKind[];
  name: string | null;
  phone: string | null;
  address: string | null;
  community: string | null;
  lastContactAt: string | null;
};

type RawRow = {
  pid: string; uid: string; code: string; uname: string; labels: PersonLabelKind[];
  name: string | null; phone: string | null; address: string | null; community: string | null; last: Date | null;
};

/**
 * The labelled persons of `units`, one row per person and home unit, with their labels and last
 * contact, the longest uncontacted first; optionally only one label and only those not contacted
 * since `cutoff`. Unmasked: callers mask.
 *
 * Each source yields its first `limit` (person, unit) keys in the list's order — the recorded and
 * the derived labels by the indexes on person_labels."lastContactAt" and
 * person_derived_labels."lastContactAt", REPEAT_WARNINGS by the range of persons."priorWarnedAt"
 * (all trigger-kept) — so the first `limit` keys of all of them are among these, with every label
 * they hold. Names and phones are then looked up for those rows only.
 */
export async function labelledPersons(
  db: Db | Tx, units: string[], opts: { label?: PersonLabelKind; cutoff?: Date; now: Date; limit: number; only?: string },
): Promise<RawRow[]> {
  const one = (col: string) => (opts.only ? Prisma.sql`AND ${Prisma.raw(col)} = ${opts.only}::uuid` : Prisma.empty);
  const uncontacted = (col: string) => (opts.cutoff ? Prisma.sql`AND (${Prisma.raw(col)} IS NULL OR ${Prisma.raw(col)} < ${opts.cutoff})` : Prisma.empty);
  const order = (last: string, pid: string, uid: string) => Prisma.raw(`ORDER BY ${last} ASC NULLS FIRST, ${pid}, ${uid}`);
  const since = new Date(opts.now.getTime() - REPEAT_WINDOW_DAYS * DAY_MS);
  const want = (l: PersonLabelKind) => !opts.label || opts.label === l;
  const n = opts.limit;
  // Recorded and derived label rows: a person holds at most one per label and unit, read by the
  // index on "lastContactAt" in the list's order.
  const labelRows = (table: string, kinds: readonly PersonLabelKind[]) => {
    const ks = kinds.filter(want);
    return ks.length === 0 ? [] : [Prisma.sql`SELECT l."personId" AS pid, l."unitId" AS uid, l.label::text AS label, l."lastContactAt" AS last FROM ${Prisma.raw(table)} l
      WHERE l."unitId" = ANY(${units}::uuid[]) AND l.label = ANY(${ks}::"PersonLabelKind"[]) ${one('l."personId"')} ${uncontacted('l."lastContactAt"')}
      ${order('l."lastContactAt"', 'l."personId"', 'l."unitId"')} LIMIT ${n * ks.length}`];
  };
  const parts: Prisma.Sql[] = [...labelRows("person_labels", RECORDED_LABELS), ...labelRows("person_derived_labels", DERIVED_LABELS)];
  // REPEAT_MIN warnings in the window: the REPEAT_MIN-th latest (priorWarnedAt) falls in it.
  if (want("REPEAT_WARNINGS")) parts.push(Prisma.sql`SELECT p.id, p."lastWarnedUnitId", 'REPEAT_WARNINGS', p."lastContactAt" FROM persons p
      WHERE p."priorWarnedAt" >= ${since} AND p."lastWarnedUnitId" = ANY(${units}::uuid[]) ${one("p.id")} ${uncontacted('p."lastContactAt"')}
      ${order('p."lastContactAt"', "p.id", 'p."lastWarnedUnitId"')} LIMIT ${n}`);
  return db.$queryRaw<RawRow[]>`
    WITH lab (pid, uid, label, last) AS (${Prisma.join(parts.map((p) => Prisma.sql`(${p})`), " UNION ALL ")}),
    top AS (
      SELECT pid, uid, array_agg(DISTINCT label) AS labels, min(last) AS last FROM lab GROUP BY pid, uid
      ${order("min(last)", "pid", "uid")} LIMIT ${n})
    SELECT t.pid, t.uid, u.code, u.name AS uname, t.labels, r.address, r.community, t.last,
      coalesce(r.name,
        (SELECT w."victimName" FROM warnings w WHERE w."personId" = t.pid AND w."unitId" = t.uid AND w."victimName" IS NOT NULL ORDER BY w."receivedAt" DESC LIMIT 1),
        (SELECT v.name FROM case_victims v JOIN cases k ON k.id = v."caseId" WHERE v."personId" = t.pid AND k."unitId" = t.uid LIMIT 1),
        (SELECT m."personName" FROM disciplinary_measures m WHERE m."personId" = t.pid AND m."unitId" = t.uid LIMIT 1)) AS name,
      coalesce(r.phone,
        (SELECT w."victimPhone" FROM warnings w WHERE w."personId" = t.pid AND w."unitId" = t.uid AND w."victimPhone" IS NOT NULL ORDER BY w."receivedAt" DESC LIMIT 1),
        (SELECT v.phone FROM case_victims v JOIN cases k ON k.id = v."caseId" WHERE v."personId" = t.pid AND k."unitId" = t.uid AND v.phone IS NOT NULL LIMIT 1)) AS phone
    FROM top t JOIN units u ON u.id = t.uid
    LEFT JOIN LATERAL (SELECT max(l.name) AS name, max(l.phone) AS phone, max(l.address) AS address, max(l.community) AS community
      FROM person_labels l WHERE l."personId" = t.pid AND l."unitId" = t.uid ${opts.label ? Prisma.sql`AND l.label = ${opts.label}::"PersonLabelKind"` : Prisma.empty}) r ON TRUE
    ${order("t.last", "t.pid", "t.uid")}`;
}

const MAX_ROWS = 500;

export const labelsQuerySchema = z
  .object({
    label: optional(z.enum(PERSON_LABELS, "invalid_label")),
    /** Only persons not contacted in this many days (never contacted included). */
    notContactedDays: optional(z.coerce.number("invalid_number").int("not_integer").min(1, "too_small").max(MAX_NOT_CONTACTED_DAYS, "too_big")),
    /** One unit of the caller's jurisdiction (and its subtree). */
    unit: optional(unitCodeSchema),
  })
  .strict();
export type LabelsQuery = z.infer<typeof labelsQuerySchema>;

/** The precinct list: labelled persons of the caller's jurisdiction, masked, the longest uncontacted first. */
export async function vulnerableList(actor: Actor, q: LabelsQuery, now = new Date()) {
  const units = await labelUnits(actor, q.unit);
  const cutoff = q.notContactedDays ? new Date(now.getTime() - q.notContactedDays * DAY_MS) : undefined;
  const rows = await labelledPersons(getDb(), units, { label: q.label, cutoff, now, limit: MAX_ROWS });
  return {
    items: rows.map((r): LabelledRow => ({
      personId: r.pid, unitId: r.uid, unitCode: r.code, unitName: r.uname,
      labels: PERSON_LABELS.filter((l) => r.labels.includes(l)),
      name: maskName(r.name), phone: maskPhone(r.phone), address: maskAddress(r.address), community: r.community,
      lastContactAt: r.last?.toISOString() ?? null,
    })),
    truncated: rows.length === MAX_ROWS,
  };
}

/** GET /api/v1/persons/labels */
export const listLabelledPersons = command({
  name: "person.labels.list", permission: "persons:read",
  summary: "Vulnerable and high-risk persons (易受骗人群/高危人员) of the caller's jurisdiction by label, with the date of last contact (masked)",
  input: labelsQuerySchema, audit: false,
  run: ({ actor, input, now }) => vulnerableList(actor, input, now),
});

/** The labels the caller's jurisdiction gives a person (derived and recorded), for the person's file. */
export async function labelsOf(actor: Actor, personId: string, now = new Date()) {
  const units = await scopeUnitIds(actor.scopePath);
  const rows = await labelledPersons(getDb(), units, { now, limit: 50, only: personId });
  return PERSON_LABELS.filter((l) => rows.some((r) => r.labels.includes(l)));
}

export const addLabelSchema = z
  .object({
    id: uuidSchema,
    label: z.enum(RECORDED_LABELS, "invalid_label"),
    /** The home unit (default: the caller's). */
    unit: optional(unitCodeSchema),
    note: optional(noteSchema),
  })
  .strict();

/**
 * POST /api/v1/persons/{id}/labels: a manual label on a person whose file the caller's jurisdiction
 * holds, in a home unit of that jurisdiction. Adding a label already held changes nothing.
 */
export const addPersonLabel = command({
  name: "person.label.add", permission: "persons:label",
  summary: "Label a person of the caller's jurisdiction (独居老人, 学生, 涉嫌买卖两卡) in a home unit",
  input: addLabelSchema, audit: ["person.label.add"],
  async run({ actor, input, tx }) {
    const scope = await scopeUnitIds(actor.scopePath);
    if (!(await personInScope(tx, input.id, scope))) {
      throw await outOfScope(actor, "Person", input.id, async () => (await tx.person.count({ where: { id: input.id } })) > 0);
    }
    const unitId = input.unit ? (await routingTable()).byCode.get(input.unit)?.id : actor.unitId;
    if (!unitId || !scope.includes(unitId)) throw new AppError("VALIDATION", "unknown unit", [{ path: "unit", code: "unknown_unit", message: "unknown_unit" }]);
    const existing = await tx.personLabel.findUnique({ where: { personId_label_unitId: { personId: input.id, label: input.label, unitId } }, select: { id: true } });
    if (existing) return { id: existing.id, created: false };
    const row = await tx.personLabel.create({
      data: { personId: input.id, label: input.label, unitId, source: "MANUAL", note: input.note ?? null, createdById: actor.id },
      select: { id: true },
    });
    await writeAudit(tx, actor, { action: "person.label.add", success: true, entityType: "Person", entityId: input.id, details: { label: input.label, unitId, source: "MANUAL", labelId: row.id } });
    return { id: row.id, created: true };
  },
});

export const removeLabelSchema = z.object({ id: uuidSchema, labelId: uuidSchema }).strict();

/**
 * DELETE /api/v1/persons/{id}/labels/{labelId}: a recorded label (by hand or from a community's
 * list) of a home unit in the caller's jurisdiction ends — the person moved, is no longer a
 * student, was listed by mistake. Derived labels end by themselves with the records they come from.
 */
export const removePersonLabel = command({
  name: "person.label.remove", permission: "persons:label",
  summary: "Remove a recorded label (独居老人, 学生, 涉嫌买卖两卡) of a home unit in the caller's jurisdiction",
  input: removeLabelSchema, audit: ["person.label.remove"],
  async run({ actor, input, tx }) {
    const scope = await scopeUnitIds(actor.scopePath);
    const label = await tx.personLabel.findFirst({
      where: { id: input.labelId, personId: input.id },
      select: { id: true, label: true, unitId: true, source: true, community: true },
    });
    if (!label || !scope.includes(label.unitId)) {
      // A label of another jurisdiction, or a person the caller's jurisdiction does not hold: the
      // audited 404. A label no longer there on a person of the jurisdiction: a plain 404.
      if (label || !(await personInScope(tx, input.id, scope))) {
        throw await outOfScope(actor, "Person", input.id, async () => (await tx.person.count({ where: { id: input.id } })) > 0);
      }
      throw notFound("label");
    }
    await tx.personLabel.delete({ where: { id: label.id } });
    await writeAudit(tx, actor, {
      action: "person.label.remove", success: true, entityType: "Person", entityId: input.id,
      details: { labelId: label.id, label: label.label, unitId: label.unitId, source: label.source, community: label.community },
    });
    return { id: label.id, removed: true };
  },
});

/** Whether a record of the scope names the person (the file's rule), or a label of the scope does. */
async function personInScope(db: Db | Tx, personId: string, units: string[]): Promise<boolean> {
  const [hit] = await db.$queryRaw<{ ok: boolean }[]>`SELECT
       EXISTS (SELECT 1 FROM warnings w WHERE w."personId" = ${personId}::uuid AND w."unitId" = ANY(${units}::uuid[]))
    OR EXISTS (SELECT 1 FROM dissuasion_actions a WHERE a."personId" = ${personId}::uuid AND a."unitId" = ANY(${units}::uuid[]))
    OR EXISTS (SELECT 1 FROM case_victims v JOIN cases k ON k.id = v."caseId" WHERE v."personId" = ${personId}::uuid AND k."unitId" = ANY(${units}::uuid[]))
    OR EXISTS (SELECT 1 FROM disciplinary_measures m WHERE m."personId" = ${personId}::uuid AND m."unitId" = ANY(${units}::uuid[]))
    OR EXISTS (SELECT 1 FROM person_labels l WHERE l."personId" = ${personId}::uuid AND l."unitId" = ANY(${units}::uuid[])) AS ok`;
  return !!hit?.ok;
}
