import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { WarningStatus } from "@/lib/generated/prisma/enums";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { dispatchWarning, logWarningAction, takeNextWarning, transitionWarning } from "@/lib/warnings/commands";
import { getWarning, listWarnings } from "@/lib/warnings/queries";
import { revealWarning } from "@/lib/warnings/reveal";
import { escalateBreaches } from "@/lib/warnings/escalate";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { WARNING_TRANSITIONS } from "@/lib/warnings/state-machine";
import { makeApiKey, makeUnitTree, makeUser, warningInput, type TestTree } from "@/tests/factories";

let tree: TestTree;
let feed: Awaited<ReturnType<typeof makeApiKey>>;
let dispatcher: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  tree = await makeUnitTree();
  forgetRoutingTable();
  feed = await makeApiKey(tree.city, ["warnings:ingest"]);
  dispatcher = await makeUser(tree.center, "DISPATCHER");
});

async function newWarning(over: Record<string, unknown> = {}) {
  const [r] = await ingestWarnings(feed.actor, [warningInput(over)]);
  return getDb().warning.findUniqueOrThrow({ where: { id: r!.id } });
}

/** A warning brought to the given status the legal way. */
async function warningIn(status: WarningStatus) {
  const w = await newWarning();
  let v = w.version;
  const path: [WarningStatus, Record<string, string>][] = [["ACKNOWLEDGED", {}], ["IN_PROGRESS", {}], ["RESOLVED", { outcome: "DISSUADED" }]];
  for (const [to, extra] of path) {
    if (w.status === status) break;
    const cur = (await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).status;
    if (cur === status) break;
    v = (await transitionWarning(dispatcher.actor, { id: w.id, to, version: v, ...extra })).version;
  }
  return getDb().warning.findUniqueOrThrow({ where: { id: w.id } });
}

const STATES: WarningStatus[] = ["PENDING", "ACKNOWLEDGED", "IN_PROGRESS", "RESOLVED"];

describe("warning state machine", () => {
  for (const from of STATES) {
    for (const to of STATES) {
      const allowed = WARNING_TRANSITIONS[from].includes(to);
      it(`${from} → ${to} is ${allowed ? "allowed" : "refused with 409"}`, async () => {
        const w = await warningIn(from);
        const extra = to === "RESOLVED" ? { outcome: "UNREACHABLE" } : from === "RESOLVED" ? { note: "家属再次来电" } : {};
        const attempt = transitionWarning(dispatcher.actor, { id: w.id, to, version: w.version, ...extra });
        if (allowed) {
          await expect(attempt).resolves.toMatchObject({ status: to, version: w.version + 1 });
        } else {
          const e = await attempt.catch((x: AppError) => x);
          expect(e).toBeInstanceOf(AppError);
          expect((e as AppError).status).toBe(409);
          expect((await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).version).toBe(w.version);
        }
      });
    }
  }

  it("needs an outcome to resolve and a reason to reopen", async () => {
    const w = await warningIn("IN_PROGRESS");
    const e = await transitionWarning(dispatcher.actor, { id: w.id, to: "RESOLVED", version: w.version }).catch((x: AppError) => x);
    expect((e as AppError).details[0]).toMatchObject({ path: "outcome", code: "required" });
    const r = await warningIn("RESOLVED");
    const e2 = await transitionWarning(dispatcher.actor, { id: r.id, to: "IN_PROGRESS", version: r.version }).catch((x: AppError) => x);
    expect((e2 as AppError).details[0]).toMatchObject({ path: "note", code: "required" });
  });

  it("answers a stale version with 409 and overwrites nothing", async () => {
    const w = await newWarning();
    const [a, b] = await Promise.allSettled([
      transitionWarning(dispatcher.actor, { id: w.id, to: "ACKNOWLEDGED", version: w.version }),
      transitionWarning(dispatcher.actor, { id: w.id, to: "ACKNOWLEDGED", version: w.version }),
    ]);
    const outcomes = [a, b].map((x) => x.status);
    expect(outcomes.sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = [a, b].find((x) => x.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).status).toBe(409);
    expect(await getDb().warningTransition.count({ where: { warningId: w.id, toStatus: "ACKNOWLEDGED" } })).toBe(1);
  });

  it("keeps the SLA clock: signing for meets ACK, the first call meets CONTACT", async () => {
    const w = await newWarning({ riskLevel: "CRITICAL" });
    const acked = await transitionWarning(dispatcher.actor, { id: w.id, to: "ACKNOWLEDGED", version: w.version });
    let row = await getDb().warning.findUniqueOrThrow({ where: { id: w.id } });
    expect(row.acknowledgedAt).not.toBeNull();
    expect(row.slaDueAt).toEqual(row.contactDueAt);
    const call = await logWarningAction(dispatcher.actor, { id: w.id, kind: "HOTLINE_CALL", result: "DISSUADED", durationSeconds: 300, amountProtected: "12000.50" });
    row = await getDb().warning.findUniqueOrThrow({ where: { id: w.id } });
    expect(row).toMatchObject({ status: "IN_PROGRESS", version: acked.version + 1 });
    expect(row.slaDueAt).toEqual(row.resolveDueAt);
    const action = await getDb().dissuasionAction.findUniqueOrThrow({ where: { id: call.id } });
    expect(action.amountProtected.toFixed(2)).toBe("12000.50");
    expect(action.unitId).toBe(tree.center.id);
  });

  it("opens a linked case when resolved as already defrauded", async () => {
    const w = await warningIn("IN_PROGRESS");
    await transitionWarning(dispatcher.actor, { id: w.id, to: "RESOLVED", version: w.version, outcome: "ALREADY_DEFRAUDED" });
    const row = await getDb().warning.findUniqueOrThrow({ where: { id: w.id }, include: { fraudCase: true } });
    expect(row.fraudCase).toMatchObject({ status: "REPORTED", source: "WARNING" });
  });
});

describe("jurisdiction", () => {
  it("gives a precinct officer of another precinct 404 and audits the attempt", async () => {
    const w = await newWarning({ unitCode: tree.branches[0]!.precincts[0]!.code });
    const outsider = await makeUser(tree.branches[1]!.precincts[0]!, "OFFICER");
    for (const attempt of [
      () => getWarning(outsider.actor, w.id),
      () => transitionWarning(outsider.actor, { id: w.id, to: "ACKNOWLEDGED", version: w.version }),
      () => revealWarning(outsider.actor, { id: w.id, field: "victimPhone", reason: "核实身份" }),
    ]) {
      const e = await attempt().catch((x: AppError) => x);
      expect((e as AppError).status).toBe(404);
    }
    expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: outsider.actor.id, entityId: w.id } })).toBe(3);
    const insider = await makeUser(tree.branches[0]!.precincts[0]!, "OFFICER");
    await expect(transitionWarning(insider.actor, { id: w.id, to: "ACKNOWLEDGED", version: w.version })).resolves.toBeTruthy();
  });

  it("shows masked victims in the queue and reveals a full value only with a reason, audited", async () => {
    const w = await newWarning({ victim: { name: "张三丰", phone: "13912345678" } });
    const page = await listWarnings(dispatcher.actor, { status: "PENDING", phone: "5678" });
    const row = page.items.find((r) => r.id === w.id)!;
    expect(row.victimPhone).toBe("139****5678");
    expect(JSON.stringify(page)).not.toContain("13912345678");
    await expect(revealWarning(dispatcher.actor, { id: w.id, field: "victimPhone", reason: "" })).rejects.toMatchObject({ status: 422 });
    expect(await revealWarning(dispatcher.actor, { id: w.id, field: "victimPhone", reason: "回拨核实" })).toBe("13912345678");
    expect(await getDb().auditLog.count({ where: { action: "pii.reveal", entityId: w.id } })).toBe(1);
  });
});

describe("dispatch, take next and escalation", () => {
  it("dispatches to a precinct of the jurisdiction only", async () => {
    const w = await newWarning();
    const precinct = tree.branches[1]!.precincts[1]!;
    await dispatchWarning(dispatcher.actor, { id: w.id, unitCode: precinct.code, version: w.version });
    expect(await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).toMatchObject({ unitId: precinct.id, routedBy: "MANUAL" });
    const e = await dispatchWarning(dispatcher.actor, { id: w.id, unitCode: "42030201", version: w.version + 1 }).catch((x: AppError) => x);
    expect((e as AppError).details[0]).toMatchObject({ path: "unitCode", code: "unknown_unit" });
  });

  it("hands two concurrent 'take next' calls different warnings", async () => {
    const officer = await makeUser(tree.branches[0]!.precincts[1]!, "OFFICER");
    const other = await makeUser(tree.branches[0]!.precincts[1]!, "OFFICER");
    await newWarning({ unitCode: tree.branches[0]!.precincts[1]!.code });
    await newWarning({ unitCode: tree.branches[0]!.precincts[1]!.code });
    const [a, b] = await Promise.all([takeNextWarning(officer.actor, {}), takeNextWarning(other.actor, {})]);
    expect(a && b && a.id !== b.id).toBe(true);
  });

  it("records each breach once and notifies the dispatchers and the unit's officers", async () => {
    const precinct = tree.branches[1]!.precincts[0]!;
    const officer = await makeUser(precinct, "OFFICER");
    const w = await newWarning({ unitCode: precinct.code, riskLevel: "CRITICAL", receivedAt: new Date(Date.now() - 6 * 60_000).toISOString() });
    await escalateBreaches();
    await escalateBreaches();
    expect(await getDb().slaBreach.findMany({ where: { warningId: w.id }, select: { step: true } })).toEqual([{ step: "ACK" }]);
    const notified = await getDb().notification.findMany({ where: { entityId: w.id }, select: { userId: true } });
    expect(notified.map((n) => n.userId)).toEqual(expect.arrayContaining([officer.actor.id, dispatcher.actor.id]));
    expect(notified).toHaveLength(new Set(notified.map((n) => n.userId)).size);
  });

  it("works off a backlog larger than one step (5,000) in one run", async () => {
    // As after downtime: 6,000 warnings whose first step ran out while nobody escalated.
    const overdue = { unitCode: tree.branches[1]!.precincts[1]!.code, riskLevel: "CRITICAL", receivedAt: new Date(Date.now() - 3600_000).toISOString() };
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push(...(await ingestWarnings(feed.actor, Array.from({ length: 3_000 }, () => warningInput(overdue)))).map((r) => r.id!));
    expect(await escalateBreaches()).toBeGreaterThanOrEqual(6_000);
    const breached = await getDb().slaBreach.groupBy({ by: ["step"], where: { warningId: { in: ids } }, _count: true });
    expect(breached).toEqual([{ step: "ACK", _count: 6_000 }]);
  });
});
