// 一人一档, the file and its searches: each part of a file is shown to whoever may see the record
// it comes from (two precincts, two branches, the centre, another city); numbers are masked and
// revealed only through the audited reveal; the exact lookup needs a reason and is audited; the
// tail search lists persons of one's own jurisdiction only.
import { randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import { createCase } from "@/lib/cases/create-case";
import { createMeasure } from "@/lib/publicity/measures";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { addDays, chinaToday } from "@/lib/time/china";
import { getPersonFile, personLinkOf, showPerson, tailSearch, searchPersonsByTail } from "@/lib/persons/queries";
import { lookupPerson, revealPersonIdentifier } from "@/lib/persons/commands";
import { makeApiKey, makeUnitTree, makeUser, warningInput, type TestTree } from "@/tests/factories";
import { caseInput, idNumber } from "./cases-fixtures";

const REASON = "来电核实当事人身份";
const M = `13${randomInt(5, 10)}${String(randomInt(0, 1e8)).padStart(8, "0")}`;
const N = idNumber(randomInt(0, 1000));

let tree: TestTree;
let far: TestTree;
const who = {} as Record<"officerP1" | "officerP2" | "officerQ1" | "investigatorB0" | "investigatorB1" | "centre" | "farCentre" | "leader", Actor>;
let personId: string;
let earlier: string[];

beforeAll(async () => {
  tree = await makeUnitTree();
  far = await makeUnitTree();
  forgetRoutingTable();
  const [b0, b1] = tree.branches as [TestTree["branches"][number], TestTree["branches"][number]];
  const feed = (await makeApiKey(tree.city, ["warnings:ingest"])).actor;
  Object.assign(who, {
    officerP1: (await makeUser(b0.precincts[0]!, "OFFICER")).actor,
    officerP2: (await makeUser(b0.precincts[1]!, "OFFICER")).actor,
    officerQ1: (await makeUser(b1.precincts[0]!, "OFFICER")).actor,
    investigatorB0: (await makeUser(b0, "INVESTIGATOR")).actor,
    investigatorB1: (await makeUser(b1, "INVESTIGATOR")).actor,
    centre: (await makeUser(tree.center, "DISPATCHER")).actor,
    farCentre: (await makeUser(far.center, "DISPATCHER")).actor,
    leader: (await makeUser(tree.city, "LEADER")).actor,
  });
  // Two earlier warnings in P1 (one visited), one in Q1 (other branch); a case of branch 1 with the
  // person as victim; a measure of P2 naming the ID number.
  const ingest = async (unitCode: string, daysAgo: number, idNum?: string) => {
    const [r] = await ingestWarnings(feed, [warningInput({ unitCode, receivedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(), victim: { name: "赵桂兰", phone: M, idNumber: idNum, age: 71, gender: "FEMALE" } })]);
    expect(r?.status).toBe("created");
    return r!.id!;
  };
  earlier = [await ingest(b0.precincts[0]!.code, 20, N), await ingest(b0.precincts[0]!.code, 5)];
  await recordHomeVisit(who.officerP1, { id: earlier[1]!, arrivedAt: new Date(Date.now() - 60_000).toISOString(), personFound: true, outcome: "DISSUADED", amountProtected: "8000.00", appRegistered: true, relativesContacted: false }, { idempotencyKey: randomUUID() });
  await ingest(b1.precincts[0]!.code, 3);
  await createCase(who.investigatorB1, caseInput({ victims: [{ name: "赵桂兰", phone: M, lossAmount: "12000.00" }] }));
  await createMeasure(who.officerP2, { personName: "赵桂兰", personIdNumber: N, measure: "RESTRICT_NEW_CARDS", startsOn: addDays(chinaToday(), -1), endsOn: addDays(chinaToday(), 30), reason: "名下银行卡被用于转移诈骗资金" });
  personId = (await getDb().warning.findUniqueOrThrow({ where: { id: earlier[0]! } })).personId!;
});

const kinds = (f: Awaited<ReturnType<typeof getPersonFile>>) => f.timeline.map((e) => e.kind).sort();

describe("the file, part by part", () => {
  it("shows a precinct only the entries of its records, and the counts of those", async () => {
    const f = await getPersonFile(who.officerP1, personId);
    expect(kinds(f)).toEqual(["ACTION", "WARNING", "WARNING"]);
    expect(f.timeline.filter((e) => e.kind === "WARNING").map((e) => e.href).sort()).toEqual(earlier.map((id) => `/warnings/${id}`).sort());
    expect(f.counts).toMatchObject({ warningsTotal: 2, casesAsVictim: 0, losses: "0.00", amountProtected: "8000.00", appRegistered: true });
    // In time order, newest first.
    expect([...f.timeline].map((e) => e.at)).toEqual([...f.timeline].map((e) => e.at).sort().reverse());
    // The other precinct of the branch sees its measure only, and of the identity only the ID number its record carries.
    const p2 = await getPersonFile(who.officerP2, personId);
    expect(kinds(p2)).toEqual(["MEASURE"]);
    expect(p2.identifiers.map((i) => i.kind)).toEqual(["ID_NUMBER"]);
  });

  it("shows a branch its precincts' parts, the other branch its own, the centre its whole city", async () => {
    expect(kinds(await getPersonFile(who.investigatorB0, personId))).toEqual(["ACTION", "MEASURE", "WARNING", "WARNING"]);
    const b1 = await getPersonFile(who.investigatorB1, personId);
    expect(kinds(b1)).toEqual(["CASE_VICTIM", "WARNING"]);
    expect(b1.counts).toMatchObject({ warningsTotal: 1, casesAsVictim: 1, losses: "12000.00", amountProtected: "0.00" });
    const centre = await getPersonFile(who.centre, personId);
    expect(kinds(centre)).toEqual(["ACTION", "CASE_VICTIM", "MEASURE", "WARNING", "WARNING", "WARNING"]);
    expect(centre.counts.warningsThisYear).toBeGreaterThanOrEqual(centre.counts.warningsThisMonth);
  });

  it("answers another city 404 and audits the denial; a precinct holding none of it likewise", async () => {
    for (const actor of [who.farCentre, (await makeUser(tree.branches[1]!.precincts[1]!, "OFFICER")).actor]) {
      expect(await getPersonFile(actor, personId).catch((e: AppError) => e.status)).toBe(404);
      expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: actor.id, entityId: personId } })).toBe(1);
    }
    expect(await showPerson(who.leader, { id: personId }).catch((e: AppError) => e.status)).toBe(403);
  });

  it("masks every number and reveals one only with a reason, audited, to whose records carry it", async () => {
    const f = await getPersonFile(who.officerP1, personId);
    expect(JSON.stringify(f)).not.toContain(M);
    expect(JSON.stringify(f)).not.toContain(N);
    const mobile = f.identifiers.find((i) => i.kind === "MOBILE")!;
    expect(mobile.masked).toBe(`${M.slice(0, 3)}****${M.slice(-4)}`);
    expect(await revealPersonIdentifier(who.officerP1, { id: personId, identifierId: mobile.id, reason: REASON })).toBe(M);
    expect(await getDb().auditLog.count({ where: { action: "pii.reveal", actorId: who.officerP1.id, entityId: personId } })).toBe(1);
    const err = await revealPersonIdentifier(who.officerP1, { id: personId, identifierId: mobile.id }).catch((e: AppError) => e);
    expect(err).toMatchObject({ status: 422 });
    // P2's records carry the ID number, not the mobile.
    expect(await revealPersonIdentifier(who.officerP2, { id: personId, identifierId: mobile.id, reason: REASON }).catch((e: AppError) => e.status)).toBe(404);
  });

  it("links a warning to the file with its 90-day count in the reader's jurisdiction", async () => {
    expect(await personLinkOf(who.officerP1, { warningId: earlier[1]! })).toEqual({ personId, warnings90d: 2 });
    expect(await personLinkOf(who.centre, { warningId: earlier[1]! })).toEqual({ personId, warnings90d: 3 });
  });
});

describe("search", () => {
  it("finds by the last four within one's own jurisdiction only", async () => {
    const tail = M.slice(-4);
    expect((await tailSearch(who.officerP1, tail)).map((p) => p.id)).toContain(personId);
    expect((await tailSearch(who.centre, tail)).map((p) => p.id)).toContain(personId);
    // P2's records carry the ID number, not the mobile: P2 finds the person by the ID's tail, masked,
    // and never by (nor learns) the mobile only P1's records carry.
    expect((await searchPersonsByTail(who.officerP2, { tail })).items.map((p) => p.id)).not.toContain(personId);
    const hit = (await searchPersonsByTail(who.officerP2, { tail: N.slice(-4) })).items.find((p) => p.id === personId)!;
    expect(hit.identifiers.map((i) => [i.kind, i.masked])).toEqual([["ID_NUMBER", expect.not.stringContaining(N.slice(4, 14))]]);
    expect((await tailSearch(who.farCentre, tail)).map((p) => p.id)).not.toContain(personId);
    expect((await tailSearch((await makeUser(tree.branches[1]!.precincts[1]!, "OFFICER")).actor, tail)).map((p) => p.id)).not.toContain(personId);
    expect(await searchPersonsByTail(who.officerP1, { tail: "12a4" }).catch((e: AppError) => [e.status, e.details?.[0]?.path])).toEqual([422, "tail"]);
  });

  it("looks up a full number only with a reason, audits it found or not, and names the person only to a jurisdiction holding a record", async () => {
    const noReason = await lookupPerson(who.officerP1, { number: M }).catch((e: AppError) => e);
    expect(noReason).toMatchObject({ status: 422 });
    expect((noReason as AppError).details?.map((d) => d.path)).toEqual(["reason"]);
    expect(await lookupPerson(who.officerP1, { number: "12345", reason: REASON }).catch((e: AppError) => [e.status, e.details?.[0]?.path])).toEqual([422, "number"]);

    const spaced = `+86 ${M.slice(0, 3)} ${M.slice(3, 7)} ${M.slice(7)}`;
    const own = await lookupPerson(who.officerP1, { number: spaced, reason: REASON });
    expect(own).toMatchObject({ known: true, person: { id: personId } });
    const byId = await lookupPerson(who.investigatorB0, { number: N.toLowerCase(), reason: REASON });
    expect(byId.person?.id).toBe(personId);
    expect(await lookupPerson(who.farCentre, { number: M, reason: REASON })).toEqual({ known: true, person: null });
    expect(await lookupPerson(who.farCentre, { number: "13000000000", reason: REASON })).toEqual({ known: false, person: null });
    const audits = await getDb().auditLog.findMany({ where: { action: "person.lookup", actorId: { in: [who.officerP1.id, who.farCentre.id] } }, orderBy: { id: "asc" } });
    expect(audits).toHaveLength(3);
    expect(audits[0]).toMatchObject({ entityId: personId, details: { kind: "MOBILE", found: true, inJurisdiction: true, reason: REASON } });
    expect(JSON.stringify(audits.map((a) => a.details))).not.toContain(M);
    expect(await lookupPerson(who.leader, { number: M, reason: REASON }).catch((e: AppError) => e.status)).toBe(403);
  });
});
