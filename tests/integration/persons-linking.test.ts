// 一人一档, the linking rule (migration person_file): PostgreSQL links every record that names a
// person, on insert and on update, through COPY as through Prisma; the set-based backfill
// person_link_all() gives the same persons as the triggers on the same data.
import { randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { getDb } from "@/lib/db";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { createCase } from "@/lib/cases/create-case";
import { createMeasure } from "@/lib/publicity/measures";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { addDays, chinaToday } from "@/lib/time/china";
import type { Actor } from "@/lib/auth/actor";
import { makeApiKey, makeUnitTree, makeUser, warningInput, type TestTree } from "@/tests/factories";
import { makeIdNumber } from "@/lib/pii";
import { caseInput, idNumber } from "./cases-fixtures";

/** An ID number no other test uses (cases-fixtures' idNumber draws from 1,000, shared by every case test). */
const freshIdNumber = () => makeIdNumber("420303", new Date(Date.UTC(randomInt(1940, 2006), randomInt(0, 12), randomInt(1, 29))), randomInt(0, 1000));

const mobile = () => `13${randomInt(5, 10)}${String(randomInt(0, 1e8)).padStart(8, "0")}`;
let tree: TestTree;
let feed: Actor;
let investigator: Actor;
let officer: Actor;

beforeAll(async () => {
  tree = await makeUnitTree();
  forgetRoutingTable();
  feed = (await makeApiKey(tree.city, ["warnings:ingest"])).actor;
  investigator = (await makeUser(tree.branches[0]!, "INVESTIGATOR")).actor;
  officer = (await makeUser(tree.branches[0]!.precincts[0]!, "OFFICER")).actor;
});

async function warn(victim: Record<string, unknown>, over: Record<string, unknown> = {}) {
  const [r] = await ingestWarnings(feed, [warningInput({ unitCode: tree.branches[0]!.precincts[0]!.code, victim: { name: "刘某某", ...victim }, ...over })]);
  expect(r?.status).toBe("created");
  return getDb().warning.findUniqueOrThrow({ where: { id: r!.id }, select: { id: true, personId: true } });
}
const identifiersOf = async (personId: string | null) =>
  (await getDb().personIdentifier.findMany({ where: { personId: personId! }, select: { kind: true, value: true, tail4: true } })).sort((a, b) => a.value.localeCompare(b.value));
async function victimOf(phone: string | undefined, id: string | undefined) {
  const c = await createCase(investigator, caseInput({ victims: [{ name: "刘某某", phone, idNumber: id, lossAmount: "100.00" }] }));
  return getDb().caseVictim.findFirstOrThrow({ where: { caseId: c.id }, select: { id: true, personId: true } });
}

describe("linking on insert and update", () => {
  it("gives a mobile its person on first sight and every later record the same one, with the tail stored", async () => {
    const m = mobile();
    const a = await warn({ phone: m });
    const b = await warn({ phone: `+86 ${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}` });
    expect(a.personId).toBeTruthy();
    expect(b.personId).toBe(a.personId);
    expect(await identifiersOf(a.personId)).toEqual([{ kind: "MOBILE", value: m, tail4: m.slice(-4) }]);
  });

  it("makes the persons, identifiers and fraud contacts it creates with time-ordered ids (UUIDv7), so their indexes grow at the right edge", async () => {
    const before = Date.now();
    // The warning's own contact (the statement trigger) and an extra one (fraud_contact_claim).
    const first = await warn({ phone: mobile() }, { contact: { channel: "PHONE", value: mobile() }, fraudContacts: [{ kind: "QQ", value: String(randomInt(1e8, 1e9)) }] });
    const second = await warn({ phone: mobile() });
    const msOf = (id: string) => parseInt(id.replace(/-/g, "").slice(0, 12), 16);
    const [identifier] = await getDb().personIdentifier.findMany({ where: { personId: first.personId! }, select: { id: true } });
    const links = await getDb().warningContact.findMany({ where: { warningId: first.id }, select: { contactId: true } });
    expect(links).toHaveLength(2);
    for (const id of [first.personId!, second.personId!, identifier!.id, ...links.map((l) => l.contactId)]) {
      expect(id[14], id).toBe("7");
      expect(msOf(id)).toBeGreaterThanOrEqual(before - 1000);
      expect(msOf(id)).toBeLessThanOrEqual(Date.now() + 1000);
    }
    expect(msOf(second.personId!)).toBeGreaterThanOrEqual(msOf(first.personId!));
  });

  it("normalises in SQL too: a raw write of '+86 …' with spaces and dashes, or a lower-case x, names the same person", async () => {
    const m = mobile();
    // An ID number ending in X, written in lower case behind the app's back.
    const n = Array.from({ length: 1000 }, (_, i) => idNumber(i)).filter((x) => x.endsWith("X"))[randomInt(0, 20)]!;
    const v = await victimOf(m, n);
    const db = getDb();
    // Written behind the app's back (an import, a fix by hand): the trigger normalises as lib/pii does.
    await db.$executeRaw`UPDATE case_victims SET phone = ${`+86 ${m.slice(0, 3)}-${m.slice(3, 7)} ${m.slice(7)}`}, "idNumber" = NULL WHERE id = ${v.id}::uuid`;
    expect((await db.caseVictim.findUniqueOrThrow({ where: { id: v.id } })).personId).toBe(v.personId);
    await db.$executeRaw`UPDATE case_victims SET phone = NULL, "idNumber" = ${n.toLowerCase()} WHERE id = ${v.id}::uuid`;
    expect((await db.caseVictim.findUniqueOrThrow({ where: { id: v.id } })).personId).toBe(v.personId);
    // A landline names no one.
    await db.$executeRaw`UPDATE case_victims SET phone = '0719-8123456', "idNumber" = NULL WHERE id = ${v.id}::uuid`;
    expect((await db.caseVictim.findUniqueOrThrow({ where: { id: v.id } })).personId).toBeNull();
  });

  it("merges a phone-only person into the ID's person when the mobile turns up with an ID number, and keeps the first ID's claim", async () => {
    const m = mobile();
    const n = freshIdNumber();
    const early = await warn({ phone: m });
    const phoneOnly = early.personId!;
    const v = await victimOf(m, n);
    expect(v.personId).not.toBe(phoneOnly);
    expect(await getDb().person.count({ where: { id: phoneOnly } })).toBe(0);
    expect((await getDb().warning.findUniqueOrThrow({ where: { id: early.id } })).personId).toBe(v.personId);
    expect((await identifiersOf(v.personId)).map((i) => i.kind).sort()).toEqual(["ID_NUMBER", "MOBILE"]);
    // Another ID number with the same mobile: the record is that ID's person; the mobile stays with the first.
    const other = freshIdNumber();
    const later = await warn({ phone: m, idNumber: other }, { receivedAt: new Date().toISOString() });
    expect(later.personId).not.toBe(v.personId);
    expect((await warn({ phone: m })).personId).toBe(v.personId);
    // A measure names its person by the ID number alone.
    const measure = await createMeasure(officer, {
      personName: "刘某某", personIdNumber: n, measure: "RESTRICT_CALLS", startsOn: addDays(chinaToday(), -1), endsOn: addDays(chinaToday(), 30), reason: "名下电话卡被用于实施诈骗",
    });
    expect((await getDb().disciplinaryMeasure.findUniqueOrThrow({ where: { id: measure.id } })).personId).toBe(v.personId);
    // A counter interception's customer too.
    const i = await recordCounterIntercept(officer, {
      occurredAt: new Date(Date.now() - 60_000).toISOString(), bankName: "中国银行", bankBranch: "人民路支行", customerName: "刘某某", customerPhone: m,
      amountProtected: "500.00", fraudType: "FAKE_INVESTMENT",
    }, { idempotencyKey: randomUUID() });
    expect((await getDb().dissuasionAction.findUniqueOrThrow({ where: { id: i.id } })).personId).toBe(v.personId);
  });

  it("links a batch as row by row in its order: in-batch mobiles join the ID's person, the first ID keeps its claim", async () => {
    const [m1, m2] = [mobile(), mobile()];
    const [n1, n2] = [freshIdNumber(), freshIdNumber()];
    const unitCode = tree.branches[0]!.precincts[0]!.code;
    const item = (victim: Record<string, unknown>) => warningInput({ unitCode, victim: { name: "刘某某", ...victim } });
    // m1 alone, then with n1 (the phone-only person merges into n1's); m2 with n1, then with n2 (m2 stays n1's).
    const results = await ingestWarnings(feed, [item({ phone: m1 }), item({ phone: m1, idNumber: n1 }), item({ phone: m2, idNumber: n1 }), item({ phone: m2, idNumber: n2 }), item({ phone: m2 })]);
    expect(results.map((r) => r.status)).toEqual(["created", "created", "created", "created", "created"]);
    const persons = (await getDb().warning.findMany({ where: { id: { in: results.map((r) => r.id!) } }, select: { id: true, personId: true } }));
    const personOf = new Map(persons.map((w) => [w.id, w.personId]));
    const [a, b, c, d, e] = results.map((r) => personOf.get(r.id!));
    expect(new Set([a, b, c, e])).toEqual(new Set([b]));
    expect(d).not.toBe(b);
    expect(await identifiersOf(b!)).toEqual([{ kind: "MOBILE", value: m1, tail4: m1.slice(-4) }, { kind: "MOBILE", value: m2, tail4: m2.slice(-4) }, { kind: "ID_NUMBER", value: n1, tail4: n1.slice(-4) }].sort((x, y) => x.value.localeCompare(y.value)));
    expect(await identifiersOf(d!)).toEqual([{ kind: "ID_NUMBER", value: n2, tail4: n2.slice(-4) }]);
  });

  it("links an ingested batch at once (person_link_rows) to the persons the row trigger gives row by row, merges included", async () => {
    const [m0, m1, m2, m4] = [mobile(), mobile(), mobile(), mobile()];
    const [n1, n2, n3] = [freshIdNumber(), freshIdNumber(), freshIdNumber()];
    // m0 has a phone-only person already: the batch shows it with n3, merging it into n3's person.
    const early = await warn({ phone: m0 });
    const rows: { phone: string; idNumber?: string }[] = [
      { phone: m1 }, { phone: m1, idNumber: n1 }, { phone: m2, idNumber: n1 }, { phone: m2, idNumber: n2 }, { phone: m2 },
      { phone: m0, idNumber: n3 }, { phone: "0719-8123456" }, { phone: "0719-8123457", idNumber: n3.toLowerCase() }, { phone: m4 },
      { phone: `+86 ${m1}`, idNumber: n2 },
    ];
    const db = getDb();
    const nameOf = async (tx: Pick<typeof db, "personIdentifier">, personId: string | null) => personId
      ? (await tx.personIdentifier.findMany({ where: { personId }, select: { kind: true, value: true } })).map((i) => `${i.kind}:${i.value}`).sort().join(",")
      : null;

    // Row by row, through the trigger: each row a copy of `early` with the row's victim, rolled back.
    const rollback = new Error("rollback");
    let byTrigger: (string | null)[] = [];
    await db.$transaction(async (tx) => {
      const { id: _id, queueRank: _rank, personId: _person, ...template } = await tx.warning.findUniqueOrThrow({ where: { id: early.id } });
      const ids: string[] = [];
      for (const r of rows) {
        const id = randomUUID();
        ids.push(id);
        await tx.warning.create({ data: { ...template, id, externalId: id, victimPhone: r.phone, victimIdNumber: r.idNumber ?? null } });
      }
      const persons = new Map((await tx.warning.findMany({ where: { id: { in: [...ids, early.id] } }, select: { id: true, personId: true } })).map((w) => [w.id, w.personId]));
      byTrigger = await Promise.all([...ids, early.id].map((id) => nameOf(tx, persons.get(id) ?? null)));
      throw rollback;
    }, { timeout: 60_000 }).catch((e: unknown) => {
      if (e !== rollback) throw e;
    });

    // The same rows as one ingested batch, in the same order.
    const unitCode = tree.branches[0]!.precincts[0]!.code;
    const start = Date.now() - 60_000;
    const results = await ingestWarnings(feed, rows.map((victim, i) => warningInput({ unitCode, receivedAt: new Date(start + i * 1000).toISOString(), victim: { name: "刘某某", ...victim } })));
    expect(results.map((r) => r.status)).toEqual(rows.map(() => "created"));
    const ids = [...results.map((r) => r.id!), early.id];
    const persons = new Map((await db.warning.findMany({ where: { id: { in: ids } }, select: { id: true, personId: true } })).map((w) => [w.id, w.personId]));
    const byBatch = await Promise.all(ids.map((id) => nameOf(db, persons.get(id) ?? null)));

    expect(byBatch).toEqual(byTrigger);
    // What that is: m1 and m2 are n1's, n2 a person alone, a landline nobody (or its ID's person), m4 a phone-only person, m0's person merged into n3's.
    expect(byBatch).toEqual([
      ...Array(3).fill([`ID_NUMBER:${n1}`, `MOBILE:${m1}`, `MOBILE:${m2}`].sort().join(",")), `ID_NUMBER:${n2}`, [`ID_NUMBER:${n1}`, `MOBILE:${m1}`, `MOBILE:${m2}`].sort().join(","),
      [`ID_NUMBER:${n3}`, `MOBILE:${m0}`].sort().join(","), null, [`ID_NUMBER:${n3}`, `MOBILE:${m0}`].sort().join(","), `MOBILE:${m4}`, `ID_NUMBER:${n2}`,
      [`ID_NUMBER:${n3}`, `MOBILE:${m0}`].sort().join(","),
    ]);
    expect(await db.person.count({ where: { id: early.personId! } })).toBe(0);
  });

  it("finds a known number through the (kind, value) index when a trigger links (a collation mismatch once made every linked write read the whole table)", async () => {
    const m = mobile();
    const known = await warn({ phone: m });
    const other = await warn({ phone: mobile() });
    // Its own connection (no plan cached by earlier tests) and 20,000 more identifiers (rolled
    // back): a lookup the (kind, value) index cannot serve reads thousands of them.
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    try {
      await c.query("BEGIN");
      await c.query(`WITH p AS (INSERT INTO persons (id) SELECT gen_random_uuid() FROM generate_series(1, 20000) RETURNING id)
        INSERT INTO person_identifiers (id, "personId", kind, value, tail4) SELECT gen_random_uuid(), id, 'MOBILE', '199' || lpad((row_number() OVER ())::text, 8, '0'), '0000' FROM p`);
      // Identifiers read by sequential scans and index entries read: a lookup by (kind, value) reads one.
      const rowsRead = async () => Number((await c.query(`SELECT pg_stat_get_xact_tuples_returned('person_identifiers'::regclass)
        + pg_stat_get_xact_tuples_returned('person_identifiers_kind_value_key'::regclass) AS n`)).rows[0].n);
      const before = await rowsRead();
      const { rows } = await c.query<{ personId: string }>(`UPDATE warnings SET "victimPhone" = $1 WHERE id = $2 RETURNING "personId"`, [m, other.id]);
      expect(rows[0]!.personId).toBe(known.personId);
      expect(await rowsRead() - before).toBeLessThan(10);
    } finally {
      await c.query("ROLLBACK");
      await c.end();
    }
  });
});

describe("backfill", () => {
  it("person_link_all() gives the same persons as the triggers on the same data", async () => {
    // A fresh precinct's worth of records, made through the triggers.
    const m1 = mobile(), m2 = mobile(), m3 = mobile();
    const n1 = idNumber(randomInt(0, 1000)), n2 = idNumber(randomInt(0, 1000));
    const records = [
      await warn({ phone: m1 }),
      await warn({ phone: m2 }),
      await warn({ phone: m1, idNumber: n1 }, { receivedAt: new Date(Date.now() - 30_000).toISOString() }),
      await warn({ phone: m3, idNumber: n2 }, { receivedAt: new Date(Date.now() - 20_000).toISOString() }),
      await warn({ phone: m3 }, { receivedAt: new Date(Date.now() - 10_000).toISOString() }),
      await warn({ phone: "0719-8123456", idNumber: n2 }, { receivedAt: new Date().toISOString() }),
    ].map((r) => r.id);
    const victim = await victimOf(m2, undefined);
    const db = getDb();
    const partition = async () => {
      const ws = await db.warning.findMany({ where: { id: { in: records } }, select: { id: true, personId: true } });
      const v = await db.caseVictim.findUniqueOrThrow({ where: { id: victim.id }, select: { personId: true } });
      const byRecord = [...ws.map((w) => [w.id, w.personId] as const), [victim.id, v.personId] as const];
      // Persons named by their identifiers, so fresh ids compare equal.
      const names = new Map<string, string>();
      for (const pid of new Set(byRecord.map(([, p]) => p).filter((p): p is string => !!p))) names.set(pid, (await identifiersOf(pid)).map((i) => `${i.kind}:${i.value}`).join(","));
      return Object.fromEntries(byRecord.map(([id, p]) => [id, p ? names.get(p) : null]));
    };
    const byTriggers = await partition();
    expect(Object.values(byTriggers).filter(Boolean)).toHaveLength(records.length + 1);

    // Unlink and forget these persons, backfill, compare, roll back.
    const rollback = new Error("rollback");
    let byBackfill: Record<string, string | null | undefined> = {};
    await db.$transaction(async (tx) => {
      const persons = [...new Set((await tx.warning.findMany({ where: { id: { in: records } }, select: { personId: true } })).map((w) => w.personId!))];
      await tx.$executeRaw`UPDATE warnings SET "personId" = NULL WHERE "personId" = ANY(${persons}::uuid[])`;
      await tx.$executeRaw`UPDATE case_victims SET "personId" = NULL WHERE "personId" = ANY(${persons}::uuid[])`;
      await tx.$executeRaw`UPDATE disciplinary_measures SET "personId" = NULL WHERE "personId" = ANY(${persons}::uuid[])`;
      await tx.$executeRaw`UPDATE dissuasion_actions SET "personId" = NULL WHERE "personId" = ANY(${persons}::uuid[])`;
      await tx.$executeRaw`UPDATE warning_sightings SET "personId" = NULL WHERE "personId" = ANY(${persons}::uuid[])`;
      await tx.$executeRaw`DELETE FROM persons WHERE id = ANY(${persons}::uuid[])`;
      await tx.$queryRaw`SELECT person_link_all()`;
      const ws = await tx.warning.findMany({ where: { id: { in: records } }, select: { id: true, personId: true } });
      const v = await tx.caseVictim.findUniqueOrThrow({ where: { id: victim.id }, select: { personId: true } });
      const names = new Map<string, string>();
      for (const pid of new Set([...ws.map((w) => w.personId), v.personId].filter((p): p is string => !!p))) {
        const ids = await tx.personIdentifier.findMany({ where: { personId: pid }, select: { kind: true, value: true } });
        names.set(pid, ids.sort((a, b) => a.value.localeCompare(b.value)).map((i) => `${i.kind}:${i.value}`).join(","));
      }
      byBackfill = Object.fromEntries([...ws.map((w) => [w.id, w.personId ? names.get(w.personId) : null]), [victim.id, v.personId ? names.get(v.personId) : null]]);
      throw rollback;
    }, { timeout: 60_000 }).catch((e: unknown) => {
      if (e !== rollback) throw e;
    });
    expect(byBackfill).toEqual(byTriggers);
  });
});
