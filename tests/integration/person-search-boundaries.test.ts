// The persons file's search answers by the numbers the reader's own records carry (a hostile tester's
// round found another branch's ID number answering, and a person held only by a label not found).
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { makeIdNumber } from "@/lib/pii";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { getPersonFile, searchPersonsByTail } from "@/lib/persons/queries";
import { lookupPerson } from "@/lib/persons/commands";
import { commitLabelImport } from "@/lib/persons/label-import";
import { makeApiKey, makeUnitTree, makeUser, warningInput, type TestTree } from "@/tests/factories";

const REASON = "来电核实当事人身份";
const mobile = () => `13${randomInt(5, 10)}${String(randomInt(0, 1e8)).padStart(8, "0")}`;
const freshIdNumber = () => makeIdNumber("420303", new Date(Date.UTC(randomInt(1940, 2006), randomInt(0, 12), randomInt(1, 29))), randomInt(0, 1000));

let tree: TestTree;
let feed: Actor;
let officerP1: Actor;

beforeAll(async () => {
  tree = await makeUnitTree();
  forgetRoutingTable();
  feed = (await makeApiKey(tree.city, ["warnings:ingest"])).actor;
  officerP1 = (await makeUser(tree.branches[0]!.precincts[0]!, "OFFICER")).actor;
});

async function warn(unitCode: string, victim: Record<string, unknown>) {
  const [r] = await ingestWarnings(feed, [warningInput({ unitCode, victim: { name: "刘某某", ...victim } })]);
  expect(r?.status).toBe("created");
  return getDb().warning.findUniqueOrThrow({ where: { id: r!.id }, select: { id: true, personId: true } });
}

describe("tail search (persons/queries.ts tailSearch)", () => {
  it("does not answer a precinct by the tail of an ID number that only another branch's record carries", async () => {
    const m = mobile();
    const n = freshIdNumber();
    // Branch 1's precinct holds the ID number (with the mobile); precinct P1 of branch 0 knows only the mobile.
    const other = await warn(tree.branches[1]!.precincts[0]!.code, { phone: m, idNumber: n });
    const own = await warn(tree.branches[0]!.precincts[0]!.code, { phone: m });
    expect(own.personId).toBe(other.personId);
    const personId = own.personId!;

    // The file (and the reveal) show P1 only the mobile: P1's records do not carry the ID number.
    const file = await getPersonFile(officerP1, personId);
    expect(file.identifiers.map((i) => i.kind)).toEqual(["MOBILE"]);

    // The tail search by the ID number's last four answers P1 with that person and the masked ID
    // number (its region prefix and tail): a number only the other branch's record carries.
    const { items } = await searchPersonsByTail(officerP1, { tail: n.slice(-4) });
    const hit = items.find((p) => p.id === personId);
    expect(hit?.identifiers.map((i) => i.kind) ?? []).not.toContain("ID_NUMBER");
    expect(hit).toBeUndefined();
  });
});

describe("persons held only through a label", () => {
  it("a person whose file the precinct opens (an imported label) is found by the tail search and the lookup", async () => {
    const phone = mobile();
    const r = await commitLabelImport(officerP1, { csv: `姓名,手机号,标签,社区\n孙奶奶,${phone},独居老人,幸福社区` });
    expect(r.created).toBe(1);
    const personId = (await getDb().personIdentifier.findUniqueOrThrow({ where: { kind_value: { kind: "MOBILE", value: phone } } })).personId;
    // The file opens: the label is a record of P1.
    const file = await getPersonFile(officerP1, personId);
    expect(file.timeline.map((e) => e.kind)).toEqual(["LABEL"]);
    // …but the tail search and the audited exact lookup say P1 holds nothing of them.
    const { items } = await searchPersonsByTail(officerP1, { tail: phone.slice(-4) });
    const lookup = await lookupPerson(officerP1, { number: phone, reason: REASON });
    expect({ tail: items.some((p) => p.id === personId), lookup: lookup.person?.id ?? null }).toEqual({ tail: true, lookup: personId });
  });
});
