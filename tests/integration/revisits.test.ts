// Revisits (回访): scheduled in the transaction that resolves a warning DISSUADED, whichever path
// resolves it; intervals from the settings; idempotent; the outcome's rules (DEFRAUDED opens the
// case, TEMP_UNREACHABLE reschedules); jurisdiction with two precincts and two branches; and the
// rollups behind the revisit rate and timeliness.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logWarningAction, transitionWarning } from "@/lib/warnings/commands";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";
import { recordFollowUpVisit } from "@/lib/field/record-follow-up-visit";
import { myTasks } from "@/lib/field/my-tasks";
import { precinctView } from "@/lib/field/precinct-view";
import { recordRevisitOutcome } from "@/lib/revisits/record-outcome";
import { listRevisits } from "@/lib/revisits/queries";
import { updateRevisitSettings } from "@/lib/settings/commands";
import { recountDaily } from "@/lib/stats/recount";
import { rankingValues } from "@/lib/stats/rankings";
import { metric } from "@/lib/stats/metrics";
import { chinaToday, dateToDay, DAY_MS } from "@/lib/time/china";
import { makeApiKey, makeUnitTree, makeUser } from "@/tests/factories";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { fieldTeam, inDays, intercept, key, precinctWarning, visit, type FieldTeam } from "./field-fixtures";

let team: FieldTeam;
let sibling: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  team = await fieldTeam();
  // An officer of the other precinct of the same branch.
  sibling = await makeUser(team.tree.branches[0]!.precincts[1]!, "OFFICER");
});

const revisitsOf = (warningId: string) => getDb().revisit.findMany({ where: { warningId }, orderBy: [{ sequence: "asc" }, { attempt: "asc" }] });

/** A warning of the precinct dissuaded at a home visit by the team's officer. */
async function dissuaded() {
  const w = await precinctWarning(team);
  await recordHomeVisit(team.officer.actor, { id: w.id, ...visit() }, key());
  return { warning: w, revisits: await revisitsOf(w.id) };
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
const paths = (e: AppError) => e.details.map((d) => d.path);

describe("scheduling on every path that resolves a warning DISSUADED", () => {
  it("a home visit schedules the default revisits (next day, day 7) for the precinct and the officer", async () => {
    const { warning, revisits } = await dissuaded();
    expect(revisits.map((r) => [r.sequence, r.attempt, dateToDay(r.dueOn), r.status, r.unitId, r.officerId])).toEqual([
      [1, 1, inDays(1), "OPEN", team.precinct.id, team.officer.user.id],
      [2, 1, inDays(7), "OPEN", team.precinct.id, team.officer.user.id],
    ]);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "warning.transition", entityId: warning.id, details: { path: ["to"], equals: "RESOLVED" } } });
    expect(audit.details).toMatchObject({ outcome: "DISSUADED", revisitsScheduled: 2 });
  });

  it("a counter interception for a warning schedules them", async () => {
    const w = await precinctWarning(team);
    await recordCounterIntercept(team.officer.actor, intercept({ warningId: w.id, occurredAt: new Date().toISOString() }), key());
    expect((await revisitsOf(w.id)).map((r) => r.status)).toEqual(["OPEN", "OPEN"]);
  });

  it("the center's 96110 call schedules them for the precinct holding the warning (its assignee, else nobody)", async () => {
    const w = await precinctWarning(team);
    const d = team.dispatcher.actor;
    const acked = await transitionWarning(d, { id: w.id, to: "ACKNOWLEDGED", version: w.version });
    await logWarningAction(d, { id: w.id, kind: "HOTLINE_CALL", result: "DISSUADED" });
    const cur = await getDb().warning.findUniqueOrThrow({ where: { id: w.id } });
    expect(cur.version).toBeGreaterThan(acked.version);
    await transitionWarning(d, { id: w.id, to: "RESOLVED", outcome: "DISSUADED", version: cur.version });
    const rs = await revisitsOf(w.id);
    expect(rs.map((r) => [r.unitId, r.officerId])).toEqual([[team.precinct.id, null], [team.precinct.id, null]]);
  });

  it("a follow-up visit that finally dissuades schedules them; a visit that keeps the warning open does not", async () => {
    const w = await precinctWarning(team);
    const first = await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ outcome: "NOT_FOUND", personFound: false, amountProtected: "0", appRegistered: false, followUpOn: inDays(1) }) }, key());
    expect(await revisitsOf(w.id)).toEqual([]);
    await recordFollowUpVisit(team.officer.actor, { id: first.id, ...visit() }, key());
    expect(await revisitsOf(w.id)).toHaveLength(2);
  });

  it("other outcomes schedule nothing", async () => {
    const w = await precinctWarning(team);
    await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ outcome: "NOT_FRAUD", amountProtected: "0" }) }, key());
    expect(await revisitsOf(w.id)).toEqual([]);
  });
});

describe("intervals from the settings", () => {
  it("uses the intervals the administrator saved, for warnings dissuaded from then on; bad lists are 422 naming the field", async () => {
    const admin = (await makeUser(team.tree.city, "ADMIN")).actor;
    expect(paths(await rejection(updateRevisitSettings(admin, { revisitDays: "7, 1", revisitDaysVersion: "0" })))).toEqual(["revisitDays"]);
    expect(paths(await rejection(updateRevisitSettings(admin, { revisitDays: "0", revisitDaysVersion: "0" })))).toEqual(["revisitDays.0"]);
    const before = await dissuaded();
    await updateRevisitSettings(admin, { revisitDays: "2, 5, 30", revisitDaysVersion: "0" });
    try {
      const after = await dissuaded();
      expect(after.revisits.map((r) => dateToDay(r.dueOn))).toEqual([inDays(2), inDays(5), inDays(30)]);
      expect((await revisitsOf(before.warning.id)).map((r) => dateToDay(r.dueOn))).toEqual([inDays(1), inDays(7)]);
      expect(await getDb().auditLog.count({ where: { action: "config.revisits.update", actorId: admin.id } })).toBe(1);
      // A stale version is 409.
      expect((await rejection(updateRevisitSettings(admin, { revisitDays: "1", revisitDaysVersion: "0" }))).code).toBe("VERSION_CONFLICT");
    } finally {
      const row = await getDb().appSetting.findUniqueOrThrow({ where: { key: "revisitIntervalDays" } });
      await updateRevisitSettings(admin, { revisitDays: "1, 7", revisitDaysVersion: String(row.version) });
    }
  });
});

describe("idempotency", () => {
  it("resolving DISSUADED again keeps the revisits; a false positive cancels the open ones and a new DISSUADED makes them due again", async () => {
    const { warning, revisits } = await dissuaded();
    const d = team.dispatcher.actor;
    const v = async () => (await getDb().warning.findUniqueOrThrow({ where: { id: warning.id } })).version;
    await transitionWarning(d, { id: warning.id, to: "IN_PROGRESS", version: await v(), note: "当事人再次来电" });
    await transitionWarning(d, { id: warning.id, to: "RESOLVED", outcome: "DISSUADED", version: await v() });
    const again = await revisitsOf(warning.id);
    expect(again.map((r) => [r.id, r.status, r.version])).toEqual(revisits.map((r) => [r.id, "OPEN", r.version]));

    await transitionWarning(d, { id: warning.id, to: "IN_PROGRESS", version: await v(), note: "核实为误报" });
    await transitionWarning(d, { id: warning.id, to: "RESOLVED", outcome: "FALSE_POSITIVE", version: await v() });
    expect((await revisitsOf(warning.id)).map((r) => r.status)).toEqual(["CANCELLED", "CANCELLED"]);

    await transitionWarning(d, { id: warning.id, to: "IN_PROGRESS", version: await v(), note: "复核后确认为诈骗" });
    await transitionWarning(d, { id: warning.id, to: "RESOLVED", outcome: "DISSUADED", version: await v() });
    const revived = await revisitsOf(warning.id);
    expect(revived.map((r) => [r.id, r.status, r.cancelledAt])).toEqual(revisits.map((r) => [r.id, "OPEN", null]));
  });

  it("a replayed outcome submit records once", async () => {
    const { revisits } = await dissuaded();
    const k = key();
    const input = { id: revisits[0]!.id, version: revisits[0]!.version, outcome: "CONFIRMED" };
    const a = await recordRevisitOutcome(team.officer.actor, input, k);
    const b = await recordRevisitOutcome(team.officer.actor, input, k);
    expect(b).toEqual(a);
    expect(await getDb().auditLog.count({ where: { action: "revisit.outcome", entityId: revisits[0]!.id } })).toBe(1);
  });
});

describe("recording an outcome", () => {
  it("CONFIRMED closes the revisit, audited, and leaves the warning alone; the last one done reopens nothing", async () => {
    const { warning, revisits } = await dissuaded();
    const wBefore = await getDb().warning.findUniqueOrThrow({ where: { id: warning.id } });
    const r = await recordRevisitOutcome(team.officer.actor, { id: revisits[0]!.id, version: revisits[0]!.version, outcome: "CONFIRMED", note: "当事人表示未再转账" });
    expect(r).toMatchObject({ outcome: "CONFIRMED", version: revisits[0]!.version + 1, next: null, caseId: null, warningStatus: "RESOLVED" });
    const row = await getDb().revisit.findUniqueOrThrow({ where: { id: revisits[0]!.id } });
    expect(row).toMatchObject({ status: "DONE", outcome: "CONFIRMED", doneById: team.officer.user.id, note: "当事人表示未再转账" });
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "revisit.outcome", entityId: row.id } });
    expect(audit.details).toMatchObject({ warningId: warning.id, sequence: 1, outcome: "CONFIRMED" });

    // A colleague of the same precinct records the second: the last one done.
    await recordRevisitOutcome(team.colleague.actor, { id: revisits[1]!.id, version: revisits[1]!.version, outcome: "UNREACHABLE" });
    const wAfter = await getDb().warning.findUniqueOrThrow({ where: { id: warning.id } });
    expect(wAfter).toMatchObject({ status: "RESOLVED", outcome: "DISSUADED", version: wBefore.version, caseId: null });
  });

  it("TEMP_UNREACHABLE may schedule the next attempt within the limit", async () => {
    const { revisits } = await dissuaded();
    const r = await recordRevisitOutcome(team.officer.actor, { id: revisits[0]!.id, version: revisits[0]!.version, outcome: "TEMP_UNREACHABLE", rescheduleOn: inDays(3) });
    expect(r.next).toMatchObject({ dueOn: inDays(3) });
    const next = await getDb().revisit.findUniqueOrThrow({ where: { id: r.next!.id } });
    expect(next).toMatchObject({ sequence: 1, attempt: 2, status: "OPEN", unitId: team.precinct.id, officerId: team.officer.user.id });
    // Without a day: no next attempt.
    const other = await dissuaded();
    const r2 = await recordRevisitOutcome(team.officer.actor, { id: other.revisits[0]!.id, version: other.revisits[0]!.version, outcome: "TEMP_UNREACHABLE" });
    expect(r2.next).toBeNull();
  });

  it("refuses bad input with 422 naming the field and writes nothing", async () => {
    const { revisits } = await dissuaded();
    const base = { id: revisits[0]!.id, version: revisits[0]!.version };
    const cases: [Record<string, unknown>, string][] = [
      [{ outcome: "CONFIRMED", rescheduleOn: inDays(2) }, "rescheduleOn"],
      [{ outcome: "TEMP_UNREACHABLE", rescheduleOn: inDays(15) }, "rescheduleOn"],
      [{ outcome: "TEMP_UNREACHABLE", rescheduleOn: chinaToday() }, "rescheduleOn"],
      [{ outcome: "TEMP_UNREACHABLE", rescheduleOn: "2026-13-40" }, "rescheduleOn"],
      [{ outcome: "INFO_MISMATCH" }, "note"],
      [{ outcome: "PAID" }, "outcome"],
      [{}, "outcome"],
      [{ outcome: "CONFIRMED", note: "x".repeat(2001) }, "note"],
      [{ outcome: "CONFIRMED", unitId: team.otherPrecinct.id }, ""],
    ];
    for (const [extra, path] of cases) {
      const e = await rejection(recordRevisitOutcome(team.officer.actor, { ...base, ...extra }));
      expect(e.code, JSON.stringify(extra)).toBe("VALIDATION");
      expect(paths(e), JSON.stringify(extra)).toContain(path);
    }
    expect(paths(await rejection(recordRevisitOutcome(team.officer.actor, { id: "nope", version: 1, outcome: "CONFIRMED" })))).toContain("id");
    expect(await getDb().revisit.findUniqueOrThrow({ where: { id: base.id } })).toMatchObject({ status: "OPEN", version: base.version });
  });

  it("a stale version is 409 and a revisit no longer open is 409; nothing is overwritten", async () => {
    const { revisits } = await dissuaded();
    const r0 = revisits[0]!;
    await recordRevisitOutcome(team.officer.actor, { id: r0.id, version: r0.version, outcome: "CONFIRMED" });
    // The colleague's screen still shows it open, at its old version.
    const stale = await rejection(recordRevisitOutcome(team.colleague.actor, { id: r0.id, version: r0.version, outcome: "DEFRAUDED" }));
    expect(stale.code).toBe("CONFLICT");
    const done = await rejection(recordRevisitOutcome(team.colleague.actor, { id: r0.id, version: r0.version + 1, outcome: "DEFRAUDED" }));
    expect(done).toMatchObject({ code: "CONFLICT" });
    expect(paths(done)).toEqual(["status"]);
    expect(await getDb().revisit.findUniqueOrThrow({ where: { id: r0.id } })).toMatchObject({ outcome: "CONFIRMED", version: r0.version + 1 });

    const r1 = revisits[1]!;
    expect((await rejection(recordRevisitOutcome(team.officer.actor, { id: r1.id, version: r1.version + 5, outcome: "CONFIRMED" }))).code).toBe("VERSION_CONFLICT");
  });

  it("DEFRAUDED reopens the warning, resolves it ALREADY_DEFRAUDED with a REPORTED case and cancels the other revisit, in one transaction", async () => {
    const { warning, revisits } = await dissuaded();
    const r = await recordRevisitOutcome(team.officer.actor, { id: revisits[0]!.id, version: revisits[0]!.version, outcome: "DEFRAUDED", note: "已转账 3 万元" }, key());
    expect(r.caseId).toBeTruthy();
    expect(r.warningStatus).toBe("RESOLVED");
    const w = await getDb().warning.findUniqueOrThrow({ where: { id: warning.id }, include: { fraudCase: true, transitions: { orderBy: { at: "asc" } } } });
    expect(w).toMatchObject({ status: "RESOLVED", outcome: "ALREADY_DEFRAUDED", caseId: r.caseId });
    expect(w.fraudCase).toMatchObject({ status: "REPORTED", source: "WARNING" });
    const reopen = w.transitions.find((x) => x.fromStatus === "RESOLVED" && x.toStatus === "IN_PROGRESS");
    expect(reopen?.note).toContain("回访发现当事人已被骗");
    expect(await getDb().auditLog.count({ where: { action: "warning.reopen", entityId: warning.id } })).toBe(1);
    expect((await revisitsOf(warning.id)).map((x) => [x.status, x.outcome])).toEqual([["DONE", "DEFRAUDED"], ["CANCELLED", null]]);
  });
});

describe("jurisdiction: two precincts, two branches", () => {
  it("another precinct's officer, of this branch or another, gets 404 and an audited denial; nothing changes", async () => {
    const { revisits } = await dissuaded();
    const r0 = revisits[0]!;
    for (const who of [sibling, team.outsider]) {
      const e = await rejection(recordRevisitOutcome(who.actor, { id: r0.id, version: r0.version, outcome: "CONFIRMED" }));
      expect(e.code).toBe("NOT_FOUND");
      expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: who.user.id, entityId: r0.id } })).toBe(1);
    }
    expect(await getDb().revisit.findUniqueOrThrow({ where: { id: r0.id } })).toMatchObject({ status: "OPEN", version: r0.version });
  });

  it("the centre's own revisits (a warning it dissuaded itself): its dispatchers see them in their view with a record button and record them; nobody else", async () => {
    const d = team.dispatcher;
    const w = await precinctWarning(team, {}, team.tree.center);
    await transitionWarning(d.actor, { id: w.id, to: "ACKNOWLEDGED", version: w.version });
    await logWarningAction(d.actor, { id: w.id, kind: "HOTLINE_CALL", result: "DISSUADED" });
    const cur = await getDb().warning.findUniqueOrThrow({ where: { id: w.id } });
    await transitionWarning(d.actor, { id: w.id, to: "RESOLVED", outcome: "DISSUADED", version: cur.version });
    const [r0] = await revisitsOf(w.id);
    expect(r0).toMatchObject({ unitId: team.tree.center.id, officerId: d.user.id, status: "OPEN" });
    const view = await precinctView(d.actor, {}, { now: new Date(Date.now() + DAY_MS) });
    expect(view.revisits.list.find((r) => r.id === r0!.id)).toMatchObject({ due: "today", mine: true });
    // Officers of a precinct, and the dispatchers of another city, cannot touch it (404, audited).
    const farDispatcher = await makeUser((await makeUnitTree()).center, "DISPATCHER");
    for (const who of [team.officer, farDispatcher]) {
      const e = await rejection(recordRevisitOutcome(who.actor, { id: r0!.id, version: r0!.version, outcome: "CONFIRMED" }));
      expect(e.code).toBe("NOT_FOUND");
      expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: who.user.id, entityId: r0!.id } })).toBe(1);
    }
    const done = await recordRevisitOutcome(d.actor, { id: r0!.id, version: r0!.version, outcome: "TEMP_UNREACHABLE", rescheduleOn: inDays(2) }, key());
    expect(await getDb().revisit.findUniqueOrThrow({ where: { id: r0!.id } })).toMatchObject({ status: "DONE", doneById: d.user.id });
    expect(await getDb().revisit.findUniqueOrThrow({ where: { id: done.next!.id } })).toMatchObject({ unitId: team.tree.center.id, officerId: d.user.id, attempt: 2 });
  });

  it("dispatchers record the revisits of the precincts they work too, as they visit their warnings", async () => {
    const { revisits } = await dissuaded();
    const r0 = revisits[0]!;
    await recordRevisitOutcome(team.dispatcher.actor, { id: r0.id, version: r0.version, outcome: "CONFIRMED" });
    expect(await getDb().revisit.findUniqueOrThrow({ where: { id: r0.id } })).toMatchObject({ status: "DONE", doneById: team.dispatcher.user.id });
  });

  it("lists: the unit's for its officers, the jurisdiction's for its dispatchers, nothing of another city", async () => {
    const { revisits } = await dissuaded();
    const id = revisits[0]!.id;
    const ids = async (actor: Parameters<typeof listRevisits>[0], q: Record<string, unknown> = {}) => (await listRevisits(actor, q)).revisits.map((r) => r.id);
    expect(await ids(team.officer.actor)).toContain(id);
    expect(await ids(team.officer.actor, { mine: "true", status: "OPEN", due: "upcoming" })).toContain(id);
    expect(await ids(team.officer.actor, { due: "overdue" })).not.toContain(id);
    expect(await ids(sibling.actor)).not.toContain(id);
    expect(await ids(team.outsider.actor)).not.toContain(id);
    expect(await ids(team.dispatcher.actor)).toContain(id);
    expect(await ids(team.dispatcher.actor, { unit: team.precinct.code })).toContain(id);
    expect(await ids(team.dispatcher.actor, { unit: team.otherPrecinct.code })).not.toContain(id);
    const far = await makeUnitTree();
    const farDispatcher = await makeUser(far.center, "DISPATCHER");
    expect(await ids(farDispatcher.actor)).not.toContain(id);
    expect((await rejection(listRevisits(farDispatcher.actor, { unit: team.precinct.code }))).code).toBe("NOT_FOUND");
    expect((await rejection(listRevisits(team.outsider.actor, { unit: team.precinct.code }))).code).toBe("NOT_FOUND");
    expect(paths(await rejection(listRevisits(team.officer.actor, { due: "yesterday" })))).toEqual(["due"]);
  });

  it("My tasks shows the unit's revisits due today and overdue; the precinct view counts them", async () => {
    const { revisits } = await dissuaded();
    const [first, second] = revisits as [(typeof revisits)[0], (typeof revisits)[0]];
    const at = (days: number) => ({ now: new Date(Date.now() + days * DAY_MS) });
    const now = await myTasks(team.officer.actor, {});
    expect(now.revisits.map((r) => r.id)).not.toContain(first.id);
    const tomorrow = await myTasks(team.officer.actor, {}, at(1));
    expect(tomorrow.revisits.find((r) => r.id === first.id)).toMatchObject({ due: "today", mine: true, personPhone: expect.stringContaining("****") });
    const later = await myTasks(team.colleague.actor, {}, at(8));
    expect(later.revisits.find((r) => r.id === first.id)).toMatchObject({ due: "overdue", daysLate: 7, mine: false });
    expect(later.revisits.find((r) => r.id === second.id)).toMatchObject({ due: "overdue", daysLate: 1 });
    expect(later.counts.overdueRevisits).toBeGreaterThanOrEqual(2);
    expect((await myTasks(team.outsider.actor, {}, at(8))).revisits.map((r) => r.id)).not.toContain(first.id);
    const view = await precinctView(team.dispatcher.actor, { unit: team.precinct.code }, at(8));
    expect(view.revisits.overdue).toBeGreaterThanOrEqual(2);
    expect(view.revisits.list.map((r) => r.id)).toContain(first.id);
    expect(view.revisitUnits?.find((u) => u.code === team.precinct.code)?.overdue).toBeGreaterThanOrEqual(2);
    expect((await precinctView(team.officer.actor, {}, at(8))).revisitUnits).toBeNull();
    const far = await makeUnitTree();
    const farView = await precinctView((await makeUser(far.center, "DISPATCHER")).actor, {}, at(8));
    expect(farView.revisitUnits?.map((u) => u.code)).not.toContain(team.precinct.code);
  });
});

describe("statistics", () => {
  it("the rollups count revisits due, done and done on time by due day, as a direct recount does; rankings divide them", async () => {
    // A fresh precinct of its own, so its figures are exactly these.
    const tree = await makeUnitTree();
    forgetRoutingTable();
    const p = tree.branches[0]!.precincts[0]!;
    const officer = await makeUser(p, "OFFICER");
    const local = { ...team, precinct: p, officer, feed: await makeApiKey(tree.city, ["warnings:ingest"]) };
    const made = [];
    for (let i = 0; i < 3; i++) {
      const w = await precinctWarning(local, {}, p);
      await recordHomeVisit(officer.actor, { id: w.id, ...visit() }, key());
      made.push(await revisitsOf(w.id));
    }
    // Due tomorrow, done today (on time); due tomorrow, done two days late; one revisit cancelled with its warning.
    await recordRevisitOutcome(officer.actor, { id: made[0]![0]!.id, version: made[0]![0]!.version, outcome: "CONFIRMED" });
    await recordRevisitOutcome(officer.actor, { id: made[1]![0]!.id, version: made[1]![0]!.version, outcome: "CONFIRMED" }, { now: new Date(Date.now() + 3 * DAY_MS) });
    await recordRevisitOutcome(officer.actor, { id: made[2]![0]!.id, version: made[2]![0]!.version, outcome: "DEFRAUDED" }, key());
    // due: 3 (day +1) + 3 − 1 cancelled (day +7) = 5; done: 3; on time: 2.
    const rows = await getDb().statDaily.findMany({ where: { unitId: p.id, metric: { startsWith: "r." } } });
    const sum = (m: string) => rows.filter((r) => r.metric === m).reduce((s, r) => s + Number(r.value), 0);
    expect([sum("r.due"), sum("r.done"), sum("r.ontime")]).toEqual([5, 3, 2]);
    const byDay = (m: string, day: string) => Number(rows.find((r) => r.metric === m && dateToDay(r.day) === day)?.value ?? 0);
    expect([byDay("r.due", inDays(1)), byDay("r.done", inDays(1)), byDay("r.ontime", inDays(1)), byDay("r.due", inDays(7))]).toEqual([3, 3, 2, 2]);

    const recount = (await recountDaily([p.id])).filter((r) => r.metric.startsWith("r."));
    const norm = (xs: { day: string; metric: string; value: string }[]) => xs.map((r) => `${r.day}|${r.metric}|${Number(r.value)}`).sort();
    expect(norm(rows.map((r) => ({ day: dateToDay(r.day), metric: r.metric, value: r.value.toString() })))).toEqual(norm(recount));

    const t = new Map([[metric.revisits.due, 500n], [metric.revisits.done, 300n], [metric.revisits.onTime, 200n]]);
    expect(rankingValues(t, null)).toMatchObject({ revisitRate: 60, revisitTimeliness: 40 });
  });
});
