// 移交审核 (issue 15 item 6): a warning offered by the unit holding it to another precinct or branch
// of the city, accepted (the warning moves, its SLA ladder starts at acceptance) or returned with a
// reason; external transfers reviewed by the centre. Two precincts, two branches, a bystander unit.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { transitionWarning } from "@/lib/warnings/commands";
import { getWarning } from "@/lib/warnings/queries";
import { decideTransfer, listTransfers, proposeTransfer, transferTargets, transfersAwaiting } from "@/lib/warnings/transfers";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { DEFAULT_SLA } from "@/lib/warnings/sla";
import { makeApiKey, makeUnitTree, makeUser, warningInput, type TestTree } from "@/tests/factories";

type U = Awaited<ReturnType<typeof makeUser>>;
let tree: TestTree;
let far: TestTree;
let feed: Awaited<ReturnType<typeof makeApiKey>>;
let dispatcher: U, dispatcher2: U, farDispatcher: U;
// P1, P2: the two precincts of branch B1; Q1: a precinct of branch B2 (the bystander); B2: a branch.
let p1: U, p1b: U, p2: U, q1: U, b2: U;
let P1: { id: string; code: string }, P2: { id: string; code: string }, Q1: { id: string; code: string }, B2: { id: string; code: string };

beforeAll(async () => {
  tree = await makeUnitTree();
  far = await makeUnitTree();
  forgetRoutingTable();
  feed = await makeApiKey(tree.city, ["warnings:ingest"]);
  P1 = tree.branches[0]!.precincts[0]!;
  P2 = tree.branches[0]!.precincts[1]!;
  Q1 = tree.branches[1]!.precincts[0]!;
  B2 = tree.branches[1]!;
  dispatcher = await makeUser(tree.center, "DISPATCHER");
  dispatcher2 = await makeUser(tree.center, "DISPATCHER");
  farDispatcher = await makeUser(far.center, "DISPATCHER");
  p1 = await makeUser(P1, "OFFICER");
  p1b = await makeUser(P1, "OFFICER");
  p2 = await makeUser(P2, "OFFICER");
  q1 = await makeUser(Q1, "OFFICER");
  b2 = await makeUser(B2, "OFFICER");
});

async function warningOf(unitCode: string, over: Record<string, unknown> = {}) {
  const [r] = await ingestWarnings(feed.actor, [warningInput({ unitCode, ...over })]);
  return getDb().warning.findUniqueOrThrow({ where: { id: r!.id } });
}

async function failure(p: Promise<unknown>) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e, "expected the command to fail").toBeInstanceOf(AppError);
  return e as AppError;
}

const transfer = (id: string) => getDb().warningTransfer.findUniqueOrThrow({ where: { id } });

describe("propose", () => {
  it("a precinct offers its warning to another precinct of the city: the target unit's people are notified, history and audit written", async () => {
    const w = await warningOf(P1.code);
    const r = await proposeTransfer(p1.actor, { id: w.id, version: w.version, toUnitCode: P2.code, reason: "当事人住址在二所辖区" });
    expect(r).toMatchObject({ status: "PROPOSED", warningVersion: w.version + 1 });
    const t = await transfer(r.id);
    expect(t).toMatchObject({ fromUnitId: P1.id, toUnitId: P2.id, external: false, proposedById: p1.user.id, reason: "当事人住址在二所辖区" });
    // The warning stays where it was until accepted.
    expect((await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).unitId).toBe(P1.id);
    expect(await getDb().notification.count({ where: { userId: p2.user.id, kind: "transfer_proposed", entityId: r.id } })).toBe(1);
    expect(await getDb().notification.count({ where: { userId: q1.user.id, entityId: r.id } })).toBe(0);
    expect(await getDb().auditLog.count({ where: { action: "warning.transfer.propose", entityId: r.id, actorId: p1.user.id, success: true } })).toBe(1);
    const detail = await getWarning(p1.actor, w.id);
    expect(detail.transfers).toEqual([expect.objectContaining({ id: r.id, status: "PROPOSED", reason: "当事人住址在二所辖区", canCancel: true, canDecide: false })]);
  });

  it("the centre offers any warning of the city; the city's precincts and branches are the targets", async () => {
    const w = await warningOf(P1.code);
    const r = await proposeTransfer(dispatcher.actor, { id: w.id, version: w.version, toUnitCode: B2.code, reason: "涉及分局辖区" });
    expect((await transfer(r.id)).toUnitId).toBe(B2.id);
    expect(await getDb().notification.count({ where: { userId: b2.user.id, entityId: r.id } })).toBe(1);
    const targets = (await transferTargets(p1.actor)).map((u) => u.code);
    expect(targets).toEqual(expect.arrayContaining([P1.code, P2.code, Q1.code, B2.code]));
    expect(targets).not.toContain(tree.center.code);
    expect(targets).not.toContain(far.branches[0]!.precincts[0]!.code);
  });

  it("needs a reason (422 naming reason) and a target (422 naming toUnitCode), writes nothing", async () => {
    const w = await warningOf(P1.code);
    const noReason = await failure(proposeTransfer(p1.actor, { id: w.id, version: w.version, toUnitCode: P2.code, reason: "  " }));
    expect(noReason.status).toBe(422);
    expect(noReason.details.map((d) => d.path)).toContain("reason");
    const noTarget = await failure(proposeTransfer(p1.actor, { id: w.id, version: w.version, reason: "管辖调整" }));
    expect(noTarget.status).toBe(422);
    expect(noTarget.details[0]).toMatchObject({ path: "toUnitCode", code: "required" });
    const both = await failure(proposeTransfer(p1.actor, { id: w.id, version: w.version, toUnitCode: P2.code, destination: "襄阳市公安局", reason: "管辖调整" }));
    expect(both.details[0]).toMatchObject({ path: "destination", code: "not_allowed" });
    const same = await failure(proposeTransfer(p1.actor, { id: w.id, version: w.version, toUnitCode: P1.code, reason: "管辖调整" }));
    expect(same.details[0]).toMatchObject({ path: "toUnitCode", code: "same_unit" });
    const centre = await failure(proposeTransfer(p1.actor, { id: w.id, version: w.version, toUnitCode: tree.center.code, reason: "管辖调整" }));
    expect(centre.details[0]).toMatchObject({ path: "toUnitCode", code: "unknown_unit" });
    const otherCity = await failure(proposeTransfer(p1.actor, { id: w.id, version: w.version, toUnitCode: far.branches[0]!.precincts[0]!.code, reason: "管辖调整" }));
    expect(otherCity.details[0]).toMatchObject({ path: "toUnitCode", code: "unknown_unit" });
    expect(await getDb().warningTransfer.count({ where: { warningId: w.id } })).toBe(0);
    expect((await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).version).toBe(w.version);
  });

  it("is version-checked (409 on a stale warning version) and allows one open transfer per warning", async () => {
    const w = await warningOf(P1.code);
    expect((await failure(proposeTransfer(p1.actor, { id: w.id, version: w.version + 1, toUnitCode: P2.code, reason: "管辖调整" }))).status).toBe(409);
    const r = await proposeTransfer(p1.actor, { id: w.id, version: w.version, toUnitCode: P2.code, reason: "管辖调整" });
    const again = await failure(proposeTransfer(dispatcher.actor, { id: w.id, version: r.warningVersion, toUnitCode: Q1.code, reason: "管辖调整" }));
    expect(again.status).toBe(409);
    expect(again.details[0]).toMatchObject({ code: "open_transfer" });
    // The database holds the rule too (the partial unique index).
    await expect(getDb().warningTransfer.create({
      data: { warningId: w.id, fromUnitId: P1.id, toUnitId: Q1.id, reason: "x", proposedById: p1.user.id, proposedAt: new Date() },
    })).rejects.toThrow();
  });

  it("refuses a resolved warning (409)", async () => {
    const w = await warningOf(P1.code);
    let v = (await transitionWarning(dispatcher.actor, { id: w.id, to: "ACKNOWLEDGED", version: w.version })).version;
    v = (await transitionWarning(dispatcher.actor, { id: w.id, to: "IN_PROGRESS", version: v })).version;
    v = (await transitionWarning(dispatcher.actor, { id: w.id, to: "RESOLVED", version: v, outcome: "DISSUADED" })).version;
    expect((await failure(proposeTransfer(dispatcher.actor, { id: w.id, version: v, toUnitCode: P2.code, reason: "管辖调整" }))).status).toBe(409);
  });

  it("only a unit holding the warning proposes: another precinct, branch or city gets 404 and an audited denial", async () => {
    const w = await warningOf(P1.code);
    for (const outsider of [p2, q1, b2, farDispatcher]) {
      const e = await failure(proposeTransfer(outsider.actor, { id: w.id, version: w.version, toUnitCode: Q1.code, reason: "管辖调整" }));
      expect(e.status).toBe(404);
      expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: outsider.user.id, entityId: w.id } })).toBe(1);
    }
    expect(await getDb().warningTransfer.count({ where: { warningId: w.id } })).toBe(0);
  });
});

describe("accept", () => {
  it("moves the warning to the receiving unit and starts its SLA ladder at acceptance; the proposer is notified", async () => {
    const w = await warningOf(P1.code, { riskLevel: "HIGH", receivedAt: new Date(Date.now() - 3 * 3600_000).toISOString() });
    const r = await proposeTransfer(p1.actor, { id: w.id, version: w.version, toUnitCode: P2.code, reason: "管辖调整" });
    const at = new Date(Date.now() + 5 * 60_000);
    const d = await decideTransfer(p2.actor, { id: r.id, decision: "ACCEPT", version: r.version }, { now: at });
    expect(d).toMatchObject({ status: "ACCEPTED", version: r.version + 1, warningVersion: r.warningVersion + 1 });
    const moved = await getDb().warning.findUniqueOrThrow({ where: { id: w.id } });
    expect(moved).toMatchObject({ unitId: P2.id, routedBy: "MANUAL", assigneeId: null, status: "PENDING" });
    expect(moved.dispatchedAt?.getTime()).toBe(at.getTime());
    expect(moved.ackDueAt.getTime()).toBe(at.getTime() + DEFAULT_SLA.HIGH.ackMinutes * 60_000);
    expect(moved.resolveDueAt.getTime()).toBe(at.getTime() + DEFAULT_SLA.HIGH.resolveMinutes * 60_000);
    expect(moved.slaDueAt?.getTime()).toBe(moved.ackDueAt.getTime());
    expect(await transfer(r.id)).toMatchObject({ status: "ACCEPTED", decidedById: p2.user.id });
    expect(await getDb().notification.count({ where: { userId: p1.user.id, kind: "transfer_accepted", entityId: r.id } })).toBe(1);
    expect(await getDb().auditLog.count({ where: { action: "warning.transfer.accept", entityId: r.id, actorId: p2.user.id } })).toBe(1);
    // The receiving precinct now works it; the sender precinct no longer sees it.
    expect((await getWarning(p2.actor, w.id)).transfers.map((x) => x.status)).toEqual(["ACCEPTED"]);
    expect((await failure(getWarning(p1.actor, w.id))).status).toBe(404);
  });

  it("only the receiving unit accepts or returns: the sender and the centre get 409, a bystander unit 404 (audited)", async () => {
    const w = await warningOf(P1.code);
    const awaiting = () => Promise.all([p2, p1, dispatcher, q1].map((u) => transfersAwaiting(u.actor)));
    const before = await awaiting();
    const r = await proposeTransfer(p1.actor, { id: w.id, version: w.version, toUnitCode: P2.code, reason: "管辖调整" });
    // The receiving unit alone has one more to decide.
    expect(await awaiting()).toEqual([before[0]! + 1, ...before.slice(1)]);
    for (const side of [p1, p1b, dispatcher]) {
      const e = await failure(decideTransfer(side.actor, { id: r.id, decision: "ACCEPT", version: r.version }));
      expect(e.status).toBe(409);
      expect(e.details[0]).toMatchObject({ code: "not_receiving_unit" });
    }
    for (const outsider of [q1, b2, farDispatcher]) {
      for (const decision of ["ACCEPT", "RETURN", "CANCEL"] as const) {
        expect((await failure(decideTransfer(outsider.actor, { id: r.id, decision, version: r.version, reason: "不属本所" }))).status).toBe(404);
      }
      expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: outsider.user.id, entityId: r.id } })).toBe(3);
      expect(await listTransfers(outsider.actor, { direction: "incoming" })).not.toContainEqual(expect.objectContaining({ id: r.id }));
      expect(await listTransfers(outsider.actor, { direction: "outgoing" })).not.toContainEqual(expect.objectContaining({ id: r.id }));
    }
    expect(await transfer(r.id)).toMatchObject({ status: "PROPOSED", version: r.version });
    expect(await listTransfers(p2.actor, { direction: "incoming" })).toContainEqual(expect.objectContaining({ id: r.id, canDecide: true }));
    expect(await listTransfers(p1.actor, { direction: "outgoing" })).toContainEqual(expect.objectContaining({ id: r.id, canCancel: true, canDecide: false }));
    expect(await listTransfers(dispatcher.actor, { direction: "outgoing" })).toContainEqual(expect.objectContaining({ id: r.id, canCancel: false }));
  });

  it("a stale transfer version is 409; a decided transfer is not decided again", async () => {
    const w = await warningOf(P1.code);
    const r = await proposeTransfer(p1.actor, { id: w.id, version: w.version, toUnitCode: P2.code, reason: "管辖调整" });
    expect((await failure(decideTransfer(p2.actor, { id: r.id, decision: "ACCEPT", version: r.version + 1 }))).status).toBe(409);
    const d = await decideTransfer(p2.actor, { id: r.id, decision: "ACCEPT", version: r.version });
    const again = await failure(decideTransfer(p2.actor, { id: r.id, decision: "RETURN", version: d.version, reason: "不属本所" }));
    expect(again.status).toBe(409);
    expect(again.details[0]).toMatchObject({ code: "not_open" });
  });

  it("a branch accepts a transfer to it", async () => {
    const w = await warningOf(P1.code);
    const r = await proposeTransfer(dispatcher.actor, { id: w.id, version: w.version, toUnitCode: B2.code, reason: "跨所案件由分局统筹" });
    await decideTransfer(b2.actor, { id: r.id, decision: "ACCEPT", version: r.version });
    expect((await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).unitId).toBe(B2.id);
  });
});

describe("return and cancel", () => {
  it("a return needs a reason (422 naming reason), keeps the warning with the sender, and tells the proposer why", async () => {
    const w = await warningOf(P1.code);
    const r = await proposeTransfer(dispatcher.actor, { id: w.id, version: w.version, toUnitCode: P2.code, reason: "当事人住址在二所辖区" });
    const e = await failure(decideTransfer(p2.actor, { id: r.id, decision: "RETURN", version: r.version }));
    expect(e.status).toBe(422);
    expect(e.details[0]).toMatchObject({ path: "reason", code: "required" });
    expect((await transfer(r.id)).status).toBe("PROPOSED");
    await decideTransfer(p2.actor, { id: r.id, decision: "RETURN", version: r.version, reason: "经核实当事人已搬离本辖区" });
    expect(await transfer(r.id)).toMatchObject({ status: "RETURNED", returnReason: "经核实当事人已搬离本辖区", decidedById: p2.user.id });
    const kept = await getDb().warning.findUniqueOrThrow({ where: { id: w.id } });
    expect(kept).toMatchObject({ unitId: P1.id, version: r.warningVersion });
    expect(await getDb().notification.count({ where: { userId: dispatcher.user.id, kind: "transfer_returned", entityId: r.id } })).toBe(1);
    expect(await getDb().auditLog.count({ where: { action: "warning.transfer.return", entityId: r.id } })).toBe(1);
    const history = (await getWarning(dispatcher.actor, w.id)).transfers;
    expect(history).toEqual([expect.objectContaining({ status: "RETURNED", returnReason: "经核实当事人已搬离本辖区", decidedBy: p2.user.displayName })]);
    // Returned, the warning may be offered again.
    await expect(proposeTransfer(dispatcher.actor, { id: w.id, version: kept.version, toUnitCode: Q1.code, reason: "改移交" })).resolves.toMatchObject({ status: "PROPOSED" });
  });

  it("only the proposer cancels, while open", async () => {
    const w = await warningOf(P1.code);
    const r = await proposeTransfer(p1.actor, { id: w.id, version: w.version, toUnitCode: P2.code, reason: "管辖调整" });
    for (const other of [p1b, p2, dispatcher]) {
      expect((await failure(decideTransfer(other.actor, { id: r.id, decision: "CANCEL", version: r.version }))).details[0]).toMatchObject({ code: "not_proposer" });
    }
    await decideTransfer(p1.actor, { id: r.id, decision: "CANCEL", version: r.version });
    expect(await transfer(r.id)).toMatchObject({ status: "CANCELLED", decidedById: p1.user.id });
    expect(await getDb().auditLog.count({ where: { action: "warning.transfer.cancel", entityId: r.id } })).toBe(1);
    expect((await failure(decideTransfer(p1.actor, { id: r.id, decision: "CANCEL", version: r.version + 1 }))).details[0]).toMatchObject({ code: "not_open" });
  });
});

describe("external transfers", () => {
  it("a precinct's external transfer waits for the centre, which accepts it: the warning leaves the open queue as TRANSFERRED_OUT", async () => {
    const w = await warningOf(P1.code);
    const r = await proposeTransfer(p1.actor, { id: w.id, version: w.version, destination: "外市 襄阳市公安局", reason: "当事人常住襄阳" });
    expect(await transfer(r.id)).toMatchObject({ status: "PROPOSED", external: true, destination: "外市 襄阳市公安局", toUnitId: tree.center.id });
    expect(await getDb().notification.count({ where: { userId: dispatcher.user.id, kind: "transfer_proposed", entityId: r.id } })).toBe(1);
    // A precinct cannot accept on the centre's behalf.
    expect((await failure(decideTransfer(p2.actor, { id: r.id, decision: "ACCEPT", version: r.version }))).status).toBe(404);
    await decideTransfer(dispatcher2.actor, { id: r.id, decision: "ACCEPT", version: r.version });
    const out = await getDb().warning.findUniqueOrThrow({ where: { id: w.id }, include: { transitions: true } });
    expect(out).toMatchObject({ status: "RESOLVED", outcome: "TRANSFERRED_OUT", unitId: P1.id, slaDueAt: null });
    expect(out.transitions.at(-1)).toMatchObject({ toStatus: "RESOLVED", outcome: "TRANSFERRED_OUT", note: "外市 襄阳市公安局" });
    expect(await getDb().notification.count({ where: { userId: p1.user.id, kind: "transfer_accepted", entityId: r.id } })).toBe(1);
  });

  it("the centre's own external transfer is final on proposal", async () => {
    const w = await warningOf(P2.code);
    const r = await proposeTransfer(dispatcher.actor, { id: w.id, version: w.version, destination: "外省 西安市公安局", reason: "受害人在西安" });
    expect(r.status).toBe("ACCEPTED");
    expect(await transfer(r.id)).toMatchObject({ status: "ACCEPTED", decidedById: dispatcher.user.id });
    expect(await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ status: "RESOLVED", outcome: "TRANSFERRED_OUT" });
    expect(await getDb().auditLog.count({ where: { entityId: r.id, action: { in: ["warning.transfer.propose", "warning.transfer.accept"] } } })).toBe(2);
  });

  it("the resolve form cannot choose TRANSFERRED_OUT (422 naming outcome)", async () => {
    const w = await warningOf(P1.code);
    let v = (await transitionWarning(dispatcher.actor, { id: w.id, to: "ACKNOWLEDGED", version: w.version })).version;
    v = (await transitionWarning(dispatcher.actor, { id: w.id, to: "IN_PROGRESS", version: v })).version;
    const e = await failure(transitionWarning(dispatcher.actor, { id: w.id, to: "RESOLVED", version: v, outcome: "TRANSFERRED_OUT" }));
    expect(e.status).toBe(422);
    expect(e.details.map((d) => d.path)).toContain("outcome");
  });
});
