import { getDb, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, type FieldIssue } from "@/lib/errors";
import { issuesOf } from "@/lib/validation/parse";
import { unsafeTextIssues } from "@/lib/security/text";
import { writeAudit } from "@/lib/audit/write-audit";
import { uuidv7 } from "@/lib/ids";
import { ingestWarningSchema, MAX_BATCH, type IngestWarningInput } from "@/lib/warnings/schemas";
import { routeWarning, routingTable } from "@/lib/warnings/routing";
import { slaLadder } from "@/lib/warnings/sla-policy";
import { dueTimes, REPEAT_BUMP, RISK_WEIGHT } from "@/lib/warnings/sla";
import { notifyWarningEvent } from "@/lib/warnings/events";

export type IngestStatus = "created" | "repeat" | "duplicate" | "rejected";
export type IngestResult = { index: number; id?: string; status: IngestStatus; errors?: FieldIssue[] };

const REPEAT_WINDOW_MS = 72 * 3600_000;

type Planned = IngestWarningInput & { index: number; id: string; unitId: string; routedBy: string; due: ReturnType<typeof dueTimes> };

const sourceKey = (w: { source: string; externalId: string }) => `${w.source}\u001f${w.externalId}`;
const victimKey = (w: { phone: string; contact: string }) => `${w.phone}\u001f${w.contact}`;
const iso = (d: Date) => d.toISOString();

/**
 * Takes one warning or a batch (≤ 5,000) from a feed or the manual form. Each item is created, or
 * absorbed as a repeat of an open warning for the same victim phone and fraud contact within
 * 72 h, or recognised as a duplicate of one already received (same source and external id), or
 * rejected with its field errors; a rejected item never blocks the others. Idempotent under
 * concurrent replays: items are serialised per victim and fraud contact.
 */
export async function ingestWarnings(actor: Actor, items: unknown[]): Promise<IngestResult[]> {
  if (!actor.permissions.has("warnings:ingest")) throw new AppError("FORBIDDEN", "missing permission warnings:ingest");
  if (items.length > MAX_BATCH) {
    throw new AppError("VALIDATION", `at most ${MAX_BATCH} warnings per request`, [{ path: "", code: "too_big", message: `batch of ${items.length}` }]);
  }
  const db = getDb();
  const [table, ladder] = await Promise.all([routingTable(db), slaLadder(db)]);
  const results: IngestResult[] = new Array(items.length);
  const planned: Planned[] = [];
  const firstBySource = new Map<string, Planned>();
  const inBatchDuplicates: { index: number; of: Planned }[] = [];

  items.forEach((raw, index) => {
    const unsafe = unsafeTextIssues(raw);
    const parsed = ingestWarningSchema.safeParse(raw);
    if (unsafe.length || !parsed.success) {
      results[index] = { index, status: "rejected", errors: unsafe.length ? unsafe : issuesOf(parsed.error!) };
      return;
    }
    const w = parsed.data;
    const first = firstBySource.get(sourceKey(w));
    if (first) {
      inBatchDuplicates.push({ index, of: first });
      return;
    }
    const route = routeWarning(table, { path: actor.scopePath, unitId: actor.unitId }, { unitCode: w.unitCode, address: w.victim.address });
    const p: Planned = { ...w, index, id: uuidv7(w.receivedAt.getTime()), ...route, due: dueTimes(w.receivedAt, ladder[w.riskLevel]) };
    firstBySource.set(sourceKey(w), p);
    planned.push(p);
  });

  if (planned.length > 0) {
    await db.$transaction((tx) => writeBatch(tx, actor, planned, results), { timeout: 60_000, maxWait: 10_000 });
  }
  for (const d of inBatchDuplicates) results[d.index] = { index: d.index, id: results[d.of.index]?.id, status: "duplicate" };
  return results;
}

async function writeBatch(tx: Tx, actor: Actor, planned: Planned[], results: IngestResult[]) {
  // One lock per victim phone + fraud contact, taken in a fixed order: replays and repeats of the
  // same victim wait for each other instead of racing.
  const victimKeys = [...new Set(planned.map((p) => victimKey({ phone: p.victim.phone, contact: p.contact.value })))];
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock(k) FROM (
      SELECT DISTINCT hashtextextended(x, 7961) AS k FROM unnest(${victimKeys}::text[]) AS x ORDER BY 1 OFFSET 0
    ) s`;

  const sources = planned.map((p) => p.source);
  const externalIds = planned.map((p) => p.externalId);
  // Compared as the enum, not as text, so both look-ups use the (source, externalId) unique index.
  const seen = await tx.$queryRaw<{ source: string; externalId: string; id: string }[]>`
    SELECT w.source::text AS source, w."externalId", w.id::text AS id
      FROM unnest(${sources}::"WarningSource"[], ${externalIds}::text[]) AS k(source, ext)
      JOIN warnings w ON w.source = k.source AND w."externalId" = k.ext
    UNION ALL
    SELECT s.source::text, s."externalId", s."warningId"::text
      FROM unnest(${sources}::"WarningSource"[], ${externalIds}::text[]) AS k(source, ext)
      JOIN warning_sightings s ON s.source = k.source AND s."externalId" = k.ext`;
  const seenBySource = new Map(seen.map((r) => [sourceKey(r), r.id]));

  const phones = planned.map((p) => p.victim.phone);
  const contacts = planned.map((p) => p.contact.value);
  const open = await tx.$queryRaw<{ id: string; phone: string; contact: string; lastSeenAt: Date; receivedAt: Date }[]>`
    SELECT DISTINCT ON (w."victimPhone", w."contactValue")
           w.id::text AS id, w."victimPhone" AS phone, w."contactValue" AS contact, w."lastSeenAt", w."receivedAt"
      FROM warnings w JOIN (SELECT DISTINCT * FROM unnest(${phones}::text[], ${contacts}::text[])) AS k(phone, contact)
        ON w."victimPhone" = k.phone AND w."contactValue" = k.contact
     WHERE w.status <> 'RESOLVED'
     ORDER BY w."victimPhone", w."contactValue", w."lastSeenAt" DESC`;
  const openByVictim = new Map(open.map((o) => [victimKey(o), { id: o.id, lastSeenAt: o.lastSeenAt, receivedAt: o.receivedAt }]));

  const creates: Planned[] = [];
  const repeats: { p: Planned; warningId: string }[] = [];
  for (const p of [...planned].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())) {
    const known = seenBySource.get(sourceKey(p));
    if (known) {
      results[p.index] = { index: p.index, id: known, status: "duplicate" };
      continue;
    }
    const key = victimKey({ phone: p.victim.phone, contact: p.contact.value });
    const target = openByVictim.get(key);
    if (target && Math.abs(p.receivedAt.getTime() - target.lastSeenAt.getTime()) <= REPEAT_WINDOW_MS) {
      repeats.push({ p, warningId: target.id });
      if (p.receivedAt > target.lastSeenAt) target.lastSeenAt = p.receivedAt;
      results[p.index] = { index: p.index, id: target.id, status: "repeat" };
      continue;
    }
    creates.push(p);
    openByVictim.set(key, { id: p.id, lastSeenAt: p.receivedAt, receivedAt: p.receivedAt });
    results[p.index] = { index: p.index, id: p.id, status: "created" };
  }

  if (creates.length) await insertWarnings(tx, actor, creates);
  if (repeats.length) await recordRepeats(tx, repeats);

  const created = creates.map((c) => c.id);
  await writeAudit(tx, actor, {
    action: "warning.ingest",
    success: true,
    entityType: "Warning",
    details: { created: created.length, repeats: repeats.length, duplicates: planned.length - created.length - repeats.length, ids: created, repeatOf: [...new Set(repeats.map((r) => r.warningId))] },
  });
  const units = [...new Set(creates.map((c) => c.unitId))];
  if (created.length || repeats.length) await notifyWarningEvent(tx, { kind: "ingested", units, count: created.length + repeats.length });
}

async function insertWarnings(tx: Tx, actor: Actor, rows: Planned[]) {
  const col = <T>(f: (p: Planned) => T) => rows.map(f);
  const apiKeyId = actor.kind === "apiKey" ? actor.id : null;
  const createdById = actor.kind === "user" && actor.role ? actor.id : null;
  await tx.$executeRaw`
    INSERT INTO warnings (id, source, "externalId", "riskLevel", "fraudType", priority, "receivedAt", "lastSeenAt",
      "victimName", "victimPhone", "victimIdNumber", "victimAge", "victimGender", "victimAddress",
      "contactChannel", "contactValue", "amountAtRisk", note, "unitId", "routedBy",
      "ackDueAt", "contactDueAt", "resolveDueAt", "slaDueAt", "apiKeyId", "createdById", "updatedAt")
    SELECT t.id::uuid, t.source::"WarningSource", t.ext, t.risk::"RiskLevel", t.fraud::"FraudType", t.priority,
      t.received AT TIME ZONE 'UTC', t.received AT TIME ZONE 'UTC',
      t.vname, t.phone, t.idno, t.age::smallint, t.gender::"Gender", t.address,
      t.channel::"ContactChannel", t.contact, t.amount::numeric(14,2), t.note, t.unit::uuid, t.routed::"RoutedBy",
      t.ack AT TIME ZONE 'UTC', t.contact_due AT TIME ZONE 'UTC', t.resolve AT TIME ZONE 'UTC', t.ack AT TIME ZONE 'UTC',
      ${apiKeyId}::uuid, ${createdById}::uuid, now() AT TIME ZONE 'UTC'
    FROM unnest(
      ${col((p) => p.id)}::text[], ${col((p) => p.source)}::text[], ${col((p) => p.externalId)}::text[],
      ${col((p) => p.riskLevel)}::text[], ${col((p) => p.fraudType)}::text[], ${col((p) => RISK_WEIGHT[p.riskLevel])}::int[],
      ${col((p) => iso(p.receivedAt))}::timestamptz[],
      ${col((p) => p.victim.name ?? null)}::text[], ${col((p) => p.victim.phone)}::text[], ${col((p) => p.victim.idNumber ?? null)}::text[],
      ${col((p) => p.victim.age ?? null)}::int[], ${col((p) => p.victim.gender ?? null)}::text[], ${col((p) => p.victim.address ?? null)}::text[],
      ${col((p) => p.contact.channel)}::text[], ${col((p) => p.contact.value)}::text[], ${col((p) => p.amountAtRisk ?? null)}::text[],
      ${col((p) => p.note ?? null)}::text[], ${col((p) => p.unitId)}::text[], ${col((p) => p.routedBy)}::text[],
      ${col((p) => iso(p.due.ackDueAt))}::timestamptz[], ${col((p) => iso(p.due.contactDueAt))}::timestamptz[], ${col((p) => iso(p.due.resolveDueAt))}::timestamptz[]
    ) AS t(id, source, ext, risk, fraud, priority, received, vname, phone, idno, age, gender, address,
           channel, contact, amount, note, unit, routed, ack, contact_due, resolve)`;
}

async function recordRepeats(tx: Tx, repeats: { p: Planned; warningId: string }[]) {
  await tx.$executeRaw`
    INSERT INTO warning_sightings (id, "warningId", source, "externalId", "riskLevel", "receivedAt")
    SELECT t.id::uuid, t.w::uuid, t.source::"WarningSource", t.ext, t.risk::"RiskLevel", t.received AT TIME ZONE 'UTC'
    FROM unnest(${repeats.map(() => uuidv7())}::text[], ${repeats.map((r) => r.warningId)}::text[], ${repeats.map((r) => r.p.source)}::text[],
                ${repeats.map((r) => r.p.externalId)}::text[], ${repeats.map((r) => r.p.riskLevel)}::text[],
                ${repeats.map((r) => iso(r.p.receivedAt))}::timestamptz[]) AS t(id, w, source, ext, risk, received)
    ON CONFLICT (source, "externalId") DO NOTHING`;
  // Each repeat raises the open warning's priority and moves its last sighting forward.
  await tx.$executeRaw`
    UPDATE warnings w SET
      "repeatCount" = w."repeatCount" + r.n,
      priority = w.priority + ${REPEAT_BUMP} * r.n,
      "lastSeenAt" = GREATEST(w."lastSeenAt", r.last AT TIME ZONE 'UTC'),
      version = w.version + 1,
      "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM (SELECT t.w::uuid AS id, count(*)::int AS n, max(t.received) AS last
            FROM unnest(${repeats.map((r) => r.warningId)}::text[], ${repeats.map((r) => iso(r.p.receivedAt))}::timestamptz[]) AS t(w, received)
           GROUP BY t.w) r
    WHERE w.id = r.id`;
}
