// Ingestion's follow-up (migration intake_followups, lib/warnings/ingest-followup.ts): a batch's
// fraud-contact links and persons' dates are derived after its commit, outside the ingestion lock,
// before the request is answered; a follow-up left by an instance that stopped in between is done
// by the scheduler, once; a batch that deadlocks is asked again, having written nothing.
import { randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { getDb } from "@/lib/db";
import { pgConfigFromUrl } from "@/lib/db-url";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { finishLeftFollowUps, runFollowUps } from "@/lib/warnings/ingest-followup";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { makeApiKey, makeUnitTree, warningInput, type TestTree } from "@/tests/factories";

let tree: TestTree;
let feeds: Actor[];

beforeAll(async () => {
  tree = await makeUnitTree();
  forgetRoutingTable();
  // Two feeds, each bound to a branch of its own.
  feeds = [(await makeApiKey(tree.branches[0]!, ["warnings:ingest"])).actor, (await makeApiKey(tree.branches[1]!, ["warnings:ingest"])).actor];
});

// Victims' numbers from a range no other file draws from: the files share the run's database, and a
// victim another file warned too (the factory's 139…, other files' 135–139…) carries that later date.
const mobile = () => `166${String(randomInt(0, 1e8)).padStart(8, "0")}`;
const fraudPhone = () => `0719${String(randomInt(0, 1e7)).padStart(7, "0")}`;

/** Another session (what a concurrent transaction holds), in a transaction begun for `fn`, closed after. */
async function withHolder(fn: (holder: pg.Client) => Promise<void>): Promise<void> {
  const holder = new pg.Client(pgConfigFromUrl(process.env.DATABASE_URL!));
  await holder.connect();
  try {
    await holder.query("BEGIN");
    await fn(holder);
  } finally {
    await holder.end();
  }
}

/** An item of branch b's first precinct with a fresh victim, its own contact and one extra contact. */
const item = (b: number, at: Date) => warningInput({
  unitCode: tree.branches[b]!.precincts[0]!.code, receivedAt: at.toISOString(),
  victim: { name: "刘某某", phone: mobile() }, contact: { channel: "PHONE", value: fraudPhone() },
  fraudContacts: [{ kind: "QQ", value: String(randomInt(1e8, 1e10)) }],
});

/** What a warning derives: its links, and its person's latest warning. */
async function derived(warningId: string) {
  const w = await getDb().warning.findUniqueOrThrow({ where: { id: warningId }, select: { receivedAt: true, person: { select: { lastWarnedAt: true } } } });
  const links = await getDb().warningContact.findMany({ where: { warningId }, select: { contact: { select: { kind: true } } } });
  return { kinds: links.map((l) => l.contact.kind).sort(), lastWarnedAt: w.person?.lastWarnedAt ?? null, receivedAt: w.receivedAt };
}

const followUpsOf = async (ids: string[]) =>
  Number((await getDb().$queryRaw<[{ n: bigint }]>`SELECT count(*) AS n FROM intake_followups WHERE "warningIds" && ${ids}::uuid[]`)[0].n);

describe("ingestion's follow-up", () => {
  it("has every new warning of two feeds' concurrent batches linked and dated when the requests are answered", async () => {
    const at = new Date(Date.now() - 120_000);
    const [a, b] = await Promise.all(feeds.map((feed, f) => ingestWarnings(feed, Array.from({ length: 150 }, () => item(f, at)))));
    const ids = [...a!, ...b!].map((r) => {
      expect(r.status).toBe("created");
      return r.id!;
    });
    const [{ underived }] = await getDb().$queryRaw<[{ underived: number }]>`
      SELECT count(*)::int AS underived FROM warnings w LEFT JOIN persons p ON p.id = w."personId"
       WHERE w.id = ANY(${ids}::uuid[])
         AND (p."lastWarnedAt" IS DISTINCT FROM w."receivedAt" OR (SELECT count(*) FROM warning_contacts c WHERE c."warningId" = w.id) <> 2)`;
    expect(underived).toBe(0);
    expect(await derived(ids[0]!)).toMatchObject({ kinds: ["PHONE", "QQ"] });
    expect(await followUpsOf(ids)).toBe(0);
  });

  it("derives outside the ingestion lock: another batch commits while a follow-up waits", async () => {
    const victim = mobile();
    const [first] = await ingestWarnings(feeds[0]!, [warningInput({ unitCode: tree.branches[0]!.precincts[0]!.code, victim: { name: "刘某某", phone: victim } })]);
    const { personId } = await getDb().warning.findUniqueOrThrow({ where: { id: first!.id! }, select: { personId: true } });
    // Another session holds the person (not its key: the new warning may still reference it), so the next follow-up for them waits.
    await withHolder(async (holder) => {
      await holder.query(`SELECT 1 FROM persons WHERE id = $1 FOR NO KEY UPDATE`, [personId]);
      // A batch large enough to be derived after its commit (a few warnings are derived in it).
      const batch = [warningInput({ unitCode: tree.branches[0]!.precincts[0]!.code, victim: { name: "刘某某", phone: victim }, contact: { channel: "PHONE", value: fraudPhone() } })];
      for (let i = 1; i < 100; i++) batch.push(item(0, new Date(Date.now() - 60_000)));
      const waiting = ingestWarnings(feeds[0]!, batch);
      const other = warningInput({ unitCode: tree.branches[1]!.precincts[0]!.code });
      const answered = ingestWarnings(feeds[1]!, [other]);
      // The other feed's batch takes the ingestion lock and commits although the first follow-up is held.
      await expect.poll(async () => getDb().warning.count({ where: { externalId: other.externalId } }), { timeout: 10_000 }).toBe(1);
      await holder.query("COMMIT");
      const [[w], [o]] = await Promise.all([waiting, answered]);
      expect((await derived(w!.id!)).kinds).toEqual(["PHONE"]);
      expect(o!.status).toBe("created");
    });
  });

  it("lets a batch of another feed write a warning of a person whose dates a follow-up holds: the person's key stays free", async () => {
    const phone = mobile();
    const [first] = await ingestWarnings(feeds[0]!, [warningInput({ unitCode: tree.branches[0]!.precincts[0]!.code, victim: { name: "刘某某", phone } })]);
    await withHolder(async (holder) => {
      // What an earlier batch's follow-up holds while it recomputes the person's dates.
      await holder.query(`SELECT intake_derive(ARRAY[$1::uuid])::text`, [first!.id]);
      // The other feed's batch names the person again (a new contact: not a repeat), among enough
      // others to be derived after its commit.
      const batch = [warningInput({ unitCode: tree.branches[1]!.precincts[0]!.code, victim: { name: "刘某某", phone }, contact: { channel: "PHONE", value: fraudPhone() } })];
      for (let i = 1; i < 100; i++) batch.push(item(1, new Date(Date.now() - 60_000)));
      const sent = ingestWarnings(feeds[1]!, batch);
      // It commits (its foreign-key check on the person is not held up); its own follow-up waits.
      await expect.poll(async () => getDb().warning.count({ where: { externalId: batch[0]!.externalId } }), { timeout: 10_000 }).toBe(1);
      await holder.query("COMMIT");
      const [w] = await sent;
      expect(w!.status).toBe("created");
      const d = await derived(w!.id!);
      expect(d.lastWarnedAt).toEqual(d.receivedAt);
    });
  });

  it("leaves a follow-up that an instance stopped before to the scheduler, which does it once", async () => {
    const [template] = await ingestWarnings(feeds[0]!, [item(0, new Date(Date.now() - 60_000))]);
    const id = randomUUID();
    const contact = fraudPhone();
    const qq = String(randomInt(1e8, 1e10));
    const followUp = randomUUID();
    // What a batch's transaction commits when its instance stops before the follow-up: the warning, and the row naming it.
    await getDb().$transaction([
      getDb().$queryRaw`SELECT set_config('fanzha.intake_deferred', 'on', true)`,
      getDb().$executeRaw`
        INSERT INTO warnings (id, source, "externalId", "riskLevel", "fraudType", priority, "receivedAt", "lastSeenAt", "victimPhone",
          "contactChannel", "contactValue", "unitId", "routedBy", "ackDueAt", "contactDueAt", "resolveDueAt", "slaDueAt", "updatedAt")
        SELECT ${id}::uuid, source, ${`LEFT-${id}`}, "riskLevel", "fraudType", priority, "receivedAt", "lastSeenAt", ${mobile()},
          "contactChannel", ${contact}, "unitId", "routedBy", "ackDueAt", "contactDueAt", "resolveDueAt", "slaDueAt", "updatedAt"
          FROM warnings WHERE id = ${template!.id!}::uuid`,
      getDb().$executeRaw`
        INSERT INTO intake_followups (id, "warningIds", contacts)
        VALUES (${followUp}::uuid, ARRAY[${id}::uuid], ${JSON.stringify([{ warningId: id, contacts: [{ kind: "QQ", value: qq }] }])}::jsonb)`,
    ]);
    expect(await derived(id)).toMatchObject({ kinds: [], lastWarnedAt: null });

    // Not yet left: a follow-up younger than the scheduler's wait is its own request's.
    expect(await finishLeftFollowUps(getDb(), 3_600_000)).toBe(0);
    // Two instances' schedulers at once: each follow-up is derived once.
    const [x, y] = await Promise.all([finishLeftFollowUps(getDb(), 0), runFollowUps([followUp])]);
    expect(x + y).toBeGreaterThanOrEqual(1);
    const d = await derived(id);
    expect(d.kinds).toEqual(["PHONE", "QQ"]);
    expect(d.lastWarnedAt).toEqual(d.receivedAt);
    expect(await followUpsOf([id])).toBe(0);
    const [{ warnings }] = await getDb().$queryRaw<[{ warnings: number }]>`
      SELECT sum(d.warnings)::int AS warnings FROM contact_days d JOIN fraud_contacts c ON c.id = d."contactId" WHERE c.value = ${contact}`;
    expect(warnings).toBe(1);
  });

  it("asks the feed to send again a batch deadlocked with another transaction over two persons, having written nothing", async () => {
    const unitCode = tree.branches[0]!.precincts[0]!.code;
    const phones = [mobile(), mobile()];
    const first = await ingestWarnings(feeds[0]!, phones.map((phone) => warningInput({ unitCode, victim: { name: "刘某某", phone } })));
    const persons = await getDb().warning.findMany({ where: { id: { in: first.map((r) => r.id!) } }, select: { personId: true } });
    const [low, high] = persons.map((w) => w.personId!).sort();
    // New warnings of both persons (new contacts: not repeats), few enough to be derived in their
    // batch's transaction, which locks its persons in id order.
    const batch = phones.map((phone) => warningInput({ unitCode, victim: { name: "刘某某", phone }, contact: { channel: "PHONE", value: fraudPhone() } }));
    await withHolder(async (holder) => {
      await holder.query(`SELECT 1 FROM persons WHERE id = $1 FOR NO KEY UPDATE`, [high]);
      const sent = ingestWarnings(feeds[0]!, batch).then(() => null, (e: unknown) => e);
      // The batch holds the first person and waits for the second; the holder then asks for the first.
      // (Asked outside the holder's transaction, which would see one snapshot of the activity.)
      await expect.poll(async () => (await getDb().$queryRaw<[{ n: number }]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE wait_event_type = 'Lock' AND query LIKE '%intake_derive%' AND datname = current_database()`)[0].n,
      { timeout: 10_000, interval: 50 }).toBe(1);
      const held = holder.query(`SELECT 1 FROM persons WHERE id = $1 FOR NO KEY UPDATE`, [low]);
      const e = await sent;
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("UNAVAILABLE");
      await held;
      await holder.query("ROLLBACK");
    });
    expect(await getDb().warning.count({ where: { externalId: { in: batch.map((b) => b.externalId) } } })).toBe(0);
    // Sent again, it is written and derived.
    const again = await ingestWarnings(feeds[0]!, batch);
    expect(again.map((r) => r.status)).toEqual(["created", "created"]);
    const d = await derived(again[0]!.id!);
    expect(d.kinds).toEqual(["PHONE"]);
    expect(d.lastWarnedAt).toEqual(d.receivedAt);
  });
});
