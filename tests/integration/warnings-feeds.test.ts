// Issue 12.2 (a repeat keeps everything it carried and raises the open warning) and SECURITY.md
// G31 (a feed is bound to its sources and its jurisdiction; duplicates and repeats are matched
// only within what the caller may see), with two feeds in two branches.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { idNumberCheckChar } from "@/lib/pii/id-number";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { makeApiKey, makeUnitTree, makeUser, warningInput, type TestTree } from "@/tests/factories";
import { actAs } from "./authz/call";

vi.mock("next-auth", async () => (await import("./authz/next-mocks")).nextAuth);
vi.mock("next/headers", async () => (await import("./authz/next-mocks")).nextHeaders({ "x-request-id": "feeds", "user-agent": "vitest" }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let tree: TestTree;
beforeAll(async () => {
  tree = await makeUnitTree();
  forgetRoutingTable();
});

const idNumber = (body17: string) => body17 + idNumberCheckChar(body17);
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
/** A form's fields; nested keys become the dotted names the form posts (victim.phone …). */
const form = (fields: Record<string, string | Record<string, string>>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === "string") f.set(k, v);
    else for (const [sub, x] of Object.entries(v)) f.set(`${k}.${sub}`, x);
  }
  return f;
};

describe("a repeat caller's manual entry (issue 12.2)", () => {
  it("keeps all it carried, raises the open warning's risk and amount, fills what it lacked and tells the dispatcher", async () => {
    const precinct = tree.branches[0]!.precincts[0]!;
    const feed = await makeApiKey(tree.city, ["warnings:ingest"], ["NATIONAL"]);
    const phone = `138${String(Date.now()).slice(-8)}`;
    const contact = { channel: "PHONE", value: `+85261${String(Date.now()).slice(-6)}` };
    // The older, bare warning: a phone and a contact, no name, no ID, no amount.
    const bare = warningInput({ unitCode: precinct.code, riskLevel: "HIGH", receivedAt: minutesAgo(3), victim: { phone }, contact, amountAtRisk: undefined });
    const [first] = await ingestWarnings(feed.actor, [bare]);
    const before = await getDb().warning.findUniqueOrThrow({ where: { id: first!.id } });
    expect(before).toMatchObject({ riskLevel: "HIGH", victimName: null, amountAtRisk: null, repeatCount: 0 });

    const dispatcher = await makeUser(tree.center, "DISPATCHER");
    await actAs({ kind: "user", who: "DISPATCHER", user: dispatcher.user, actor: dispatcher.actor });
    const { createManualWarningAction } = await import("@/app/(app)/warnings/actions");
    const id = idNumber("42030219580506123");
    const entry = {
      source: "HOTLINE", riskLevel: "CRITICAL", fraudType: "IMPERSONATE_OFFICIAL",
      victim: { name: "刘桂芳", phone, idNumber: id, age: "68", gender: "FEMALE", address: "湖北省十堰市某路1号" },
      contact: { channel: contact.channel, value: contact.value }, amountAtRisk: "50000.00", note: "老人称“公检法”要求转账到安全账户",
    };
    const state = await createManualWarningAction(null, form(entry));
    // The dispatcher is told where it went: the warning's number and which repeat this is.
    expect(state).toMatchObject({ ok: true, data: { id: first!.id, status: "repeat", mergedInto: { source: "NATIONAL", externalId: bare.externalId, repeat: 1 } } });

    const after = await getDb().warning.findUniqueOrThrow({ where: { id: first!.id } });
    expect(after).toMatchObject({
      riskLevel: "CRITICAL", repeatCount: 1, victimName: "刘桂芳", victimIdNumber: id, victimAge: 68, victimGender: "FEMALE",
      victimAddress: entry.victim.address, note: entry.note, unitId: precinct.id, version: before.version + 1,
    });
    expect(after.amountAtRisk?.toFixed(2)).toBe("50000.00");
    // 特高危 weight and one repeat bump; the ladder tightened to 特高危's from the moment it was said.
    expect(after.priority).toBe(40 + 5);
    expect(after.ackDueAt.getTime()).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
    expect(after.ackDueAt.getTime()).toBeLessThan(before.ackDueAt.getTime());
    expect(after.slaDueAt).toEqual(after.ackDueAt);

    const [sighting] = await getDb().warningSighting.findMany({ where: { warningId: first!.id } });
    expect(sighting).toMatchObject({
      source: "HOTLINE", riskLevel: "CRITICAL", fraudType: "IMPERSONATE_OFFICIAL", victimName: "刘桂芳", victimPhone: phone, victimIdNumber: id,
      victimAge: 68, victimGender: "FEMALE", victimAddress: entry.victim.address, contactChannel: "PHONE", contactValue: contact.value,
      note: entry.note, createdById: dispatcher.user.id, apiKeyId: null,
    });
    expect(sighting!.amountAtRisk?.toFixed(2)).toBe("50000.00");

    // A later repeat never overwrites what the warning has: another name, a lower risk, a smaller amount.
    const [again] = await ingestWarnings(feed.actor, [warningInput({ receivedAt: new Date().toISOString(), riskLevel: "LOW", victim: { phone, name: "别名" }, contact, amountAtRisk: "100.00", note: "另一说法" })]);
    expect(again).toMatchObject({ status: "repeat", id: first!.id });
    const last = await getDb().warning.findUniqueOrThrow({ where: { id: first!.id } });
    expect(last).toMatchObject({ riskLevel: "CRITICAL", repeatCount: 2, victimName: "刘桂芳", note: entry.note, priority: 40 + 10 });
    expect(last.amountAtRisk?.toFixed(2)).toBe("50000.00");
    const kept = await getDb().warningSighting.findMany({ where: { warningId: first!.id }, orderBy: { receivedAt: "asc" } });
    expect(kept.map((s) => [s.victimName, s.note, s.amountAtRisk?.toFixed(2)])).toEqual([["刘桂芳", entry.note, "50000.00"], ["别名", "另一说法", "100.00"]]);
  });

  it("merges repeats of one batch in order and numbers each", async () => {
    const feed = await makeApiKey(tree.city, ["warnings:ingest", "warnings:read"], ["BANK"]);
    const base = warningInput({ source: "BANK", receivedAt: minutesAgo(20), riskLevel: "MEDIUM", amountAtRisk: undefined, victim: { phone: `137${String(Date.now()).slice(-8)}` } });
    const r = await ingestWarnings(feed.actor, [
      base,
      { ...base, externalId: `${base.externalId}-b`, receivedAt: minutesAgo(10), riskLevel: "HIGH", amountAtRisk: "200.00" },
      { ...base, externalId: `${base.externalId}-c`, receivedAt: minutesAgo(5), amountAtRisk: "300.00", note: "第三次" },
    ]);
    expect(r.map((x) => x.status)).toEqual(["created", "repeat", "repeat"]);
    expect(r.map((x) => x.mergedInto?.repeat)).toEqual([undefined, 1, 2]);
    const w = await getDb().warning.findUniqueOrThrow({ where: { id: r[0]!.id } });
    expect(w).toMatchObject({ riskLevel: "HIGH", repeatCount: 2, note: "第三次", priority: 30 + 10 });
    expect(w.amountAtRisk?.toFixed(2)).toBe("300.00");
  });
});

describe("feeds bound to sources and jurisdictions (SECURITY.md G31)", () => {
  it("rejects an item of a source the key is not bound to, or naming a unit outside its jurisdiction", async () => {
    const bank1 = await makeApiKey(tree.branches[1]!, ["warnings:ingest"], ["BANK"]);
    const results = await ingestWarnings(bank1.actor, [
      warningInput({ source: "NATIONAL" }),
      warningInput({ source: "BANK", unitCode: tree.branches[0]!.precincts[0]!.code }),
      warningInput({ source: "BANK", unitCode: tree.branches[1]!.precincts[1]!.code }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "created"]);
    expect(results[0]!.errors).toEqual([expect.objectContaining({ path: "source", code: "source_not_allowed" })]);
    expect(results[1]!.errors).toEqual([expect.objectContaining({ path: "unitCode", code: "unknown_unit" })]);
    // A key bound to no source sends nothing.
    const unbound = await makeApiKey(tree.city, ["warnings:ingest"], []);
    expect((await ingestWarnings(unbound.actor, [warningInput()]))[0]).toMatchObject({ status: "rejected", errors: [expect.objectContaining({ code: "source_not_allowed" })] });
  });

  it("a county feed cannot suppress, absorb or learn of another jurisdiction's warning", async () => {
    const [b0, b1] = [tree.branches[0]!, tree.branches[1]!];
    const national0 = await makeApiKey(b0, ["warnings:ingest", "warnings:read"], ["NATIONAL"]);
    const county1 = await makeApiKey(b1, ["warnings:ingest", "warnings:read"], ["NATIONAL"]);
    const real = warningInput({ riskLevel: "CRITICAL", unitCode: b0.precincts[0]!.code });
    const [w] = await ingestWarnings(national0.actor, [real]);
    expect(w!.status).toBe("created");
    const other = (await getDb().warning.findUniqueOrThrow({ where: { id: w!.id } }));

    // Junk under the real warning's id, and a repeat of its victim, from the other branch's key.
    const [junk, lookalike] = await ingestWarnings(county1.actor, [
      warningInput({ externalId: real.externalId, riskLevel: "LOW" }),
      warningInput({ victim: real.victim, contact: real.contact }),
    ]);
    expect(junk!.status).toBe("created");
    expect(lookalike!.status).toBe("created");
    expect([junk!.id, lookalike!.id]).not.toContain(w!.id);
    expect(JSON.stringify([junk, lookalike])).not.toContain(w!.id);
    const unchanged = await getDb().warning.findUniqueOrThrow({ where: { id: w!.id } });
    expect(unchanged).toEqual(other);
    expect(await getDb().warningSighting.count({ where: { warningId: w!.id } })).toBe(0);

    // The real feed still gets its own warning back on a replay, whatever the other feed sent.
    const [replay] = await ingestWarnings(national0.actor, [real]);
    expect(replay).toMatchObject({ status: "duplicate", id: w!.id });
    // And the other branch's key replaying its junk finds its own, not the real one.
    const [junkAgain] = await ingestWarnings(county1.actor, [warningInput({ externalId: real.externalId, riskLevel: "LOW" })]);
    expect(junkAgain).toMatchObject({ status: "duplicate", id: junk!.id });
    // A city key sees both and answers its own-jurisdiction duplicate without naming a stranger's warning as its own.
    const city = await makeApiKey(tree.city, ["warnings:ingest"], ["NATIONAL"]);
    const [seenByCity] = await ingestWarnings(city.actor, [real]);
    expect(seenByCity!.status).toBe("duplicate");
    expect([w!.id, junk!.id]).toContain(seenByCity!.id);
  });
});

describe("instants out of range (SECURITY.md G32, issue 13.5)", () => {
  it("a receivedAt before 2000 or ahead of the clock is one rejected item, the batch goes on", async () => {
    const feed = await makeApiKey(tree.city, ["warnings:ingest"]);
    const results = await ingestWarnings(feed.actor, [
      warningInput({ receivedAt: "1969-12-31T23:59:59Z" }),
      warningInput({ receivedAt: "0001-01-01T00:00:00Z" }),
      warningInput({ receivedAt: "1999-12-31T23:59:59.999+00:00" }),
      warningInput({ receivedAt: new Date(Date.now() + 3600_000).toISOString() }),
      warningInput(),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected", "rejected", "created"]);
    expect(results.slice(0, 3).map((r) => r.errors?.[0])).toEqual(Array(3).fill(expect.objectContaining({ path: "receivedAt", code: "too_early" })));
    expect(results[3]!.errors?.[0]).toMatchObject({ path: "receivedAt", code: "in_future" });
  });
});
