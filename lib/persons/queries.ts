// 一人一档: a person's file, read part by part within the actor's jurisdiction. PostgreSQL links
// the records (migration person_file); here every part is filtered by the unit of the record it
// comes from — a warning's and its repeats' and actions' by the warning's unit, a counter
// interception's and a measure's by their own, a case victim's by the case's — so a precinct sees
// the parts of a file that belong to records it may see, and a file with none of them is a 404.
import "server-only";
import { z } from "zod";
import { getDb, type Db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { command } from "@/lib/commands/command";
import { outOfScope } from "@/lib/audit/audit-denied";
import { Prisma } from "@/lib/generated/prisma/client";
import { maskIdNumber, maskName, maskPhone, normalizeIdNumber, normalizePhone } from "@/lib/pii";
import { DAY_MS, chinaDayStart, chinaToday } from "@/lib/time/china";
import { recordScope } from "@/lib/units/jurisdiction";
import { uuidSchema } from "@/lib/validation/fields";

/** The unit ids whose records the actor sees, null for every unit (recordScope). */
const scopeOf = (actor: Actor) => recordScope(actor.scopePath);
const unitIn = (units: string[] | null) => (units ? { in: units } : undefined);

export type MaskedIdentifier = { id: string; kind: "MOBILE" | "ID_NUMBER"; masked: string };

const maskOf = (kind: "MOBILE" | "ID_NUMBER", value: string) => (kind === "MOBILE" ? maskPhone(value) : maskIdNumber(value)) ?? "";

/** Normalised identifiers a set of records carries (the identity a reader may see is what its records name). */
function carried(values: (string | null | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const v of values) {
    if (!v) continue;
    out.add(normalizePhone(v));
    out.add(normalizeIdNumber(v));
  }
  return out;
}

type Numbers<K extends string> = Record<K, string | null>;
/** The records of a person a reader holds, by the numbers each carries. */
type CarryingRecords = {
  warnings: Numbers<"victimPhone" | "victimIdNumber">[]; repeats: Numbers<"victimPhone" | "victimIdNumber">[];
  actions: Numbers<"customerPhone" | "customerIdNumber">[]; victims: Numbers<"phone" | "idNumber">[];
  measures: Numbers<"personIdNumber">[]; labels: Numbers<"phone" | "idNumber">[];
};

/** The numbers those records carry: what of a person's identity the reader may see and find them by. */
function carriedBy(r: CarryingRecords): Set<string> {
  return carried([
    ...r.warnings.flatMap((w) => [w.victimPhone, w.victimIdNumber]),
    ...r.repeats.flatMap((s) => [s.victimPhone, s.victimIdNumber]),
    ...r.actions.flatMap((a) => [a.customerPhone, a.customerIdNumber]),
    ...r.victims.flatMap((v) => [v.phone, v.idNumber]),
    ...r.measures.map((m) => m.personIdNumber),
    ...r.labels.flatMap((l) => [l.phone, l.idNumber]),
  ]);
}

export type TimelineEntry = {
  key: string;
  at: string;
  kind: "WARNING" | "REPEAT" | "ACTION" | "INTERCEPT" | "CASE_VICTIM" | "MEASURE" | "LABEL";
  href: string;
  unit: string;
  /** What to say about it: enum codes and amounts the page translates. */
  detail: Record<string, string | boolean | null>;
};

const LIMIT = 200;

/** Everything of the file the actor may see, or null when nothing is (the caller answers 404). */
async function readFile(db: Db | Tx, actor: Actor, personId: string, now: Date) {
  const units = await scopeOf(actor);
  const [warnings, repeats, intercepts, victims, measures, labels] = await Promise.all([
    db.warning.findMany({
      where: { personId, unitId: unitIn(units) },
      orderBy: { receivedAt: "desc" }, take: LIMIT,
      select: {
        id: true, receivedAt: true, source: true, riskLevel: true, fraudType: true, status: true, outcome: true, amountAtRisk: true,
        victimName: true, victimPhone: true, victimIdNumber: true, unit: { select: { name: true } },
        actions: { orderBy: { occurredAt: "desc" }, take: 50, select: { id: true, kind: true, result: true, occurredAt: true, amountProtected: true, appRegistered: true, followUpOn: true, unit: { select: { name: true } } } },
      },
    }),
    db.warningSighting.findMany({
      where: { personId, warning: { unitId: unitIn(units) } },
      orderBy: { receivedAt: "desc" }, take: LIMIT,
      select: { id: true, warningId: true, receivedAt: true, source: true, riskLevel: true, victimPhone: true, victimIdNumber: true, warning: { select: { unit: { select: { name: true } } } } },
    }),
    db.dissuasionAction.findMany({
      where: { personId, unitId: unitIn(units) },
      orderBy: { occurredAt: "desc" }, take: LIMIT,
      select: { id: true, warningId: true, kind: true, result: true, occurredAt: true, amountProtected: true, appRegistered: true, bankName: true, customerName: true, customerPhone: true, customerIdNumber: true, unit: { select: { name: true } } },
    }),
    db.caseVictim.findMany({
      where: { personId, fraudCase: { unitId: unitIn(units) } },
      orderBy: { createdAt: "desc" }, take: LIMIT,
      select: { id: true, name: true, phone: true, idNumber: true, lossAmount: true, createdAt: true, fraudCase: { select: { id: true, caseNumber: true, status: true, reportedAt: true, unit: { select: { name: true } } } } },
    }),
    db.disciplinaryMeasure.findMany({
      where: { personId, unitId: unitIn(units) },
      orderBy: { startsOn: "desc" }, take: LIMIT,
      select: { id: true, personName: true, personIdNumber: true, measure: true, startsOn: true, endsOn: true, createdAt: true, unit: { select: { name: true } } },
    }),
    // Recorded labels (独居老人, 学生, 涉嫌买卖两卡 by hand or a community's list) of the jurisdiction's home units.
    db.personLabel.findMany({
      where: { personId, unitId: unitIn(units) },
      orderBy: { createdAt: "desc" }, take: LIMIT,
      select: { id: true, label: true, source: true, community: true, name: true, phone: true, idNumber: true, createdAt: true, unit: { select: { name: true } } },
    }),
  ]);
  if (!warnings.length && !repeats.length && !intercepts.length && !victims.length && !measures.length && !labels.length) return null;

  const identifiers = await db.personIdentifier.findMany({ where: { personId }, orderBy: [{ kind: "asc" }, { createdAt: "asc" }], select: { id: true, kind: true, value: true } });
  const seen = carriedBy({ warnings, repeats, actions: intercepts, victims, measures, labels });
  const names = [...warnings.map((w) => w.victimName), ...victims.map((v) => v.name), ...intercepts.map((a) => a.customerName), ...measures.map((m) => m.personName), ...labels.map((l) => l.name)]
    .filter((n): n is string => !!n);

  const timeline: TimelineEntry[] = [];
  const money = (d: Prisma.Decimal | null) => (d ? d.toFixed(2) : null);
  for (const w of warnings) {
    timeline.push({ key: `w:${w.id}`, at: w.receivedAt.toISOString(), kind: "WARNING", href: `/warnings/${w.id}`, unit: w.unit.name, detail: { source: w.source, riskLevel: w.riskLevel, fraudType: w.fraudType, status: w.status, outcome: w.outcome, amount: money(w.amountAtRisk) } });
    for (const a of w.actions) {
      timeline.push({ key: `a:${a.id}`, at: a.occurredAt.toISOString(), kind: "ACTION", href: `/warnings/${w.id}`, unit: a.unit.name, detail: { actionKind: a.kind, result: a.result, amount: a.amountProtected.isZero() ? null : money(a.amountProtected), appRegistered: a.appRegistered, followUpOn: a.followUpOn?.toISOString().slice(0, 10) ?? null } });
    }
  }
  for (const s of repeats) timeline.push({ key: `s:${s.id}`, at: s.receivedAt.toISOString(), kind: "REPEAT", href: `/warnings/${s.warningId}`, unit: s.warning.unit.name, detail: { source: s.source, riskLevel: s.riskLevel } });
  const warningActionIds = new Set(warnings.flatMap((w) => w.actions.map((a) => a.id)));
  for (const a of intercepts) {
    if (warningActionIds.has(a.id)) continue;
    timeline.push({ key: `a:${a.id}`, at: a.occurredAt.toISOString(), kind: "INTERCEPT", href: a.warningId ? `/warnings/${a.warningId}` : "/field/precinct", unit: a.unit.name, detail: { actionKind: a.kind, result: a.result, bank: a.bankName, amount: a.amountProtected.isZero() ? null : money(a.amountProtected), appRegistered: a.appRegistered } });
  }
  for (const v of victims) timeline.push({ key: `v:${v.id}`, at: v.fraudCase.reportedAt.toISOString(), kind: "CASE_VICTIM", href: `/cases/${v.fraudCase.id}`, unit: v.fraudCase.unit.name, detail: { caseNumber: v.fraudCase.caseNumber, caseStatus: v.fraudCase.status, amount: money(v.lossAmount) } });
  for (const m of measures) timeline.push({ key: `m:${m.id}`, at: m.startsOn.toISOString(), kind: "MEASURE", href: `/publicity/measures/${m.id}`, unit: m.unit.name, detail: { measure: m.measure, endsOn: m.endsOn?.toISOString().slice(0, 10) ?? null } });
  for (const l of labels) timeline.push({ key: `l:${l.id}`, at: l.createdAt.toISOString(), kind: "LABEL", href: "/field/vulnerable", unit: l.unit.name, detail: { labelId: l.id, label: l.label, source: l.source, community: l.community } });
  timeline.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.key.localeCompare(b.key)));

  const today = chinaToday(now);
  const monthStart = chinaDayStart(`${today.slice(0, 7)}-01`);
  const yearStart = chinaDayStart(`${today.slice(0, 4)}-01-01`);
  const protectedFen = [...warnings.flatMap((w) => w.actions), ...intercepts.filter((a) => !warningActionIds.has(a.id))].reduce((s, a) => s.plus(a.amountProtected), new Prisma.Decimal(0));
  const counts = {
    warningsThisMonth: warnings.filter((w) => w.receivedAt >= monthStart).length,
    warningsThisYear: warnings.filter((w) => w.receivedAt >= yearStart).length,
    warningsTotal: warnings.length,
    casesAsVictim: new Set(victims.map((v) => v.fraudCase.id)).size,
    losses: victims.reduce((s, v) => s.plus(v.lossAmount), new Prisma.Decimal(0)).toFixed(2),
    amountProtected: protectedFen.toFixed(2),
    appRegistered: [...warnings.flatMap((w) => w.actions), ...intercepts].some((a) => a.appRegistered),
  };
  return {
    identifiers: identifiers.filter((i) => seen.has(i.value)).map((i) => ({ id: i.id, kind: i.kind, value: i.value })),
    name: maskName(names[0]),
    counts,
    timeline,
  };
}

/** The person's file as the actor may see it, masked; 404 (audited when the person exists) when none of it is the actor's. */
export async function getPersonFile(actor: Actor, id: string, now = new Date()) {
  const db = getDb();
  const file = await readFile(db, actor, id, now);
  if (!file) throw await outOfScope(actor, "Person", id, async () => (await db.person.count({ where: { id } })) > 0);
  return {
    id,
    name: file.name,
    identifiers: file.identifiers.map(({ id: identifierId, kind, value }): MaskedIdentifier => ({ id: identifierId, kind, masked: maskOf(kind, value) })),
    counts: file.counts,
    timeline: file.timeline,
  };
}
export type PersonFile = Awaited<ReturnType<typeof getPersonFile>>;

/** The full value of one of the person's numbers the actor's records carry (the reveal's read; the caller audits). */
export async function identifierForReveal(db: Db | Tx, actor: Actor, personId: string, identifierId: string): Promise<string | null> {
  const file = await readFile(db, actor, personId, new Date());
  return file?.identifiers.find((i) => i.id === identifierId)?.value ?? null;
}

/** GET /api/v1/persons/{id}: the file, masked. */
export const showPerson = command({
  name: "person.get", permission: "persons:read",
  summary: "A person's file (一人一档) as the caller's jurisdiction sees it: masked identity, counts and the timeline of the records naming the person",
  input: z.object({ id: uuidSchema }).strict(), audit: false,
  run: ({ actor, input }) => getPersonFile(actor, input.id),
});

/**
 * The link from a record to its person's file, with the person's warnings of the last 90 days in
 * the actor's jurisdiction; null when the record names no one. The record itself was found in the
 * actor's jurisdiction by the page that shows it.
 */
export async function personLinkOf(actor: Actor, record: { warningId: string } | { caseVictimId: string } | { actionId: string }, now = new Date()) {
  const db = getDb();
  const personId =
    "warningId" in record ? (await db.warning.findUnique({ where: { id: record.warningId }, select: { personId: true } }))?.personId
    : "caseVictimId" in record ? (await db.caseVictim.findUnique({ where: { id: record.caseVictimId }, select: { personId: true } }))?.personId
    : await db.dissuasionAction.findUnique({ where: { id: record.actionId }, select: { personId: true, warning: { select: { personId: true } } } }).then((a) => a?.personId ?? a?.warning?.personId);
  if (!personId) return null;
  const units = await scopeOf(actor);
  const warnings90d = await db.warning.count({ where: { personId, unitId: unitIn(units), receivedAt: { gte: new Date(now.getTime() - 90 * DAY_MS) } } });
  return { personId, warnings90d };
}

/** Person links for many case victims at once (the case page's victims). */
export async function personLinksOfVictims(actor: Actor, victimIds: string[], now = new Date()) {
  const db = getDb();
  const rows = await db.caseVictim.findMany({ where: { id: { in: victimIds }, personId: { not: null } }, select: { id: true, personId: true } });
  const units = await scopeOf(actor);
  const counts = await db.warning.groupBy({
    by: ["personId"], _count: true,
    where: { personId: { in: rows.map((r) => r.personId!) }, unitId: unitIn(units), receivedAt: { gte: new Date(now.getTime() - 90 * DAY_MS) } },
  });
  const n = new Map(counts.map((c) => [c.personId, c._count]));
  return new Map(rows.map((r) => [r.id, { personId: r.personId!, warnings90d: n.get(r.personId) ?? 0 }]));
}

// ───────────── tail search ─────────────

export const TAIL = /^[0-9X]{4}$/;

export type PersonHit = { id: string; identifiers: MaskedIdentifier[]; lastWarningAt: string | null };

/**
 * Persons with a number ending in `tail` and a record in the actor's jurisdiction (masked), the
 * most recently warned first. An index-only scan of (tail4, personId), then per candidate its
 * latest warning (one probe of warnings' (personId, receivedAt)) and, for one never warned there,
 * a probe of the other record tables' personId indexes. The candidates are materialised so that
 * the latest warning is read once, and the other tables are one EXISTS over UNION ALL: as ORs of
 * EXISTS the planner hashed all of case_victims for every search (~50 ms at the city-year).
 */
export async function tailSearch(actor: Actor, tail: string, limit = 50, only?: string): Promise<PersonHit[]> {
  const db = getDb();
  const units = await scopeOf(actor);
  const inScope = (col: Prisma.Sql) => (units ? Prisma.sql`AND ${col} = ANY(${units}::uuid[])` : Prisma.empty);
  const rows = await db.$queryRaw<{ personId: string; last: Date | null }[]>`
    WITH c AS MATERIALIZED (
      SELECT p."personId", (SELECT max(w."receivedAt") FROM warnings w WHERE w."personId" = p."personId" ${inScope(Prisma.sql`w."unitId"`)}) AS last
      FROM (SELECT DISTINCT "personId" FROM person_identifiers WHERE tail4 = ${tail} ${only ? Prisma.sql`AND "personId" = ${only}::uuid` : Prisma.empty}) p
    )
    SELECT c."personId", c.last FROM c
    WHERE c.last IS NOT NULL OR EXISTS (
      SELECT 1 FROM dissuasion_actions a WHERE a."personId" = c."personId" ${inScope(Prisma.sql`a."unitId"`)}
      UNION ALL SELECT 1 FROM case_victims v JOIN cases k ON k.id = v."caseId" WHERE v."personId" = c."personId" ${inScope(Prisma.sql`k."unitId"`)}
      UNION ALL SELECT 1 FROM disciplinary_measures m WHERE m."personId" = c."personId" ${inScope(Prisma.sql`m."unitId"`)}
      UNION ALL SELECT 1 FROM person_labels l WHERE l."personId" = c."personId" ${inScope(Prisma.sql`l."unitId"`)})
    ORDER BY c.last DESC NULLS LAST, c."personId"
    LIMIT ${limit}`;
  if (!rows.length) return [];
  const personIds = rows.map((r) => r.personId);
  const ids = await db.personIdentifier.findMany({ where: { personId: { in: personIds }, tail4: tail }, select: { id: true, personId: true, kind: true, value: true } });
  // A number answers only when the jurisdiction's own records carry it (the file's rule): another
  // jurisdiction's record's ID number is not this reader's to learn, nor to find the person by.
  const seen = units ? await carriedIn(db, personIds, units) : null;
  return rows
    .map((r) => ({
      id: r.personId,
      identifiers: ids.filter((i) => i.personId === r.personId && (!seen || seen.has(i.value))).map((i) => ({ id: i.id, kind: i.kind, masked: maskOf(i.kind, i.value) })),
      lastWarningAt: r.last?.toISOString() ?? null,
    }))
    .filter((hit) => hit.identifiers.length > 0);
}

/** The numbers the jurisdiction's records of these persons carry (readFile's `seen`, for many persons). */
async function carriedIn(db: Db, personIds: string[], units: string[]): Promise<Set<string>> {
  const of = { personId: { in: personIds } };
  const [warnings, repeats, actions, victims, measures, labels] = await Promise.all([
    db.warning.findMany({ where: { ...of, unitId: { in: units } }, distinct: ["victimPhone", "victimIdNumber"], select: { victimPhone: true, victimIdNumber: true } }),
    db.warningSighting.findMany({ where: { ...of, warning: { unitId: { in: units } } }, distinct: ["victimPhone", "victimIdNumber"], select: { victimPhone: true, victimIdNumber: true } }),
    db.dissuasionAction.findMany({ where: { ...of, unitId: { in: units } }, distinct: ["customerPhone", "customerIdNumber"], select: { customerPhone: true, customerIdNumber: true } }),
    db.caseVictim.findMany({ where: { ...of, fraudCase: { unitId: { in: units } } }, distinct: ["phone", "idNumber"], select: { phone: true, idNumber: true } }),
    db.disciplinaryMeasure.findMany({ where: { ...of, unitId: { in: units } }, distinct: ["personIdNumber"], select: { personIdNumber: true } }),
    db.personLabel.findMany({ where: { ...of, unitId: { in: units } }, distinct: ["phone", "idNumber"], select: { phone: true, idNumber: true } }),
  ]);
  return carriedBy({ warnings, repeats, actions, victims, measures, labels });
}

export const tailSchema = z.object({ tail: z.string().trim().toUpperCase().regex(TAIL, "invalid_tail") }).strict();

/** GET /api/v1/persons?tail=1234 */
export const searchPersonsByTail = command({
  name: "person.search_tail", permission: "persons:read",
  summary: "Persons of the caller's jurisdiction with a mobile or ID number ending in the given four characters (masked)",
  input: tailSchema, audit: false,
  run: async ({ actor, input }) => ({ items: await tailSearch(actor, input.tail) }),
});
