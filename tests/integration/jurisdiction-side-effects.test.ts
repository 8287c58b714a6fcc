// Side effects and nested reads that once crossed a jurisdiction (SECURITY.md G31, G36), each
// tried with two precincts, two branches or two call keys: found by a hostile tester's round.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";
import { ingestCallEvent } from "@/lib/calls/commands";
import { addSuspect } from "@/lib/cases/suspects";
import { getCase } from "@/lib/cases/case-detail";
import { linkChoices } from "@/lib/cases/queries";
import { getWarning } from "@/lib/warnings/queries";
import { decideCaseLink, proposeCaseLink } from "@/lib/contacts/commands";
import { makeApiKey, makeUser } from "@/tests/factories";
import { fieldTeam, intercept, key, precinctWarning, visit, type FieldTeam } from "./field-fixtures";
import { caseInStatus } from "./cases-fixtures";

let team: FieldTeam;
beforeAll(async () => {
  team = await fieldTeam();
});

const secondsAgo = (n: number) => new Date(Date.now() - n * 1000).toISOString();

describe("side effects outside the jurisdiction (SECURITY G36)", () => {
  it("an officer of another precinct recording the app for A's victim at a counter leaves A's open app follow-up alone", async () => {
    const w = await precinctWarning(team);
    await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ appRegistered: false }) }, key());
    const before = await getDb().appFollowUp.findFirstOrThrow({ where: { warningId: w.id } });
    expect(before).toMatchObject({ status: "OPEN", unitId: team.precinct.id });
    // Precinct B's officer records an unrelated interception at their bank, naming A's victim's phone.
    await recordCounterIntercept(team.outsider.actor, intercept({ customerPhone: w.victimPhone, appRegistered: true }), key());
    const after = await getDb().appFollowUp.findUniqueOrThrow({ where: { id: before.id } });
    // Expected: A's record is untouched by B's write.
    expect(after).toMatchObject({ status: "OPEN", version: before.version });
  });
});

describe("96110 call feeds (SECURITY G31)", () => {
  it("a precinct's call key neither completes a call the city's key attached to another precinct's warning, nor learns that warning, nor sees it in its call list", async () => {
    // The city's call-centre key records a call at precinct A's desk; it sees the whole city and matches B's warning.
    const cityCalls = await makeApiKey(team.tree.city, ["calls:ingest"]);
    const precinctCalls = await makeApiKey(team.precinct, ["calls:ingest"]);
    const wB = await precinctWarning(team, {}, team.otherPrecinct);
    const callId = `CC-${Date.now()}`;
    const base = { callId, direction: "OUTBOUND", callerNumber: "96110", calleeNumber: wB.victimPhone, unitCode: team.precinct.code };
    const ringing = await ingestCallEvent(cityCalls.actor, { ...base, event: "RINGING", at: secondsAgo(30) });
    expect(ringing.warningId).toBe(wB.id);
    // Precinct A's key (whose jurisdiction does not hold B) sends an event under the same call id:
    // its own call (call ids are each key's own), matched within its own jurisdiction only.
    const ended = await ingestCallEvent(precinctCalls.actor, { callId, direction: "OUTBOUND", callerNumber: "96110", calleeNumber: "13900000000", event: "ENDED", at: secondsAgo(5), durationSeconds: 20 });
    expect(ended).toMatchObject({ status: "recorded", warningId: null, actionId: null });
    expect(await getDb().dissuasionAction.count({ where: { warningId: wB.id } })).toBe(0);
    expect(await getDb().hotlineCall.findFirstOrThrow({ where: { callId, apiKeyId: cityCalls.actor.id }, select: { endedAt: true, durationSeconds: true } })).toEqual({ endedAt: null, durationSeconds: null });
    // The precinct's call list shows the call at its desk, not B's warning.
    const { listCalls } = await import("@/lib/calls/commands");
    const dispatcherA = await makeUser(team.precinct, "DISPATCHER");
    const listed = (await listCalls(dispatcherA.actor, {})).calls.find((c) => c.callId === callId && c.id === ringing.id);
    expect(listed).toMatchObject({ warningId: null, actionId: null });
  });
});

describe("nested reads of a case page (SECURITY G31: never name a record the caller cannot read)", () => {
  it("the link choices of branch A's case name only A's cases of its suspects", async () => {
    const branchA = team.tree.branches[0]!;
    const branchB = team.tree.branches[1]!;
    const investigatorA = await makeUser(branchA, "INVESTIGATOR");
    const cityInvestigator = await makeUser(team.tree.center, "INVESTIGATOR");
    const caseA1 = await caseInStatus(branchA, "INVESTIGATING", null);
    const caseA2 = await caseInStatus(branchA, "INVESTIGATING", null);
    const caseB = await caseInStatus(branchB, "INVESTIGATING", null);
    const { id: suspectId } = await addSuspect(investigatorA.actor, { id: caseA1.id, name: "赵四海" });
    // The centre (city-wide) links A's suspect to B's case.
    await addSuspect(cityInvestigator.actor, { id: caseB.id, suspectId });
    // A cannot read B's case ...
    expect(await getCase(investigatorA.actor, { id: caseB.id }).catch((e: AppError) => e.status)).toBe(404);
    // ... but A's case page (link choices) names it.
    const choices = await linkChoices(investigatorA.actor, caseA2.id);
    const row = choices.suspects.find((s) => s.id === suspectId)!;
    expect(row).toBeDefined();
    expect(row.cases).not.toContain(caseB.caseNumber);
  });
});

describe("并案 group merge (SECURITY G36)", () => {
  it("a link into a group holding another branch's case is refused to the branch, and the centre decides it", async () => {
    const branchA = team.tree.branches[0]!;
    const branchB = team.tree.branches[1]!;
    const investigatorA = await makeUser(branchA, "INVESTIGATOR");
    const chiefA = await makeUser(branchA, "INVESTIGATOR", { grants: ["cases:approve"] });
    const cityInvestigator = await makeUser(team.tree.center, "INVESTIGATOR");
    const cityChief = await makeUser(team.tree.center, "INVESTIGATOR", { grants: ["cases:approve"] });
    const caseA1 = await caseInStatus(branchA, "INVESTIGATING", null);
    const caseA2 = await caseInStatus(branchA, "INVESTIGATING", null);
    const caseB = await caseInStatus(branchB, "INVESTIGATING", null);
    // The centre links A1 with B (a cross-branch 串并案 it may decide).
    const p1 = await proposeCaseLink(cityInvestigator.actor, { id: caseA1.id, otherCaseId: caseB.id, reason: "同一收款账户" });
    await decideCaseLink(cityChief.actor, { id: p1.id, decision: "confirm", version: p1.version });
    const bBefore = await getDb().caseSuspect.findMany({ where: { caseId: caseB.id }, select: { suspectId: true } });
    // Branch A, within its own jurisdiction: a suspect on A2, and A2 linked with A1.
    await addSuspect(investigatorA.actor, { id: caseA2.id, name: "钱某某" });
    const p2 = await proposeCaseLink(investigatorA.actor, { id: caseA2.id, otherCaseId: caseA1.id, reason: "同一作案手机" });
    const refused = await decideCaseLink(chiefA.actor, { id: p2.id, decision: "confirm", version: p2.version }).catch((e: AppError) => [e.code, e.details.map((d) => d.code)]);
    expect(refused).toEqual(["CONFLICT", ["group_outside_jurisdiction"]]);
    // B's case, outside A's jurisdiction, is unchanged, and the proposal still waits (for the centre).
    const bAfter = await getDb().caseSuspect.findMany({ where: { caseId: caseB.id }, select: { suspectId: true } });
    expect(bAfter).toEqual(bBefore);
    expect(await getDb().caseLinkProposal.findUniqueOrThrow({ where: { id: p2.id }, select: { status: true } })).toEqual({ status: "PROPOSED" });
    const byCentre = await decideCaseLink(cityChief.actor, { id: p2.id, decision: "confirm", version: p2.version });
    expect(byCentre.status).toBe("CONFIRMED");
    expect((await getDb().caseSuspect.findMany({ where: { caseId: caseB.id } })).length).toBeGreaterThan(bBefore.length);
  });
});

describe("a warning's page names its case only to who may read it (SECURITY G31)", () => {
  it("a precinct's warning that became its branch's case shows the case to the centre, not to the precinct's officer", async () => {
    const w = await precinctWarning(team);
    await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ outcome: "ALREADY_PAID", amountProtected: "0", appRegistered: false }) }, key());
    const c = await getDb().warning.findUniqueOrThrow({ where: { id: w.id }, select: { fraudCase: { select: { id: true, unitId: true } } } });
    expect(c.fraudCase?.unitId).toBe(team.tree.branches[0]!.id);
    expect((await getWarning(team.officer.actor, w.id)).fraudCase).toBeNull();
    expect((await getWarning(team.dispatcher.actor, w.id)).fraudCase).toMatchObject({ id: c.fraudCase!.id });
  });
});
