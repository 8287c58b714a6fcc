import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { POST } from "@/app/api/v1/warnings/route";
import { makeApiKey, makeUnitTree, warningInput, type TestTree } from "@/tests/factories";

let tree: TestTree;
let feed: Awaited<ReturnType<typeof makeApiKey>>;
beforeAll(async () => {
  tree = await makeUnitTree();
  forgetRoutingTable();
  feed = await makeApiKey(tree.city, ["warnings:ingest", "warnings:read"]);
});

const rows = (ids: (string | undefined)[]) => getDb().warning.findMany({ where: { id: { in: ids.filter((x): x is string => !!x) } } });

describe("warning ingestion", () => {
  it("creates, routes and starts the SLA clock", async () => {
    const precinct = tree.branches[0]!.precincts[1]!;
    const [byCode, byAddress, fallback] = await ingestWarnings(feed.actor, [
      warningInput({ unitCode: precinct.code, riskLevel: "CRITICAL" }),
      warningInput({ victim: { phone: "13700001111", address: `湖北省十堰市${tree.branches[1]!.precincts[0]!.addressKeywords[0]}88号` } }),
      warningInput({ victim: { phone: "13700002222", address: "外地某处" } }),
    ]);
    expect([byCode!.status, byAddress!.status, fallback!.status]).toEqual(["created", "created", "created"]);
    const [a, b, c] = await Promise.all([byCode, byAddress, fallback].map((r) => getDb().warning.findUniqueOrThrow({ where: { id: r!.id } })));
    expect(a).toMatchObject({ unitId: precinct.id, routedBy: "UNIT_CODE", status: "PENDING", priority: 40 });
    expect(a!.ackDueAt.getTime() - a!.receivedAt.getTime()).toBe(5 * 60_000);
    expect(a!.resolveDueAt.getTime() - a!.receivedAt.getTime()).toBe(120 * 60_000);
    expect(a!.slaDueAt).toEqual(a!.ackDueAt);
    expect(b).toMatchObject({ unitId: tree.branches[1]!.precincts[0]!.id, routedBy: "ADDRESS" });
    expect(c).toMatchObject({ unitId: tree.center.id, routedBy: "FALLBACK" });
    expect(a!.amountAtRisk?.toFixed(2)).toBe("30000.00");
  });

  it("stores text exactly as sent, whatever characters it holds", async () => {
    // The rows travel in COPY's text format: backslashes, tabs, line breaks and "\\N" must survive.
    const note = "备注\\N \\ back\\slash\ttab\nnew line\r\nCRLF \\t 😀 'quote' \"dq\"";
    const address = "湖北省十堰市\t某路\\88号";
    const [r] = await ingestWarnings(feed.actor, [warningInput({ note, victim: { phone: "13700009999", name: "\\N", address } })]);
    const w = await getDb().warning.findUniqueOrThrow({ where: { id: r!.id } });
    expect([w.note, w.victimName, w.victimAddress, w.victimIdNumber]).toEqual([note, "\\N", address, null]);
  });

  it("rejects a bad item with its field errors and still takes the others", async () => {
    const items = [
      warningInput({ victim: { phone: "12345", idNumber: "420302199001011234" } }),
      warningInput({ amountAtRisk: "12.345", extra: 1 }),
      warningInput({ receivedAt: new Date(Date.now() + 3600_000).toISOString() }),
      warningInput(),
    ];
    const results = await ingestWarnings(feed.actor, items);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected", "created"]);
    expect(results[0]!.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: "victim.phone", code: "invalid_phone" }),
      expect.objectContaining({ path: "victim.idNumber", code: "invalid_id_number" }),
    ]));
    expect(results[1]!.errors!.map((e) => e.code)).toEqual(expect.arrayContaining(["invalid_money", "unknown_keys"]));
    expect(results[2]!.errors![0]).toMatchObject({ path: "receivedAt", code: "in_future" });
    // (Counted by their ids: other files write warnings into the same database meanwhile.)
    expect(await getDb().warning.count({ where: { externalId: { in: items.map((i) => i.externalId) } } })).toBe(1);
  });

  it("leaves exactly one record under 50 concurrent replays", async () => {
    const item = warningInput();
    const all = await Promise.all(Array.from({ length: 50 }, () => ingestWarnings(feed.actor, [item])));
    const statuses = all.map((r) => r[0]!.status);
    expect(statuses.filter((s) => s === "created")).toHaveLength(1);
    expect(statuses.filter((s) => s === "duplicate")).toHaveLength(49);
    expect(new Set(all.map((r) => r[0]!.id)).size).toBe(1);
    expect(await getDb().warning.count({ where: { source: "NATIONAL", externalId: item.externalId } })).toBe(1);
  });

  it("treats the same victim and fraud contact within 72 h as a repeat, once per sighting", async () => {
    const first = warningInput({ riskLevel: "MEDIUM" });
    const [created] = await ingestWarnings(feed.actor, [first]);
    // A lower risk than the open warning's: the warning keeps its own (issue 12.2), the repeat bumps it.
    const again = warningInput({ source: "BANK", riskLevel: "LOW", victim: first.victim, contact: first.contact, receivedAt: new Date().toISOString() });
    const [repeat] = await ingestWarnings(feed.actor, [again]);
    expect(repeat).toMatchObject({ status: "repeat", id: created!.id });
    // Replaying the repeat changes nothing.
    expect((await ingestWarnings(feed.actor, [again]))[0]).toMatchObject({ status: "duplicate", id: created!.id });
    const [w] = await rows([created!.id]);
    expect(w).toMatchObject({ riskLevel: "MEDIUM", repeatCount: 1, priority: 25, version: 2 });
    expect(await getDb().warningSighting.count({ where: { warningId: created!.id } })).toBe(1);
    // Outside the 72 h window, or once resolved, it is a new warning.
    const late = warningInput({ victim: first.victim, contact: first.contact, receivedAt: new Date(Date.now() - 80 * 3600_000).toISOString() });
    expect((await ingestWarnings(feed.actor, [late]))[0]!.status).toBe("created");
  });

  it("recognises duplicates and repeats inside one batch", async () => {
    const a = warningInput();
    const b = warningInput({ victim: a.victim, contact: a.contact });
    const results = await ingestWarnings(feed.actor, [a, a, b]);
    expect(results.map((r) => r.status)).toEqual(["created", "duplicate", "repeat"]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
  });

  it("takes concurrent full batches, and a victim reported in two of them at once is one warning", async () => {
    // Six 5,000-item batches at once ran PostgreSQL's lock table out when ingestion took a lock per victim.
    const victim = warningInput();
    const batches = Array.from({ length: 6 }, (_, b) => [
      warningInput({ source: "BANK", victim: victim.victim, contact: victim.contact, externalId: `SAME-${victim.externalId}-${b}` }),
      ...Array.from({ length: 4_999 }, () => warningInput()),
    ]);
    const results = await Promise.all(batches.map((items) => ingestWarnings(feed.actor, items)));
    expect(results.flat().filter((r) => r.status !== "created" && r.status !== "repeat")).toEqual([]);
    const firsts = results.map((r) => r[0]!);
    expect(firsts.filter((r) => r.status === "created")).toHaveLength(1);
    expect(new Set(firsts.map((r) => r.id)).size).toBe(1);
    const [w] = await rows([firsts[0]!.id]);
    expect(w!.repeatCount).toBe(5);
    // 30,000 new victims, each linked to a new person by the row triggers: 19 s on a loaded 2-core machine.
  }, 120_000);

  it("writes the requests that arrive while one is being written in one transaction, each in a savepoint of its own", async () => {
    // Two feeds of two branches; one request fails inside the transaction (a trigger raises for it).
    const [east, west] = await Promise.all(tree.branches.slice(0, 2).map((b) => makeApiKey(b, ["warnings:ingest", "warnings:read"])));
    await getDb().$executeRaw`CREATE OR REPLACE FUNCTION test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'test failure'; END $$`;
    await getDb().$executeRaw`CREATE TRIGGER test_fail BEFORE INSERT ON warnings FOR EACH ROW WHEN (NEW.note = 'fail-test') EXECUTE FUNCTION test_fail()`;
    try {
      const victim = warningInput();
      const calls = Array.from({ length: 30 }, (_, i) => {
        const [key, branch] = i % 2 ? [west!, tree.branches[1]!] : [east!, tree.branches[0]!];
        const item = i === 7 ? warningInput({ note: "fail-test", unitCode: branch.precincts[0]!.code })
          : i === 10 || i === 12 ? warningInput({ victim: victim.victim, contact: victim.contact, unitCode: tree.branches[0]!.precincts[0]!.code })
          : warningInput({ unitCode: branch.precincts[i % 2]!.code });
        return ingestWarnings(key.actor, [item]).then((r) => r[0]!, (e: unknown) => e);
      });
      const results = await Promise.all(calls);

      expect(results[7]).toBeInstanceOf(Error);
      expect(await getDb().warning.count({ where: { note: "fail-test" } })).toBe(0);
      const answered = results.filter((r, i) => i !== 7) as { status: string; id: string }[];
      expect(answered.map((r) => r.status).sort()).toEqual([...Array(28).fill("created"), "repeat"]);
      expect([results[10], results[12]].map((r) => (r as { status: string }).status).sort()).toEqual(["created", "repeat"]);
      const created = await rows(answered.filter((r) => r.status === "created").map((r) => r.id));
      expect(created).toHaveLength(28);
      // Each in its sender's branch; rows of one transaction share its start (now()): fewer than one each.
      for (const w of created) expect(tree.branches.slice(0, 2).some((b) => b.precincts.some((p) => p.id === w.unitId))).toBe(true);
      expect(new Set(created.map((w) => w.createdAt.getTime())).size).toBeLessThan(created.length / 2);
      // Each request has its own audit record.
      const audits = await getDb().auditLog.findMany({ where: { action: "warning.ingest", actorId: { in: [east!.actor.id, west!.actor.id] } } });
      expect(audits).toHaveLength(29);
    } finally {
      await getDb().$executeRaw`DROP TRIGGER IF EXISTS test_fail ON warnings`;
      await getDb().$executeRaw`DROP FUNCTION IF EXISTS test_fail()`;
    }
  });

  it("audits each batch in the same transaction", async () => {
    const results = await ingestWarnings(feed.actor, [warningInput(), warningInput()]);
    const audit = await getDb().auditLog.findFirst({ where: { action: "warning.ingest", actorId: feed.actor.id }, orderBy: { id: "desc" } });
    expect((audit!.details as { ids: string[] }).ids).toEqual(expect.arrayContaining(results.map((r) => r.id)));
    expect(audit!.actorName).toBe(feed.actor.name);
  });

  it("audits a batch large enough for a follow-up, and a batch of duplicates alone, each once", async () => {
    const items = Array.from({ length: 120 }, () => warningInput());
    const records = { action: "warning.ingest", actorId: feed.actor.id };
    const before = await getDb().auditLog.count({ where: records });
    const first = await ingestWarnings(feed.actor, items);
    expect(first.every((r) => r.status === "created")).toBe(true);
    const again = await ingestWarnings(feed.actor, items);
    expect(again.every((r) => r.status === "duplicate")).toBe(true);
    expect(await getDb().auditLog.count({ where: records })).toBe(before + 2);
    const [dup, big] = await getDb().auditLog.findMany({ where: records, orderBy: { id: "desc" }, take: 2 });
    expect(big!.details).toMatchObject({ created: 120, duplicates: 0 });
    expect((big!.details as { ids: string[] }).ids.sort()).toEqual(first.map((r) => r.id).sort());
    expect(dup!.details).toMatchObject({ created: 0, repeats: 0, duplicates: 120, ids: [] });
  });

  it("refuses more than 5,000 items", async () => {
    const e = await ingestWarnings(feed.actor, new Array(5001).fill({})).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(422);
  });
});

describe("POST /api/v1/warnings", () => {
  const post = (body: string, headers: Record<string, string> = { authorization: `Bearer ${feed.key}` }) =>
    POST(new Request("http://localhost/api/v1/warnings", { method: "POST", body, headers: { "content-type": "application/json", ...headers } }), { params: Promise.resolve({}) });

  it("answers per-item results for a batch", async () => {
    const res = await post(JSON.stringify([warningInput(), { nonsense: true }]));
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json.summary).toEqual({ created: 1, repeat: 0, duplicate: 0, rejected: 1 });
    expect(json.results[1]).toMatchObject({ index: 1, status: "rejected" });
  });

  it("rejects an item holding text the database cannot store, alone", async () => {
    const bad = warningInput({ note: "nul \u0000 here" });
    const res = await post(JSON.stringify([warningInput(), bad]));
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json.summary).toMatchObject({ created: 1, rejected: 1 });
    expect(json.results[1].errors).toEqual([expect.objectContaining({ path: "note", code: "invalid_text" })]);
    expect(await getDb().warning.count({ where: { externalId: bad.externalId } })).toBe(0);
  });

  it("answers 401 without a valid key, 422 for malformed JSON, 413 over the size limit", async () => {
    expect((await post("[]", { authorization: "Bearer fz_0000000000_wrongwrongwrongwrongwrong" })).status).toBe(401);
    const malformed = await post("[{");
    expect(malformed.status).toBe(422);
    expect((await malformed.json()).error.code).toBe("VALIDATION");
    const big = await post(JSON.stringify([{ note: "x".repeat(9 * 1024 * 1024) }]));
    expect(big.status).toBe(413);
    expect(JSON.stringify(await big.json())).not.toMatch(/at .*\.ts/);
  });

  it("answers 403 to a key without the ingest scope", async () => {
    const reader = await makeApiKey(tree.city, ["warnings:read"]);
    expect((await post(JSON.stringify(warningInput()), { authorization: `Bearer ${reader.key}` })).status).toBe(403);
  });
});
