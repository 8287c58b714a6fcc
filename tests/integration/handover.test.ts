// The duty shift (交接班, issue 12.13): a handover counts the jurisdiction's open work and the
// outgoing dispatcher's shift, is acknowledged once by a colleague of the same desk, and is seen
// only within the jurisdiction (the center sees its city; a branch its own subtree).
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { dispatchWarning, logWarningAction, transitionWarning } from "@/lib/warnings/commands";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { addDays, chinaToday, dayToDate } from "@/lib/time/china";
import { acknowledgeHandover, createHandover } from "@/lib/handover/commands";
import { handoverBoard, listHandovers, workloadToday } from "@/lib/handover/queries";
import { makeApiKey, makeUnitTree, makeUser, warningInput, type TestTree } from "@/tests/factories";

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);
/** A China-local minute as the form's datetime-local field sends it. */
const chinaMinute = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 16);

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e, "expected the call to fail").toBeInstanceOf(AppError);
  return e as AppError;
}

type City = { tree: TestTree; feed: Actor; center: Actor[]; branch: Actor };

async function makeCity(): Promise<City> {
  const tree = await makeUnitTree();
  forgetRoutingTable();
  const feed = (await makeApiKey(tree.city, ["warnings:ingest"])).actor;
  const center = [(await makeUser(tree.center, "DISPATCHER")).actor, (await makeUser(tree.center, "DISPATCHER")).actor, (await makeUser(tree.center, "DISPATCHER")).actor];
  const branch = (await makeUser(tree.branches[0]!, "DISPATCHER")).actor;
  return { tree, feed, center, branch };
}

async function warning(c: City, over: Record<string, unknown> = {}) {
  const [r] = await ingestWarnings(c.feed, [warningInput({ unitCode: c.tree.center.code, ...over })]);
  expect(r?.status).toBe("created");
  return getDb().warning.findUniqueOrThrow({ where: { id: r!.id }, select: { id: true, version: true } });
}

describe("writing a handover", () => {
  let a: City, b: City;
  beforeAll(async () => {
    [a, b] = [await makeCity(), await makeCity()];
  });

  it("snapshots the city's open work and only the outgoing dispatcher's shift, within the jurisdiction", async () => {
    const [d1, d2] = a.center as [Actor, Actor];
    // Before the shift (five hours ago) d1 signed for one warning: not part of the shift.
    const early = await warning(a);
    await transitionWarning(d1, { id: early.id, to: "ACKNOWLEDGED", version: early.version }, { now: ago(5 * HOUR) });
    // In the shift: d1 signs for and resolves one, signs for and dispatches another, calls a third
    // (promising a call-back today); d2 signs for one.
    const done = await warning(a);
    let v = (await transitionWarning(d1, { id: done.id, to: "ACKNOWLEDGED", version: done.version })).version;
    v = (await transitionWarning(d1, { id: done.id, to: "IN_PROGRESS", version: v })).version;
    await transitionWarning(d1, { id: done.id, to: "RESOLVED", version: v, outcome: "DISSUADED" });
    const sent = await warning(a);
    const sv = (await transitionWarning(d1, { id: sent.id, to: "ACKNOWLEDGED", version: sent.version })).version;
    await dispatchWarning(d1, { id: sent.id, unitCode: a.tree.branches[0]!.precincts[0]!.code, version: sv });
    const called = await warning(a);
    await transitionWarning(d2, { id: called.id, to: "ACKNOWLEDGED", version: called.version });
    await logWarningAction(d1, { id: called.id, kind: "HOTLINE_CALL", result: "UNANSWERED", followUpOn: chinaToday() });
    // Open and untouched: one overdue (received an hour ago, HIGH: 签收 due after 10 min), one 特高危.
    await warning(a, { receivedAt: ago(HOUR).toISOString() });
    await warning(a, { riskLevel: "CRITICAL" });
    // A precinct's follow-up visit whose day has passed: promised, and missed.
    const officer = (await makeUser(a.tree.branches[1]!.precincts[0]!, "OFFICER")).actor;
    await getDb().dissuasionAction.create({
      data: { unitId: officer.unitId, actorId: officer.id, kind: "HOME_VISIT", result: "DISSUADED", occurredAt: ago(72 * HOUR), followUpOn: dayToDate(addDays(chinaToday(), -1)) },
    });
    // … and one a week away: not yet a promise of the next shift.
    await getDb().dissuasionAction.create({
      data: { unitId: officer.unitId, actorId: officer.id, kind: "HOME_VISIT", result: "DISSUADED", occurredAt: ago(HOUR), followUpOn: dayToDate(addDays(chinaToday(), 7)) },
    });
    // The other city's open, overdue, critical work and its dispatcher's calls count nowhere here.
    const far = await warning(b, { receivedAt: ago(HOUR).toISOString(), riskLevel: "CRITICAL" });
    await transitionWarning(b.center[0]!, { id: far.id, to: "ACKNOWLEDGED", version: far.version });
    await logWarningAction(b.center[0]!, { id: far.id, kind: "HOTLINE_CALL", result: "UNANSWERED", followUpOn: chinaToday() });

    const { id } = await createHandover(d1, { shiftStart: chinaMinute(ago(4 * HOUR)), note: "特高危一起待回拨，当事人电话13972001234" });
    const h = await getDb().handover.findUniqueOrThrow({ where: { id } });
    expect(h).toMatchObject({
      unitId: a.tree.center.id, outgoingId: d1.id, acknowledgedAt: null,
      // early, sent, called, overdue, critical (done is resolved)
      openCount: 5, pendingCount: 2, overdueCount: 1, criticalCount: 1, promisedCount: 2, missedCount: 1,
      signedCount: 2, dispatchedCount: 1, resolvedCount: 1, callCount: 1,
    });
    expect(h.shiftEnd.getTime() - h.shiftStart.getTime()).toBeGreaterThan(4 * HOUR - 60_000);

    // Audited with the write: the counts, and that there was a note — never its text.
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "handover.create", entityId: id } });
    expect(audit).toMatchObject({ actorId: d1.id, success: true, details: expect.objectContaining({ openCount: 5, signedCount: 2, note: true }) });
    expect(JSON.stringify(audit.details)).not.toContain("1397200");

    // The page masks numbers in the note; the workload of today lists the city's dispatchers only.
    const [shown] = (await listHandovers(d2)).filter((x) => x.id === id);
    expect(shown?.note).toBe("特高危一起待回拨，当事人电话139****1234");
    const board = await handoverBoard(d2);
    expect(board.work).toEqual({ open: 5, pending: 2, overdue: 1, critical: 1, promised: 2, missed: 1 });
    expect(board.promised.map((p) => [p.kind, p.callBack, p.missed])).toEqual([["HOME_VISIT", false, true], ["HOTLINE_CALL", true, false]]);
    expect(board.overdue).toHaveLength(1);
    expect(board.awaiting.map((x) => x.id)).toEqual([id]);
    const load = await workloadToday(d2);
    expect(load.map((r) => r.userId).sort()).toEqual([...a.center.map((x) => x.id), a.branch.id].sort());
    // Today (China day) holds the early signature too, unless the day began less than five hours ago.
    const row = (who: Actor) => load.find((r) => r.userId === who.id)!;
    expect(row(d1)).toMatchObject({ dispatched: 1, resolved: 1, calls: 1 });
    expect(row(d1).signed).toBeGreaterThanOrEqual(2);
    expect(row(d2)).toMatchObject({ signed: 1, dispatched: 0, resolved: 0, calls: 0 });
    expect((await workloadToday(b.center[0]!)).map((r) => r.userId)).not.toContain(d1.id);
  });

  it("refuses a second open handover, a shift longer than a day or in the future, and unknown fields", async () => {
    const d = a.center[2]!;
    expect((await failure(createHandover(d, { shiftStart: chinaMinute(ago(30 * HOUR)) }))).details[0]).toMatchObject({ path: "shiftStart", code: "shift_too_long" });
    expect((await failure(createHandover(d, { shiftStart: chinaMinute(new Date(Date.now() + HOUR)) }))).details[0]).toMatchObject({ path: "shiftStart", code: "in_future" });
    expect((await failure(createHandover(d, { shiftStart: "2026-13-40T99:00" }))).status).toBe(422);
    expect((await failure(createHandover(d, { note: "x".repeat(2001) }))).details[0]).toMatchObject({ path: "note", code: "too_long" });
    expect((await failure(createHandover(d, { outgoingId: a.center[0]!.id }))).details[0]).toMatchObject({ code: "unknown_keys" });
    expect(await getDb().handover.count({ where: { outgoingId: d.id } })).toBe(0);

    const desk = await getDb().handover.findFirstOrThrow({ where: { unitId: a.tree.center.id }, orderBy: { shiftEnd: "desc" } });
    const first = await createHandover(d, {});
    const again = await failure(createHandover(d, { note: "再交一次" }));
    expect(again.status).toBe(409);
    expect(again.details[0]?.code).toBe("open_handover");
    expect(await getDb().handover.count({ where: { outgoingId: d.id } })).toBe(1);
    // Without a start given, the shift began where the desk's last handover ended.
    expect((await getDb().handover.findUniqueOrThrow({ where: { id: first.id } })).shiftStart).toEqual(desk.shiftEnd);
    // With no handover at all, twelve hours ago.
    const { id } = await createHandover(b.branch, {});
    const h = await getDb().handover.findUniqueOrThrow({ where: { id } });
    expect(Math.round((h.shiftEnd.getTime() - h.shiftStart.getTime()) / HOUR)).toBe(12);
  });
});

describe("acknowledging a handover", () => {
  let a: City, b: City;
  beforeAll(async () => {
    [a, b] = [await makeCity(), await makeCity()];
  });

  it("is for a colleague of the same desk, once; never the author, another desk or another city", async () => {
    const [out, inc, third] = a.center as [Actor, Actor, Actor];
    const { id } = await createHandover(out, { note: "夜班无遗留" });

    const own = await failure(acknowledgeHandover(out, { id, version: 1 }));
    expect([own.status, own.details[0]?.code]).toEqual([409, "own_handover"]);
    // The branch's dispatcher: the center's desk is outside the branch's jurisdiction.
    expect((await failure(acknowledgeHandover(a.branch, { id, version: 1 }))).status).toBe(404);
    // Another city: 404, and the attempt is audited as a denial.
    const farDispatcher = b.center[0]!;
    expect((await failure(acknowledgeHandover(farDispatcher, { id, version: 1 }))).status).toBe(404);
    expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: farDispatcher.id, entityId: id } })).toBe(1);
    // A stale version changes nothing.
    expect((await failure(acknowledgeHandover(inc, { id, version: 7 }))).status).toBe(409);
    expect((await getDb().handover.findUniqueOrThrow({ where: { id } })).acknowledgedAt).toBeNull();

    await expect(acknowledgeHandover(inc, { id, version: 1 })).resolves.toEqual({ id, version: 2 });
    const h = await getDb().handover.findUniqueOrThrow({ where: { id } });
    expect(h).toMatchObject({ acknowledgedById: inc.id, version: 2 });
    expect(await getDb().auditLog.count({ where: { action: "handover.acknowledge", entityId: id, actorId: inc.id, success: true } })).toBe(1);

    const twice = await failure(acknowledgeHandover(third, { id, version: 2 }));
    expect([twice.status, twice.details[0]?.code]).toEqual([409, "already_acknowledged"]);
    expect((await getDb().handover.findUniqueOrThrow({ where: { id } })).acknowledgedById).toBe(inc.id);

    // Acknowledged, the author may hand over again; the incoming dispatcher's shift starts at the acknowledgement.
    // (Their own last handover is not where their next shift starts: nobody handed the desk to them.)
    const again = await createHandover(out, {});
    const second = await getDb().handover.findUniqueOrThrow({ where: { id: again.id } });
    expect(Math.round((second.shiftEnd.getTime() - second.shiftStart.getTime()) / HOUR)).toBe(12);
    const next = await createHandover(inc, {});
    const taken = await getDb().handover.findUniqueOrThrow({ where: { id: next.id } });
    expect(taken.shiftStart.getTime()).toBe(h.acknowledgedAt!.getTime());
  });

  it("keeps a branch's desk to the branch: the center sees it but does not take it over", async () => {
    const { id } = await createHandover(a.branch, {});
    const center = a.center[2]!;
    expect((await listHandovers(center)).map((h) => h.id)).toContain(id);
    const other = await failure(acknowledgeHandover(center, { id, version: 1 }));
    expect([other.status, other.details[0]?.code]).toEqual([409, "other_desk"]);
    // The branch does not see the center's handovers, nor the other city's anyone's.
    const centerHandover = await createHandover(center, {});
    expect((await listHandovers(a.branch)).map((h) => h.id)).not.toContain(centerHandover.id);
    expect((await listHandovers(b.center[1]!)).map((h) => h.id)).not.toContain(id);
  });

  it("lets a leader read the city's handovers and workload, and write nothing", async () => {
    const leader = (await makeUser(a.tree.city, "LEADER")).actor;
    const officer = (await makeUser(a.tree.branches[0]!.precincts[0]!, "OFFICER")).actor;
    const { id } = await getDb().handover.findFirstOrThrow({ where: { unitId: a.tree.center.id, acknowledgedAt: null } });
    const board = await handoverBoard(leader);
    expect(board.history.map((h) => h.id)).toContain(id);
    expect(board.awaiting).toEqual([]);
    expect(board.myShift).toBeNull();
    expect(board.workload.length).toBeGreaterThanOrEqual(4);
    expect((await failure(createHandover(leader, {}))).status).toBe(403);
    expect((await failure(acknowledgeHandover(leader, { id, version: 1 }))).status).toBe(403);
    expect((await failure(handoverBoard(officer))).status).toBe(403);
    expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: officer.id } })).toBeGreaterThan(0);
  });
});
