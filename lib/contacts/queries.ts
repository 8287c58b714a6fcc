// 串并案 reads: the contacts of a warning or case with how many other records of the actor's
// jurisdiction share each, the cluster list (contacts shared by several records) and one contact's
// cluster (its records, and the other contacts those records carry). Every count and list is
// scoped by the records' units (scopeUnitIds); a contact is "in" a case through the case's own
// entries and freezes (case_contacts) and through the warnings linked to the case.
import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseStatus, FraudContactKind, FraudType, WarningStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { command } from "@/lib/commands/command";
import { outOfScope } from "@/lib/audit/audit-denied";
import { scopeUnitIds, unitSubtree } from "@/lib/units/jurisdiction";
import { addDays, chinaDayEnd, chinaDayStart, chinaToday } from "@/lib/time/china";
import { displayContact } from "@/lib/contacts/normalize";
import { clusterFilterSchema, clusterSchema, recordContactsSchema, type ClusterFilter } from "@/lib/contacts/schemas";

export type ContactWithCounts = { id: string; kind: FraudContactKind; display: string; otherWarnings: number; otherCases: number };

const units = (actor: Actor) => scopeUnitIds(actor.scopePath);

/**
 * The counts of each contact's records in `unitIds`, leaving out one warning / one case and its
 * warnings. Warnings: the rollup contact_units' sum for the units (a row per unit, however many
 * warnings share the contact — tens of thousands for a platform's number) less the left-out
 * warnings that carry it. Cases: its case links, and the cases of the warnings carrying it, found
 * from the few warnings that have a case (a probe each), never by reading every link of the contact.
 */
async function countsOf(contactIds: string[], unitIds: string[], except: { warningId?: string; caseId?: string }): Promise<Map<string, { w: number; c: number }>> {
  if (!contactIds.length) return new Map();
  const exW = except.warningId ?? null;
  const exC = except.caseId ?? null;
  const rows = await getDb().$queryRaw<{ id: string; w: bigint; c: bigint }[]>`
    SELECT x.id::text AS id,
      (SELECT coalesce(sum(u.warnings), 0) FROM contact_units u WHERE u."contactId" = x.id AND u."unitId" = ANY(${unitIds}::uuid[]))
      - (SELECT count(*) FROM warnings w
          WHERE (w.id = ${exW}::uuid OR w."caseId" = ${exC}::uuid) AND w."unitId" = ANY(${unitIds}::uuid[])
            AND EXISTS (SELECT 1 FROM warning_contacts wc WHERE wc."contactId" = x.id AND wc."warningId" = w.id)) AS w,
      (SELECT count(*) FROM (
          SELECT cc."caseId" AS k FROM case_contacts cc WHERE cc."contactId" = x.id
          UNION SELECT w."caseId" FROM warnings w,
            LATERAL (SELECT 1 FROM warning_contacts wc WHERE wc."contactId" = x.id AND wc."warningId" = w.id LIMIT 1) carries
           WHERE w."caseId" IS NOT NULL
        ) s JOIN cases k ON k.id = s.k
        WHERE k."unitId" = ANY(${unitIds}::uuid[]) AND k.id IS DISTINCT FROM ${exC}::uuid) AS c
    FROM unnest(${contactIds}::uuid[]) AS x(id)`;
  return new Map(rows.map((r) => [r.id, { w: Number(r.w), c: Number(r.c) }]));
}

async function withCounts(contacts: { id: string; kind: FraudContactKind; value: string }[], actor: Actor, except: { warningId?: string; caseId?: string }): Promise<ContactWithCounts[]> {
  const counts = await countsOf(contacts.map((c) => c.id), await units(actor), except);
  return contacts
    .map((c) => ({ id: c.id, kind: c.kind, display: displayContact(c.kind, c.value), otherWarnings: counts.get(c.id)?.w ?? 0, otherCases: counts.get(c.id)?.c ?? 0 }))
    .sort((a, b) => b.otherWarnings + b.otherCases - (a.otherWarnings + a.otherCases) || a.display.localeCompare(b.display));
}

/** GET /api/v1/cases/{id}/contacts: the case's fraud contacts, each with how many other warnings and cases of the jurisdiction share it. */
export const caseContacts = command({
  name: "case.contacts", permission: "cases:read",
  summary: "The case's fraud contacts (its own, its freezes' accounts, its warnings'), each with the number of other warnings and cases of the caller's jurisdiction sharing it",
  input: recordContactsSchema, audit: false,
  async run({ actor, input }): Promise<{ items: ContactWithCounts[] }> {
    const db = getDb();
    const unitIds = await units(actor);
    const c = await db.fraudCase.findFirst({ where: { id: input.id, unitId: { in: unitIds } }, select: { id: true } });
    if (!c) throw await outOfScope(actor, "FraudCase", input.id, async () => (await db.fraudCase.count({ where: { id: input.id } })) > 0);
    // Raw: Prisma's relation filters ("some") would test every contact; these probe the link indexes.
    const contacts = await db.$queryRaw<{ id: string; kind: FraudContactKind; value: string }[]>`
      SELECT c.id::text AS id, c.kind, c.value FROM fraud_contacts c
       WHERE c.id IN (SELECT "contactId" FROM case_contacts WHERE "caseId" = ${c.id}::uuid
                      UNION SELECT wc."contactId" FROM warnings w JOIN warning_contacts wc ON wc."warningId" = w.id WHERE w."caseId" = ${c.id}::uuid)
       LIMIT 200`;
    return { items: await withCounts(contacts, actor, { caseId: c.id }) };
  },
});

/** GET /api/v1/warnings/{id}/contacts */
export const warningContacts = command({
  name: "warning.contacts", permission: "cases:read",
  summary: "The warning's fraud contacts, each with the number of other warnings and cases of the caller's jurisdiction sharing it",
  input: recordContactsSchema, audit: false,
  async run({ actor, input }): Promise<{ items: ContactWithCounts[] }> {
    const db = getDb();
    const w = await db.warning.findFirst({ where: { id: input.id, unitId: { in: await units(actor) } }, select: { id: true } });
    if (!w) throw await outOfScope(actor, "Warning", input.id, async () => (await db.warning.count({ where: { id: input.id } })) > 0);
    const contacts = await db.$queryRaw<{ id: string; kind: FraudContactKind; value: string }[]>`
      SELECT c.id::text AS id, c.kind, c.value FROM warning_contacts wc JOIN fraud_contacts c ON c.id = wc."contactId" WHERE wc."warningId" = ${w.id}::uuid LIMIT 50`;
    return { items: await withCounts(contacts, actor, { warningId: w.id }) };
  },
});

// ───────────── clusters ─────────────

/** The unit ids a filter leaves: the jurisdiction, narrowed to a unit's subtree when one is named. */
async function filterUnits(actor: Actor, unit: string | undefined): Promise<string[]> {
  if (!unit) return units(actor);
  const u = await getDb().unit.findFirst({ where: { code: unit, ...unitSubtree(actor.scopePath) }, select: { path: true } });
  return u ? scopeUnitIds(u.path) : [];
}

/** Default period of the cluster list: the last 90 China days. */
export const DEFAULT_CLUSTER_DAYS = 90;

/**
 * The China days a filter covers (YYYY-MM-DD, both included): to defaults to today, from to the
 * DEFAULT_CLUSTER_DAYS days ending on to. The list and a contact's records opened from it use the same.
 */
export function clusterPeriod(f: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const to = f.to ?? chinaToday(now);
  return { from: f.from ?? addDays(to, 1 - DEFAULT_CLUSTER_DAYS), to };
}

/** The filter's China days as instants: from the first day's start to the last day's end. */
function period(f: { from?: string; to?: string }, now: Date): { from: Date; to: Date } {
  const days = clusterPeriod(f, now);
  return { from: chinaDayStart(days.from), to: chinaDayEnd(days.to) };
}

/** Bounds that hold every record (a period left open). */
const ALL_TIME = { from: new Date(Date.UTC(2000, 0, 1)), to: new Date(Date.UTC(2100, 0, 1)) };

export type ClusterRow = {
  id: string; kind: FraudContactKind; display: string; warnings: number; cases: number; records: number; lastAt: string | null;
  /** The records of every day in the same units (the period's records are `records`). */
  totalRecords: number;
};

/**
 * contact_window for the default period ending today (China): every unit's subtree's contacts with
 * two records or more, written where they changed, and the changes it saw cleared from
 * contact_window_dirty (migration contact_window). Run by the scheduler. Returns the rows written,
 * -1 when another refresh holds the lock.
 */
export async function refreshContactWindow(now = new Date()): Promise<number> {
  const { from, to } = clusterPeriod({}, now);
  const [r] = await getDb().$queryRaw<{ n: bigint }[]>`SELECT contact_window_refresh(${from}::date, ${to}::date) AS n`;
  return Number(r!.n);
}

type ListedContact = { id: string; kind: FraudContactKind; value: string; w: number | bigint; c: number | bigint; last: Date | null };
type ListFilter = { days: { from: string; to: string }; kind: FraudContactKind | null; min: number };
const LIST_LIMIT = 200;

/**
 * The list from contact_window (the scope's kept rows, in their order), with the contacts changed
 * since its refresh summed from contact_days instead: null when it does not cover these days.
 * One snapshot for the state, the kept rows and the changes.
 */
async function keptList(scopeId: string | null, unitIds: string[], f: ListFilter): Promise<ListedContact[] | null> {
  if (!scopeId) return null;
  const db = getDb();
  const kindIs = (col: string) => (f.kind ? Prisma.sql`AND ${Prisma.raw(col)} = ${f.kind}::"FraudContactKind"` : Prisma.empty);
  const [state, rows] = await db.$transaction([
    db.$queryRaw<{ ok: boolean }[]>`SELECT true AS ok FROM contact_window_state WHERE id = 1 AND "fromDay" = ${f.days.from}::date AND "toDay" = ${f.days.to}::date`,
    db.$queryRaw<ListedContact[]>`
      WITH dirty AS (SELECT DISTINCT "contactId" AS cid FROM contact_window_dirty),
      kept AS (
        SELECT x."contactId" AS cid, x.warnings AS w, x.cases AS c, x."lastAt" AS last FROM contact_window x
         WHERE x."scopeId" = ${scopeId}::uuid AND x.records >= ${f.min} ${kindIs("x.kind")} AND x."contactId" NOT IN (SELECT cid FROM dirty)
         ORDER BY x.records DESC, x."lastAt" DESC, x."contactId" LIMIT ${LIST_LIMIT}),
      changed AS (
        SELECT d."contactId" AS cid, sum(d.warnings)::int AS w, sum(d.cases)::int AS c, max(d."lastAt") AS last FROM contact_days d
         WHERE d."contactId" IN (SELECT cid FROM dirty) AND d."unitId" = ANY(${unitIds}::uuid[]) AND d.day BETWEEN ${f.days.from}::date AND ${f.days.to}::date
         GROUP BY d."contactId" HAVING sum(d.warnings + d.cases) >= ${f.min})
      SELECT c.id::text AS id, c.kind, c.value, r.w, r.c, r.last
        FROM (SELECT * FROM kept UNION ALL SELECT * FROM changed) r JOIN fraud_contacts c ON c.id = r.cid
       WHERE TRUE ${kindIs("c.kind")}
       ORDER BY r.w + r.c DESC, r.last DESC, c.id LIMIT ${LIST_LIMIT}`,
  ], { isolationLevel: "RepeatableRead" });
  return state.length ? rows : null;
}

/** The list summed from contact_days on request: any period, any units. */
function liveList(unitIds: string[], f: ListFilter): Promise<ListedContact[]> {
  return getDb().$queryRaw<ListedContact[]>`
    WITH r AS (
      SELECT "contactId" AS cid, sum(warnings) AS w, sum(cases) AS c, max("lastAt") AS last FROM contact_days
       WHERE "unitId" = ANY(${unitIds}::uuid[]) AND day BETWEEN ${f.days.from}::date AND ${f.days.to}::date
       GROUP BY "contactId" HAVING sum(warnings + cases) >= ${f.min}
    )
    SELECT c.id::text AS id, c.kind, c.value, r.w, r.c, r.last
      FROM r JOIN fraud_contacts c ON c.id = r.cid
     WHERE (${f.kind}::text IS NULL OR c.kind::text = ${f.kind}::text)
     ORDER BY r.w + r.c DESC, r.last DESC, c.id LIMIT ${LIST_LIMIT}`;
}

/**
 * Contacts shared by at least `minRecords` records (warnings received / cases reported on the
 * period's China days, in the units), most records first. At most 200. The default period (the
 * last 90 China days, today included) is read from contact_window, kept by the scheduler, with the
 * contacts changed since summed on request; another period (or before the first refresh of the
 * day) is summed from the rollup contact_days (per contact, unit and day, kept by triggers). Each
 * row's all-time figure comes from contact_units (per contact and unit).
 */
export async function clusterList(actor: Actor, f: ClusterFilter, now: Date): Promise<ClusterRow[]> {
  const unitIds = await filterUnits(actor, f.unit);
  if (!unitIds.length) return [];
  const filter: ListFilter = { days: clusterPeriod(f, now), kind: f.kind ?? null, min: f.minRecords ?? 2 };
  const scope = await getDb().unit.findFirst({ where: f.unit ? { code: f.unit, ...unitSubtree(actor.scopePath) } : { path: actor.scopePath }, select: { id: true } });
  const rows = (await keptList(scope?.id ?? null, unitIds, filter)) ?? (await liveList(unitIds, filter));
  const totals = rows.length === 0 ? [] : await getDb().$queryRaw<{ id: string; total: bigint }[]>`
    SELECT x.id::text AS id, (SELECT coalesce(sum(u.warnings + u.cases), 0) FROM contact_units u WHERE u."contactId" = x.id AND u."unitId" = ANY(${unitIds}::uuid[])) AS total
      FROM unnest(${rows.map((r) => r.id)}::uuid[]) AS x(id)`;
  const totalOf = new Map(totals.map((t) => [t.id, Number(t.total)]));
  return rows.map((r) => ({
    id: r.id, kind: r.kind, display: displayContact(r.kind, r.value), warnings: Number(r.w), cases: Number(r.c), records: Number(r.w) + Number(r.c),
    lastAt: r.last?.toISOString() ?? null, totalRecords: totalOf.get(r.id) ?? 0,
  }));
}

/** GET /api/v1/fraud-contacts */
export const listClusters = command({
  name: "contact.clusters", permission: "cases:read",
  summary: "Fraud contacts shared by several warnings and cases of the caller's jurisdiction (filters: kind, period — default the last 90 days —, unit, minimum records)",
  input: clusterFilterSchema, audit: false,
  run: async ({ actor, input, now }) => ({ items: await clusterList(actor, input, now) }),
});

export type ClusterWarning = { id: string; receivedAt: string; unitName: string; fraudType: FraudType; status: WarningStatus; caseId: string | null; contactIds: string[] };
export type ClusterCase = { id: string; caseNumber: string; reportedAt: string; unitName: string; fraudType: FraudType; status: CaseStatus; groupId: string | null; contactIds: string[] };
export type Cluster = {
  contact: { id: string; kind: FraudContactKind; display: string };
  /** The cluster's contacts: this one and the others its records carry (each with its record count within the cluster). */
  contacts: { id: string; kind: FraudContactKind; display: string; records: number }[];
  warnings: ClusterWarning[];
  cases: ClusterCase[];
  /** True when the records were cut at CLUSTER_LIMIT. */
  truncated: boolean;
};

export const CLUSTER_LIMIT = 1000;

/**
 * One contact's cluster within the jurisdiction (and the filter's period and unit): the warnings
 * and cases carrying it — a case also through its warnings — newest first, at most CLUSTER_LIMIT,
 * and every contact those records carry. A contact no record of the jurisdiction carries is a 404.
 * The warnings are the newest links by the links' own time and unit (warning_contacts."receivedAt",
 * kept by triggers): an index range however many warnings carry the contact.
 */
export async function clusterOf(actor: Actor, id: string, f: { from?: string; to?: string; unit?: string }, now: Date): Promise<Cluster | null> {
  const db = getDb();
  const contact = await db.fraudContact.findUnique({ where: { id }, select: { id: true, kind: true, value: true } });
  if (!contact) return null;
  const unitIds = await filterUnits(actor, f.unit);
  const { from, to } = f.from || f.to ? period(f, now) : ALL_TIME;
  const warnings = await db.$queryRaw<{ id: string; receivedAt: Date; unitName: string; fraudType: FraudType; status: WarningStatus; caseId: string | null }[]>`
    SELECT w.id::text AS id, w."receivedAt", u.name AS "unitName", w."fraudType", w.status, w."caseId"::text AS "caseId"
      FROM (SELECT wc."warningId" FROM warning_contacts wc
             WHERE wc."contactId" = ${id}::uuid AND wc."unitId" = ANY(${unitIds}::uuid[]) AND wc."receivedAt" >= ${from} AND wc."receivedAt" < ${to}
             ORDER BY wc."receivedAt" DESC LIMIT ${CLUSTER_LIMIT + 1}) l
      JOIN warnings w ON w.id = l."warningId" JOIN units u ON u.id = w."unitId"
     ORDER BY w."receivedAt" DESC, w.id`;
  const cases = await db.$queryRaw<{ id: string; caseNumber: string; reportedAt: Date; unitName: string; fraudType: FraudType; status: CaseStatus; groupId: string | null }[]>`
    SELECT k.id::text AS id, k."caseNumber", k."reportedAt", u.name AS "unitName", k."fraudType", k.status, k."groupId"::text AS "groupId"
      FROM cases k JOIN units u ON u.id = k."unitId"
     WHERE k.id IN (SELECT cc."caseId" FROM case_contacts cc WHERE cc."contactId" = ${id}::uuid
                    UNION SELECT w."caseId" FROM warning_contacts wc JOIN warnings w ON w.id = wc."warningId" WHERE wc."contactId" = ${id}::uuid AND w."caseId" IS NOT NULL)
       AND k."unitId" = ANY(${unitIds}::uuid[]) AND k."reportedAt" >= ${from} AND k."reportedAt" < ${to}
     ORDER BY k."reportedAt" DESC LIMIT ${CLUSTER_LIMIT + 1}`;
  if (!warnings.length && !cases.length) return null;
  const truncated = warnings.length + cases.length > CLUSTER_LIMIT;
  const cw = warnings.slice(0, Math.max(0, CLUSTER_LIMIT - Math.min(cases.length, CLUSTER_LIMIT / 2)));
  const ck = cases.slice(0, CLUSTER_LIMIT - cw.length);
  const wIds = cw.map((w) => w.id);
  const kIds = ck.map((k) => k.id);
  const links = await db.$queryRaw<{ rid: string; cid: string }[]>`
    SELECT "warningId"::text AS rid, "contactId"::text AS cid FROM warning_contacts WHERE "warningId" = ANY(${wIds}::uuid[])
    UNION ALL SELECT "caseId"::text, "contactId"::text FROM case_contacts WHERE "caseId" = ANY(${kIds}::uuid[])`;
  const byRecord = new Map<string, string[]>();
  for (const l of links) byRecord.set(l.rid, [...(byRecord.get(l.rid) ?? []), l.cid]);
  const recordsOf = new Map<string, number>();
  for (const l of links) recordsOf.set(l.cid, (recordsOf.get(l.cid) ?? 0) + 1);
  const others = await db.fraudContact.findMany({ where: { id: { in: [...recordsOf.keys()] } }, select: { id: true, kind: true, value: true } });
  return {
    contact: { id: contact.id, kind: contact.kind, display: displayContact(contact.kind, contact.value) },
    contacts: others
      .map((c) => ({ id: c.id, kind: c.kind, display: displayContact(c.kind, c.value), records: recordsOf.get(c.id) ?? 0 }))
      .sort((a, b) => (a.id === contact.id ? -1 : b.id === contact.id ? 1 : b.records - a.records)),
    warnings: cw.map((w) => ({ ...w, receivedAt: w.receivedAt.toISOString(), contactIds: byRecord.get(w.id) ?? [] })),
    cases: ck.map((k) => ({ ...k, reportedAt: k.reportedAt.toISOString(), contactIds: byRecord.get(k.id) ?? [] })),
    truncated,
  };
}

/** GET /api/v1/fraud-contacts/{id} */
export const showCluster = command({
  name: "contact.cluster", permission: "cases:read",
  summary: "One fraud contact's cluster: the warnings and cases of the caller's jurisdiction carrying it (at most 1,000) and the other contacts they carry",
  input: clusterSchema, audit: false,
  async run({ actor, input, now }): Promise<Cluster> {
    const cluster = await clusterOf(actor, input.id, input, now);
    if (!cluster) throw await outOfScope(actor, "FraudContact", input.id, async () => (await getDb().fraudContact.count({ where: { id: input.id } })) > 0);
    return cluster;
  },
});

// ───────────── linked cases (并案) ─────────────

export type LinkProposalRow = {
  id: string; version: number; reason: string; proposedAt: string; proposedBy: string | null; mine: boolean;
  case: { id: string; caseNumber: string }; other: { id: string; caseNumber: string };
};

/** Pending 并案 proposals whose two cases both lie in the actor's jurisdiction (optionally of one case). */
export async function pendingLinkProposals(actor: Actor, caseId?: string): Promise<LinkProposalRow[]> {
  const unitIds = await units(actor);
  const inScope = { unitId: { in: unitIds } };
  const rows = await getDb().caseLinkProposal.findMany({
    where: {
      status: "PROPOSED", fraudCase: inScope, otherCase: inScope,
      ...(caseId ? { OR: [{ caseId }, { otherCaseId: caseId }] } : {}),
    },
    orderBy: { proposedAt: "asc" }, take: 100,
    select: { id: true, version: true, reason: true, proposedAt: true, proposedById: true, fraudCase: { select: { id: true, caseNumber: true } }, otherCase: { select: { id: true, caseNumber: true } } },
  });
  const users = await getDb().user.findMany({ where: { id: { in: rows.map((r) => r.proposedById) } }, select: { id: true, displayName: true } });
  return rows.map((r) => ({
    id: r.id, version: r.version, reason: r.reason, proposedAt: r.proposedAt.toISOString(),
    proposedBy: users.find((u) => u.id === r.proposedById)?.displayName ?? null, mine: actor.kind === "user" && r.proposedById === actor.id,
    case: r.fraudCase, other: r.otherCase,
  }));
}

/** The other cases of the case's 并案 group that the actor may see. */
export async function linkedCases(actor: Actor, caseId: string): Promise<{ id: string; caseNumber: string; status: CaseStatus; unitName: string }[]> {
  const db = getDb();
  const c = await db.fraudCase.findUnique({ where: { id: caseId }, select: { groupId: true } });
  if (!c?.groupId) return [];
  const rows = await db.fraudCase.findMany({
    where: { groupId: c.groupId, id: { not: caseId }, unitId: { in: await units(actor) } },
    orderBy: { reportedAt: "asc" }, select: { id: true, caseNumber: true, status: true, unit: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, caseNumber: r.caseNumber, status: r.status, unitName: r.unit.name }));
}

/**
 * 串并后案件数: cases filed in the period in the units, and the same counting each confirmed 并案
 * group once. A separate figure: the §3 figures (立案数, 破案数) keep counting every case.
 */
export async function linkedGroupFigures(actor: Actor, f: { from?: string; to?: string; unit?: string }, now: Date): Promise<{ filed: number; filedCountingGroupsOnce: number; groups: number }> {
  const unitIds = await filterUnits(actor, f.unit);
  const { from, to } = f.from || f.to ? period(f, now) : { from: new Date(now.getTime() - 365 * 86_400_000), to: now };
  const [r] = await getDb().$queryRaw<{ filed: bigint; once: bigint; groups: bigint }[]>`
    SELECT count(*) AS filed, count(DISTINCT coalesce("groupId", id)) AS once, count(DISTINCT "groupId") AS groups
      FROM cases WHERE "filedAt" >= ${from} AND "filedAt" < ${to} AND "unitId" = ANY(${unitIds}::uuid[])`;
  return { filed: Number(r?.filed ?? 0), filedCountingGroupsOnce: Number(r?.once ?? 0), groups: Number(r?.groups ?? 0) };
}

/** Cases of the jurisdiction sharing a contact with the case and not yet in its group: the 并案 form's choices. */
export async function linkCandidates(actor: Actor, caseId: string): Promise<{ id: string; caseNumber: string; shared: number }[]> {
  const unitIds = await units(actor);
  const rows = await getDb().$queryRaw<{ id: string; caseNumber: string; shared: bigint }[]>`
    WITH mine AS (
      SELECT "contactId" AS cid FROM case_contacts WHERE "caseId" = ${caseId}::uuid
      UNION SELECT wc."contactId" FROM warning_contacts wc JOIN warnings w ON w.id = wc."warningId" WHERE w."caseId" = ${caseId}::uuid
    ), theirs AS (
      SELECT cc."caseId" AS k, cc."contactId" AS cid FROM case_contacts cc JOIN mine m ON m.cid = cc."contactId"
      UNION SELECT w."caseId", wc."contactId" FROM warning_contacts wc JOIN mine m ON m.cid = wc."contactId" JOIN warnings w ON w.id = wc."warningId" WHERE w."caseId" IS NOT NULL
    )
    SELECT k.id::text AS id, k."caseNumber", count(DISTINCT t.cid) AS shared
      FROM theirs t JOIN cases k ON k.id = t.k
     WHERE k.id <> ${caseId}::uuid AND k."unitId" = ANY(${unitIds}::uuid[])
       AND (k."groupId" IS NULL OR k."groupId" IS DISTINCT FROM (SELECT "groupId" FROM cases WHERE id = ${caseId}::uuid))
     GROUP BY k.id ORDER BY shared DESC, k."reportedAt" DESC LIMIT 50`;
  return rows.map((r) => ({ id: r.id, caseNumber: r.caseNumber, shared: Number(r.shared) }));
}
