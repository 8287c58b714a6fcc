import "server-only";
import { z } from "zod";
import { randomUUID } from "node:crypto";
import { copyLine, getDb, selectCalls, sqlTransaction, type DriverSql } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { AppError, type FieldIssue } from "@/lib/errors";
import { issuesOf } from "@/lib/validation/parse";
import { unsafeTextIssues } from "@/lib/security/text";
import { auditAppend } from "@/lib/audit/write-audit";
import { Prisma } from "@/lib/generated/prisma/client";
import { uuidv7 } from "@/lib/ids";
import type { RiskLevel, WarningSource } from "@/lib/generated/prisma/enums";
import { ingestWarningSchema, MANUAL_SOURCES, MAX_BATCH, type IngestWarningInput } from "@/lib/warnings/schemas";
import { isUnder, routingTable, scopeUnitIds, type RoutingTable } from "@/lib/units/jurisdiction";
import { routeWarning } from "@/lib/warnings/routing";
import { slaLadder } from "@/lib/warnings/sla-policy";
import { dueTimes, RISK_WEIGHT, type SlaLadder } from "@/lib/warnings/sla";
import { countIn, warningEventCall } from "@/lib/warnings/events";
import { command } from "@/lib/commands/command";
import { recordRepeats } from "@/lib/warnings/ingest-repeats";
import { outboundSettingsOf, outboundSettingsQuery, startLadders, type OutboundSettings, type SettingRow } from "@/lib/outbound/ladder";
import { deriveCreated, queueFollowUp, runFollowUps, type Created } from "@/lib/warnings/ingest-followup";
import { ingestBounds } from "@/lib/warnings/ingest-limits";
import { logger } from "@/lib/log";

/** A warning received longer ago than this starts no dissuasion ladder. */
const LADDER_FRESH_MS = 60 * 60_000;

export type IngestStatus = "created" | "repeat" | "duplicate" | "rejected";
export type IngestResult = {
  index: number; id?: string; status: IngestStatus; errors?: FieldIssue[];
  /** A repeat: the warning it was merged into (its source and external id) and which repeat of it this is. */
  mergedInto?: { source: string; externalId: string; repeat: number };
};

const REPEAT_WINDOW_MS = 72 * 3600_000;

/** A valid item, ready to write: its id, its victim key, and its row (COPY text) should it be created. */
export type Planned = {
  index: number; id: string; source: string; externalId: string; at: number;
  phone: string; contact: string; victim: string; unitId: string; row: string;
  /** The item as parsed: a repeat keeps all of it in its sighting. */
  item: IngestWarningInput;
};

/** The columns of a new warning's row: its person (known only under the lock), then those of Planned.row. */
const WARNING_COLUMNS = [
  "personId", "id", "source", "externalId", "riskLevel", "fraudType", "priority", "receivedAt", "lastSeenAt",
  "victimName", "victimPhone", "victimIdNumber", "victimAge", "victimGender", "victimAddress",
  "contactChannel", "contactValue", "amountAtRisk", "note", "unitId", "routedBy",
  "ackDueAt", "contactDueAt", "resolveDueAt", "slaDueAt", "apiKeyId", "createdById", "updatedAt",
] as const;

/** Ingestion writes one batch at a time (see writeBatch). */
export const INGEST_LOCK = 7_961_200;

/**
 * A statement cancelled by its timeout (57014), the lock not had in time (55P03), a session ended
 * for idling in its transaction (25P03), or a deadlock (40P01: a batch merging persons while
 * another instance's follow-up holds them): the feed is asked to send the batch again.
 */
const timedOut = (e: unknown) => ["57014", "55P03", "25P03", "40P01"].includes(String((e as { code?: unknown } | null)?.code));

const sourceKey = (w: { source: string; externalId: string }) => `${w.source}\u001f${w.externalId}`;
const victimKey = (phone: string, contact: string) => `${phone}\u001f${contact}`;

/**
 * Takes one warning or a batch (≤ 5,000) from a feed or the manual form. Each item is created, or
 * absorbed as a repeat of an open warning for the same victim phone and fraud contact within
 * 72 h, or recognised as a duplicate of one already received (same source and external id), or
 * rejected with its field errors; a rejected item never blocks the others. Idempotent under
 * concurrent replays and exact about repeats under concurrent batches: batches are written one
 * at a time.
 */
export const ingestWarnings = command({
  name: "warning.ingest", permission: "warnings:ingest",
  summary: "Ingest one warning or a batch of up to 5,000",
  // Each item is checked on its own (a bad item is rejected alone, never sinking its batch).
  // Written with the driver in one transaction of its own (sqlTransaction), after the checks.
  input: z.array(z.unknown()), audit: ["warning.ingest"], transaction: "own", checksTextPerItem: true,
  run: ({ actor, input, now }) => ingestItems(actor, input, now),
});

async function ingestItems(actor: Actor, items: unknown[], now: Date): Promise<IngestResult[]> {
  if (items.length > MAX_BATCH) {
    throw new AppError("VALIDATION", `at most ${MAX_BATCH} warnings per request`, [{ path: "", code: "too_big", message: `batch of ${items.length}` }]);
  }
  const [table, ladder] = await Promise.all([routingTable(), slaLadder()]);
  const sources = sourcesOf(actor);
  const results: IngestResult[] = new Array(items.length);
  const planned: Planned[] = [];
  const firstBySource = new Map<string, Planned>();
  const inBatchDuplicates: { index: number; of: Planned }[] = [];
  const sender = { ...senderOf(actor), now };

  items.forEach((raw, index) => {
    const unsafe = unsafeTextIssues(raw);
    const parsed = ingestWarningSchema.safeParse(raw);
    if (unsafe.length || !parsed.success) {
      results[index] = { index, status: "rejected", errors: unsafe.length ? unsafe : issuesOf(parsed.error!) };
      return;
    }
    const w = parsed.data;
    const outside = outsideBinding(actor, table, sources, w);
    if (outside) {
      results[index] = { index, status: "rejected", errors: [outside] };
      return;
    }
    const first = firstBySource.get(sourceKey(w));
    if (first) {
      inBatchDuplicates.push({ index, of: first });
      return;
    }
    const p = plan(actor, table, ladder, sender, index, w);
    firstBySource.set(sourceKey(w), p);
    planned.push(p);
  });

  if (planned.length > 0) {
    // Oldest first, so that within a batch the first sighting is the warning and later ones its repeats.
    planned.sort((a, b) => a.at - b.at);
    const visible = await scopeUnitIds(actor.scopePath);
    await writeInTurn({ actor, planned, visible, ladder, results }).catch((e: unknown) => {
      throw timedOut(e) ? new AppError("UNAVAILABLE", "ingestion is busy (a batch timed out); try again shortly") : e;
    });
  }
  for (const d of inBatchDuplicates) results[d.index] = { index: d.index, id: results[d.of.index]?.id, status: "duplicate" };
  return results;
}

const senderOf = (actor: Actor) => ({ apiKeyId: actor.kind === "apiKey" ? actor.id : null, createdById: actor.kind === "user" && actor.role ? actor.id : null });

/** The sources a caller may send: an API key's bound sources; a person's manual entries only (SECURITY.md G31). */
const sourcesOf = (actor: Actor): ReadonlySet<WarningSource> => new Set(actor.kind === "user" ? MANUAL_SOURCES : actor.sources ?? []);

/** Why an item lies outside what its sender may send (its source, or the unit it names), or null. */
function outsideBinding(actor: Actor, table: RoutingTable, sources: ReadonlySet<WarningSource>, w: IngestWarningInput): FieldIssue | null {
  if (!sources.has(w.source)) return { path: "source", code: "source_not_allowed", message: `this key may not send ${w.source} warnings` };
  if (w.unitCode) {
    const unit = table.byCode.get(w.unitCode);
    if (!unit?.active || !isUnder(unit.path, actor.scopePath)) return { path: "unitCode", code: "unknown_unit", message: `no active unit ${w.unitCode} in the sender's jurisdiction` };
  }
  return null;
}

/** A valid item's id, routing and row, all made before the batch takes the lock. */
function plan(
  actor: Actor, table: RoutingTable, ladder: Record<RiskLevel, SlaLadder>,
  sender: { apiKeyId: string | null; createdById: string | null; now: Date }, index: number, w: IngestWarningInput,
): Planned {
  const { unitId, routedBy } = routeWarning(table, { path: actor.scopePath, unitId: actor.unitId }, { unitCode: w.unitCode, address: w.victim.address });
  const at = w.receivedAt.getTime();
  const id = uuidv7(at);
  const due = dueTimes(w.receivedAt, ladder[w.riskLevel]);
  const v = w.victim;
  const row = copyLine([
    id, w.source, w.externalId, w.riskLevel, w.fraudType, RISK_WEIGHT[w.riskLevel], w.receivedAt, w.receivedAt,
    v.name, v.phone, v.idNumber, v.age, v.gender, v.address,
    w.contact.channel, w.contact.value, w.amountAtRisk, w.note, unitId, routedBy,
    due.ackDueAt, due.contactDueAt, due.resolveDueAt, due.ackDueAt, sender.apiKeyId, sender.createdById, sender.now,
  ]);
  return { index, id, source: w.source, externalId: w.externalId, at, phone: v.phone, contact: w.contact.value, victim: victimKey(v.phone, w.contact.value), unitId, row, item: w };
}

/** A request's checked items, with what writing them needs, and where their answers go. */
type Turn = { actor: Actor; planned: Planned[]; visible: string[]; ladder: Record<RiskLevel, SlaLadder>; results: IngestResult[] };

/**
 * A group of fewer items derives in its own transaction: for a few warnings the derivations cost
 * less than a second transaction (and its synchronous standby's flush) would.
 */
const FOLLOW_UP_FROM = 100;

/** The requests of this process waiting for the writer, in their order of arrival. */
const line: { turn: Turn; done: () => void; failed: (e: unknown) => void }[] = [];
let writing = false;
/** This process's follow-ups, one after another (each settles its group's requests). */
let followingUp: Promise<void> = Promise.resolve();

/**
 * Writes a request's items in its turn, with group commit. Batches are written one at a time under
 * the ingestion lock, and for a request of a few items taking the lock and committing (a
 * synchronous standby's flush included) cost as much as the writing, while every request waiting
 * for the lock held a connection. So the requests that arrive while a transaction is writing wait
 * in line, and the next transaction writes them all, in order, each in a savepoint of its own (a
 * request that fails loses only its own items), under one lock and one commit. A request that finds
 * nobody writing is written at once: grouping adds no wait. A full batch goes alone.
 * Once a group of FOLLOW_UP_FROM items or more has committed, its follow-up (what its new warnings
 * derive, lib/warnings/ingest-followup.ts) runs outside the lock while the writer goes on with the
 * next group; the group's requests are answered after it. A follow-up that fails is left to the
 * scheduler: the warnings are committed.
 */
function writeInTurn(turn: Turn): Promise<void> {
  return new Promise((done, failed) => {
    line.push({ turn, done, failed });
    if (!writing) void writeLine();
  });
}

async function writeLine() {
  writing = true;
  while (line.length) {
    const group = [line.shift()!];
    let items = group[0]!.turn.planned.length;
    while (line.length && items + line[0]!.turn.planned.length <= MAX_BATCH) {
      items += line[0]!.turn.planned.length;
      group.push(line.shift()!);
    }
    const errors = new Map<number, unknown>();
    let followUp: string | null = null;
    try {
      followUp = await sqlTransaction(getDb(), async (tx) => {
        const outbound = await takeIngestLock(tx);
        const written: Written[] = [];
        const write = async (turn: Turn) => {
          written.push(await writeBatch(tx, turn, outbound));
        };
        if (group.length === 1) await write(group[0]!.turn);
        else for (const [i, { turn }] of group.entries()) {
          await tx.$executeRaw`SAVEPOINT turn`;
          try {
            await write(turn);
            await tx.$executeRaw`RELEASE SAVEPOINT turn`;
          } catch (e) {
            errors.set(i, e);
            await tx.$executeRaw`ROLLBACK TO SAVEPOINT turn`;
          }
        }
        // The group's last calls, made in the statement that derives its warnings: what it tells
        // the other instances, then each written request's audit record (last: the audit chain's
        // lock is then held for the commit alone).
        const created = written.flatMap((w) => w.created);
        const counts: Record<string, number> = {};
        for (const w of written) for (const [unitId, n] of Object.entries(w.counts)) countIn(counts, unitId, n);
        const last = [...(Object.keys(counts).length ? [warningEventCall({ kind: "ingested", counts })] : []), ...written.map((w) => w.audit)];
        if (items < FOLLOW_UP_FROM) {
          await deriveCreated(tx, created, last);
          return null;
        }
        const id = await queueFollowUp(tx, created);
        if (last.length) await tx.$queryRaw`${selectCalls(last)}`;
        return id;
      });
    } catch (e) {
      // Nothing of the group was committed.
      for (const g of group) g.failed(e);
      continue;
    }
    const answer = () => group.forEach((g, i) => (errors.has(i) ? g.failed(errors.get(i)) : g.done()));
    if (!followUp) {
      answer();
      continue;
    }
    const ids = [followUp];
    followingUp = followingUp
      .then(() => runFollowUps(ids))
      .catch((e: unknown) => logger.warn("warning.ingest.followup_failed", { error: e, followUp: ids[0] }))
      .then(answer);
  }
  writing = false;
}

/**
 * One batch at a time, so that duplicates and repeats are decided against everything committed
 * before. A lock per victim looked finer, but 5,000 of them per batch ran PostgreSQL's shared lock
 * table out at three concurrent batches. Everything that can be done without the lock (checks,
 * routing, the rows' text) was done before taking it, and each round trip under it counts: under
 * load each waits for the app's event loop to come back to it, and the other instances' batches
 * wait for all of them. So one statement bounds the transaction, takes the lock and reads what the
 * batch's dissuasion messages need (the ladder and its templates as an administrator left them);
 * the bounds first (a subquery in FROM is evaluated before the select list).
 */
async function takeIngestLock(tx: DriverSql): Promise<OutboundSettings> {
  const [{ settings }] = await tx.$queryRaw<[{ settings: SettingRow[] }]>`
    SELECT pg_advisory_xact_lock(${INGEST_LOCK}::bigint)::text, ${outboundSettingsQuery()} AS settings
      FROM (SELECT ${ingestBounds({ deferred: true })}) AS bounds`;
  return outboundSettingsOf(settings);
}

/** What a request's batch wrote: its new warnings (for the group's derivations), whom to tell, its audit record. */
/** `counts`: per unit, its new warnings and the repeats of its warnings (the live announcement's). */
type Written = { created: Created[]; counts: Record<string, number>; audit: Prisma.Sql };

/**
 * Writes a request's items; what it wrote, whose derivations, announcement and audit record are
 * left to the group (writeLine).
 */
async function writeBatch(tx: DriverSql, { actor, planned, visible, ladder, results }: Turn, outbound: OutboundSettings): Promise<Written> {
  const sources = planned.map((p) => p.source);
  const externalIds = planned.map((p) => p.externalId);
  // Duplicates and repeats are matched only among the warnings the sender may see (SECURITY.md
  // G31): another jurisdiction's warning is neither answered nor merged into. A key's own item is a
  // duplicate wherever its warning went since (transferred to another jurisdiction): a replay must
  // not make a second warning and a second ladder (F22). Compared as the enum, not as text, so both
  // look-ups use the (source, externalId) indexes.
  // Where several visible warnings carry the id (feeds of different jurisdictions under a caller
  // who sees both), the caller's own comes first.
  const ownKey = actor.kind === "apiKey" ? actor.id : null;
  // One statement (a round trip fewer under the lock): the items already seen ("seen": the same
  // source and external id, as a warning or as a repeat's sighting), and each victim's newest open
  // warning ("open": the same phone and fraud contact).
  type Found = {
    kind: "seen" | "open"; id: string; source: string | null; externalId: string | null; own: boolean | null;
    phone: string | null; contact: string | null; lastSeenAt: Date | null; unitId: string | null;
  };
  const found = await tx.$queryRaw<Found[]>`
    SELECT 'seen' AS kind, w.id::text AS id, w.source::text AS source, w."externalId", coalesce(w."apiKeyId" = ${ownKey}::uuid, false) AS own,
           NULL AS phone, NULL AS contact, NULL::timestamp AS "lastSeenAt", NULL AS "unitId"
      FROM unnest(${sources}::"WarningSource"[], ${externalIds}::text[]) AS k(source, ext)
      JOIN warnings w ON w.source = k.source AND w."externalId" = k.ext
     WHERE w."unitId" = ANY(${visible}::uuid[]) OR w."apiKeyId" = ${ownKey}::uuid
    UNION ALL
    SELECT 'seen', s."warningId"::text, s.source::text, s."externalId", coalesce(s."apiKeyId" = ${ownKey}::uuid, false), NULL, NULL, NULL, NULL
      FROM unnest(${sources}::"WarningSource"[], ${externalIds}::text[]) AS k(source, ext)
      JOIN warning_sightings s ON s.source = k.source AND s."externalId" = k.ext
      JOIN warnings w ON w.id = s."warningId"
     WHERE w."unitId" = ANY(${visible}::uuid[]) OR s."apiKeyId" = ${ownKey}::uuid
    UNION ALL
    SELECT 'open', o.id, NULL, NULL, NULL, o.phone, o.contact, o."lastSeenAt", o."unitId" FROM (
      SELECT DISTINCT ON (w."victimPhone", w."contactValue")
             w.id::text AS id, w."victimPhone" AS phone, w."contactValue" AS contact, w."lastSeenAt", w."unitId"::text AS "unitId"
        FROM warnings w JOIN (SELECT DISTINCT * FROM unnest(${planned.map((p) => p.phone)}::text[], ${planned.map((p) => p.contact)}::text[])) AS k(phone, contact)
          ON w."victimPhone" = k.phone AND w."contactValue" = k.contact
       WHERE w.status <> 'RESOLVED' AND w."unitId" = ANY(${visible}::uuid[])
       ORDER BY w."victimPhone", w."contactValue", w."lastSeenAt" DESC) AS o`;
  const seenBySource = new Map<string, string>();
  const seen = found.filter((r) => r.kind === "seen").map((r) => ({ id: r.id, source: r.source!, externalId: r.externalId!, own: r.own! }));
  for (const r of seen.sort((a, b) => Number(a.own) - Number(b.own))) seenBySource.set(sourceKey(r), r.id);
  const open = found.filter((r) => r.kind === "open").map((r) => ({ id: r.id, phone: r.phone!, contact: r.contact!, lastSeenAt: r.lastSeenAt!, unitId: r.unitId! }));
  const openByVictim = new Map(open.map((o) => [victimKey(o.phone, o.contact), { id: o.id, lastSeen: o.lastSeenAt.getTime(), unitId: o.unitId }]));

  const creates: Planned[] = [];
  const repeats: { p: Planned; warningId: string }[] = [];
  const counts: Record<string, number> = {};
  for (const p of planned) {
    const known = seenBySource.get(sourceKey(p));
    if (known) {
      results[p.index] = { index: p.index, id: known, status: "duplicate" };
      continue;
    }
    const target = openByVictim.get(p.victim);
    if (target && Math.abs(p.at - target.lastSeen) <= REPEAT_WINDOW_MS) {
      repeats.push({ p, warningId: target.id });
      // A repeat may raise its warning (risk, amount): the warning's unit hears of it.
      countIn(counts, target.unitId);
      target.lastSeen = Math.max(target.lastSeen, p.at);
      results[p.index] = { index: p.index, id: target.id, status: "repeat" };
      continue;
    }
    creates.push(p);
    countIn(counts, p.unitId);
    openByVictim.set(p.victim, { id: p.id, lastSeen: p.at, unitId: p.unitId });
    results[p.index] = { index: p.index, id: p.id, status: "created" };
  }

  // Rows built before the lock, sent with COPY: the cheapest way for both the app and the database.
  // Their persons first, for the whole batch at once (person_link_rows: the person_link trigger's
  // rule, set-based): a row that arrives with its person is not linked again row by row. Their
  // fraud contacts' links and their persons' dates are derived for the whole group (writeLine).
  if (creates.length) {
    const [{ persons }] = await tx.$queryRaw<[{ persons: (string | null)[] }]>`
      SELECT person_link_rows(${creates.map((c) => c.phone)}::text[], ${creates.map((c) => c.item.victim.idNumber ?? null)}::text[])::text[] AS persons`;
    await tx.copy("warnings", WARNING_COLUMNS, creates.map((c, i) => `${persons[i] ?? "\\N"}\t${c.row}`).join(""));
  }
  // The dissuasion ladder's first messages, in this transaction (the outbox): fresh warnings only,
  // nobody is sent an SMS about a warning an upstream replays days later.
  const now = new Date();
  const fresh = creates.filter((c) => now.getTime() - c.at <= LADDER_FRESH_MS);
  if (fresh.length) {
    await startLadders(tx, fresh.map(({ id, item }) => ({
      id, riskLevel: item.riskLevel, fraudType: item.fraudType, victimName: item.victim.name ?? null, victimGender: item.victim.gender ?? null, victimPhone: item.victim.phone,
    })), now, outbound);
  }
  if (repeats.length) {
    const merged = await recordRepeats(tx, repeats, ladder, senderOf(actor));
    // Which warning it joined is said only to a caller who may read warnings.
    if (actor.permissions.has("warnings:read")) for (const r of repeats) results[r.p.index] = { ...results[r.p.index]!, mergedInto: merged.get(r.p.index) };
  }

  const created = creates.map((c) => c.id);
  return {
    created: creates.map((c) => ({ warningId: c.id, contacts: c.item.fraudContacts ?? [] })),
    counts,
    audit: auditAppend(actor, {
      action: "warning.ingest",
      success: true,
      entityType: "Warning",
      details: { created: created.length, repeats: repeats.length, duplicates: planned.length - created.length - repeats.length, ids: created, repeatOf: [...new Set(repeats.map((r) => r.warningId))] },
    }),
  };
}

/** The manual form's warning: the ingestion item less what the form cannot know (its id, its time); the age as typed. */
export const manualWarningSchema = ingestWarningSchema
  .omit({ externalId: true, receivedAt: true })
  .extend({ victim: ingestWarningSchema.shape.victim.extend({ age: z.coerce.number().int().min(0).max(120).optional() }).strict() })
  .strict();

/**
 * Manual entry of a 96110 call or a walk-in: the same checks as the ingestion API, with an id of
 * its own ("M-" and a UUID) and received now. A repeat caller's entry joins the open warning: the
 * answer says which one (`mergedInto`).
 */
export const createManualWarning = command({
  name: "warning.create_manual", permission: "warnings:ingest",
  summary: "Enter a 96110 call or a walk-in by hand",
  input: manualWarningSchema, audit: ["warning.ingest"], transaction: "own",
  async run({ actor, input, now }): Promise<{ id: string; status: IngestStatus; mergedInto: IngestResult["mergedInto"] | null }> {
    const [result] = await ingestItems(actor, [{ ...input, externalId: `M-${randomUUID()}`, receivedAt: now.toISOString() }], now);
    if (result!.status === "rejected") throw new AppError("VALIDATION", "invalid warning", result!.errors ?? []);
    return { id: result!.id!, status: result!.status, mergedInto: result!.mergedInto ?? null };
  },
});

export type ManualWarning = Awaited<ReturnType<typeof createManualWarning>>;
