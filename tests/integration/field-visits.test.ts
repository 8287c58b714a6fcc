import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { transitionWarning, logWarningAction } from "@/lib/warnings/commands";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";
import { recordFollowUpVisit } from "@/lib/field/record-follow-up-visit";
import { listFollowUps } from "@/lib/field/follow-ups";
import { myTasks } from "@/lib/field/my-tasks";
import { dayToDate } from "@/lib/time/china";
import { actionsOf, fieldTeam, inDays, intercept, key, minutesAgo, precinctWarning, today, visit, type FieldTeam } from "./field-fixtures";

let team: FieldTeam;
beforeAll(async () => {
  team = await fieldTeam();
});

/** A warning the center signed for and could not stop by phone: IN_PROGRESS in the precinct. */
async function inProgress() {
  const w = await precinctWarning(team);
  const acked = await transitionWarning(team.dispatcher.actor, { id: w.id, to: "ACKNOWLEDGED", version: w.version });
  await logWarningAction(team.dispatcher.actor, { id: w.id, kind: "HOTLINE_CALL", result: "REFUSED" });
  return getDb().warning.findUniqueOrThrow({ where: { id: w.id }, select: { id: true, version: true, status: true } }).then((x) => ({ ...x, acked }));
}

describe("home visit", () => {
  it("signs for a dispatched warning, records the visit with the app registration and follow-up, and resolves it", async () => {
    const w = await precinctWarning(team, { victim: { name: "王秀英", phone: "13907281234", address: "测试街道001白浪路8号" } });
    const arrivedAt = minutesAgo(0.5);
    const r = await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ arrivedAt, followUpOn: inDays(3), relativesContacted: true }) }, key());
    expect(r).toMatchObject({ warningId: w.id, status: "RESOLVED", caseId: null });

    const a = await getDb().dissuasionAction.findUniqueOrThrow({ where: { id: r.id } });
    expect(a).toMatchObject({
      kind: "HOME_VISIT", result: "DISSUADED", unitId: team.precinct.id, actorId: team.officer.user.id, personFound: true,
      appRegistered: true, relativesContacted: true, fraudType: "FAKE_INVESTMENT", followUpDoneAt: null,
    });
    expect(a.amountProtected.toFixed(2)).toBe("20000.00");
    expect(a.followUpOn).toEqual(dayToDate(inDays(3)));
    expect(a.occurredAt.toISOString()).toBe(new Date(arrivedAt).toISOString());

    const row = await getDb().warning.findUniqueOrThrow({ where: { id: w.id }, include: { transitions: { orderBy: { at: "asc" } } } });
    expect(row).toMatchObject({ status: "RESOLVED", outcome: "DISSUADED", assigneeId: team.officer.user.id, slaDueAt: null });
    expect(row.acknowledgedAt?.toISOString()).toBe(new Date(arrivedAt).toISOString());
    expect(row.firstContactAt?.toISOString()).toBe(new Date(arrivedAt).toISOString());
    expect(row.transitions.map((t) => t.toStatus)).toEqual(["ACKNOWLEDGED", "IN_PROGRESS", "RESOLVED"]);

    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "field.home_visit", entityId: r.id } });
    expect(audit.details).toMatchObject({ warningId: w.id, outcome: "DISSUADED", appRegistered: true, from: "PENDING", to: "RESOLVED" });
    expect(JSON.stringify(audit.details)).not.toContain("13907281234");
    expect(await getDb().auditLog.count({ where: { action: "warning.transition", entityId: w.id } })).toBe(3);
  });

  const table = [
    { outcome: "DISSUADED", status: "RESOLVED", result: "DISSUADED" },
    { outcome: "NOT_FRAUD", status: "RESOLVED", result: "FALSE_POSITIVE", personFound: true, amountProtected: "0" },
    { outcome: "NOT_FOUND", status: "RESOLVED", result: "UNREACHABLE", personFound: false, amountProtected: "0", appRegistered: false },
    { outcome: "NOT_FOUND", status: "IN_PROGRESS", result: null, personFound: false, amountProtected: "0", appRegistered: false, followUpOn: inDays(1) },
    { outcome: "REFUSED", status: "IN_PROGRESS", result: null, amountProtected: "0", appRegistered: false, followUpOn: inDays(2) },
  ] as const;
  for (const c of table) {
    it(`${c.outcome}${"followUpOn" in c ? " with a follow-up" : ""} leaves the warning ${c.status}${c.result ? ` (${c.result})` : ""}`, async () => {
      const w = await inProgress();
      const { outcome, status: _s, result: _r, ...fields } = c;
      const r = await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ outcome, ...fields }) }, key());
      const row = await getDb().warning.findUniqueOrThrow({ where: { id: w.id } });
      expect(row).toMatchObject({ status: c.status, outcome: c.result, caseId: null });
      expect(r.status).toBe(c.status);
      expect(row.version).toBeGreaterThan(w.version);
    });
  }

  it("hands ALREADY_PAID to the investigators as a REPORTED case", async () => {
    const w = await inProgress();
    const r = await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ outcome: "ALREADY_PAID", amountProtected: "0", appRegistered: false }) }, key());
    expect(r.caseId).toBeTruthy();
    const row = await getDb().warning.findUniqueOrThrow({ where: { id: w.id }, include: { fraudCase: true } });
    expect(row).toMatchObject({ status: "RESOLVED", outcome: "ALREADY_DEFRAUDED" });
    expect(row.fraudCase).toMatchObject({ id: r.caseId, status: "REPORTED", source: "WARNING", unitId: team.tree.branches[0]!.id });
  });
});

describe("idempotency", () => {
  it("answers a replay with the first record and writes nothing more", async () => {
    const w = await precinctWarning(team);
    const k = key();
    // A retry resends what the form holds: the same body.
    const body = visit();
    const first = await recordHomeVisit(team.officer.actor, { id: w.id, ...body }, k);
    const again = await recordHomeVisit(team.officer.actor, { id: w.id, ...structuredClone(body) }, k);
    expect(again).toEqual(first);
    expect(await actionsOf(w.id)).toBe(1);
    expect(await getDb().auditLog.count({ where: { action: "field.home_visit", entityId: first.id } })).toBe(1);
  });

  it("refuses the key sent again with other content: 422, and the new data is not dropped silently (SECURITY.md G35)", async () => {
    const w = await precinctWarning(team);
    const k = key();
    const body = visit({ followUpOn: undefined });
    await recordHomeVisit(team.officer.actor, { id: w.id, ...body }, k);
    const e = await recordHomeVisit(team.officer.actor, { id: w.id, ...body, amountProtected: "90000.00" }, k).catch((x: AppError) => x);
    expect(e).toMatchObject({ status: 422, code: "IDEMPOTENCY_KEY_REUSED", details: [{ path: "idempotencyKey", code: "idempotency_key_reused" }] });
    expect(await actionsOf(w.id)).toBe(1);
    expect((await getDb().dissuasionAction.findFirstOrThrow({ where: { warningId: w.id } })).amountProtected.toFixed(2)).toBe("20000.00");
  });

  it("leaves one record under 50 concurrent submits with the same key", async () => {
    const w = await precinctWarning(team);
    const k = key();
    const body = visit();
    const results = await Promise.all(Array.from({ length: 50 }, () => recordHomeVisit.execute(team.officer.actor, { id: w.id, ...body }, k)));
    expect(new Set(results.map((r) => r.data.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await actionsOf(w.id)).toBe(1);
    expect(await getDb().warningTransition.count({ where: { warningId: w.id, toStatus: "RESOLVED" } })).toBe(1);
  });

  it("records two officers' different visits at once, one after the other", async () => {
    const w = await precinctWarning(team);
    const [a, b] = await Promise.all([
      recordHomeVisit(team.officer.actor, { id: w.id, ...visit() }, key()),
      recordHomeVisit(team.colleague.actor, { id: w.id, ...visit({ amountProtected: "0", appRegistered: false }) }, key()),
    ]);
    expect(a.id).not.toBe(b.id);
    expect(await actionsOf(w.id)).toBe(2);
    expect(await getDb().warningTransition.count({ where: { warningId: w.id, toStatus: "RESOLVED" } })).toBe(1);
  });

  it("refuses a missing key and a key reused for another warning", async () => {
    const w = await precinctWarning(team);
    const e = await recordHomeVisit(team.officer.actor, { id: w.id, ...visit() }, undefined).catch((x: AppError) => x);
    expect(e).toMatchObject({ status: 422, details: [{ path: "idempotencyKey", code: "required" }] });
    const k = key();
    await recordHomeVisit(team.officer.actor, { id: w.id, ...visit() }, k);
    const other = await precinctWarning(team);
    const e2 = await recordHomeVisit(team.officer.actor, { id: other.id, ...visit() }, k).catch((x: AppError) => x);
    expect(e2).toMatchObject({ status: 422, code: "IDEMPOTENCY_KEY_REUSED", details: [{ path: "idempotencyKey", code: "idempotency_key_reused" }] });
    expect(await actionsOf(other.id)).toBe(0);
    // Another officer's identical key is another submit.
    await expect(recordHomeVisit.execute(team.colleague.actor, { id: other.id, ...visit() }, k)).resolves.toMatchObject({ replayed: false });
  });
});

describe("follow-ups", () => {
  it("shows a scheduled visit in My tasks on its day and closes it with the later visit", async () => {
    const w = await inProgress();
    const refused = await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ outcome: "REFUSED", amountProtected: "0", appRegistered: false, followUpOn: today() }) }, key());
    const tasks = await myTasks(team.officer.actor, {});
    const card = tasks.warnings.find((x) => x.id === w.id)!;
    expect(card.followUp).toMatchObject({ id: refused.id, on: today(), state: "today" });
    expect(tasks.followUps.map((f) => f.id)).not.toContain(refused.id);

    await recordHomeVisit(team.officer.actor, { id: w.id, ...visit() }, key());
    expect((await getDb().dissuasionAction.findUniqueOrThrow({ where: { id: refused.id } })).followUpDoneAt).not.toBeNull();
    expect((await listFollowUps(team.officer.actor)).map((f) => f.id)).not.toContain(refused.id);
  });

  it("flags a missed follow-up of a resolved warning", async () => {
    const w = await precinctWarning(team);
    const r = await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ followUpOn: today() }) }, key());
    // As if it had been scheduled for two days ago.
    await getDb().dissuasionAction.update({ where: { id: r.id }, data: { followUpOn: dayToDate(inDays(-2)) } });
    const tasks = await myTasks(team.officer.actor, {});
    expect(tasks.followUps.find((f) => f.id === r.id)).toMatchObject({ state: "missed", daysLate: 2, warningId: w.id, warningStatus: "RESOLVED" });
    expect(tasks.counts.missedFollowUps).toBeGreaterThanOrEqual(1);
  });

  it("reopens a resolved warning as ALREADY_DEFRAUDED when the follow-up finds the person paid", async () => {
    const w = await precinctWarning(team);
    await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ followUpOn: today() }) }, key());
    const r = await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ outcome: "ALREADY_PAID", amountProtected: "0", appRegistered: false, note: "回访发现已转账" }) }, key());
    expect(r).toMatchObject({ status: "RESOLVED" });
    const row = await getDb().warning.findUniqueOrThrow({ where: { id: w.id }, include: { transitions: { orderBy: { at: "asc" } } } });
    expect(row.outcome).toBe("ALREADY_DEFRAUDED");
    expect(row.caseId).toBe(r.caseId);
    expect(row.transitions.at(-2)).toMatchObject({ fromStatus: "RESOLVED", toStatus: "IN_PROGRESS" });
    expect(row.transitions.at(-2)!.note).toContain("回访发现已转账");
  });

  it("visits a standalone counter interception's customer again and closes its follow-up", async () => {
    const i = await recordCounterIntercept(team.officer.actor, intercept({ followUpOn: today() }), key());
    expect((await listFollowUps(team.officer.actor)).find((f) => f.id === i.id)).toMatchObject({ state: "today", warningId: null, personPhone: "139****1234" });
    const k = key();
    const body = visit({ amountProtected: "0" });
    const v = await recordFollowUpVisit(team.officer.actor, { id: i.id, ...body }, k);
    expect(await recordFollowUpVisit(team.officer.actor, { id: i.id, ...body }, k)).toEqual(v);
    const made = await getDb().dissuasionAction.findUniqueOrThrow({ where: { id: v.id } });
    expect(made).toMatchObject({ kind: "HOME_VISIT", warningId: null, customerName: "陈桂英", customerPhone: "13972001234", fraudType: "IMPERSONATE_OFFICIAL" });
    expect((await getDb().dissuasionAction.findUniqueOrThrow({ where: { id: i.id } })).followUpDoneAt).not.toBeNull();
    const again = await recordFollowUpVisit(team.officer.actor, { id: i.id, ...visit() }, key()).catch((x: AppError) => x);
    expect(again).toMatchObject({ status: 409, details: [{ code: "no_open_follow_up" }] });
  });
});

describe("a follow-up visit closes exactly the follow-ups it answers", () => {
  const open = (id: string) => getDb().dissuasionAction.findUniqueOrThrow({ where: { id } }).then((a) => a.followUpDoneAt === null);

  it("a standalone record's visit closes that record's follow-up, not a colleague's or another precinct's", async () => {
    const mine = await recordCounterIntercept(team.officer.actor, intercept({ followUpOn: inDays(2) }), key());
    const colleagues = await recordCounterIntercept(team.colleague.actor, intercept({ followUpOn: inDays(1) }), key());
    const elsewhere = await recordCounterIntercept(team.outsider.actor, intercept({ followUpOn: inDays(1) }), key());
    const w = await precinctWarning(team);
    const onWarning = await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ outcome: "REFUSED", amountProtected: "0", appRegistered: false, followUpOn: inDays(1) }) }, key());

    // An early follow-up visit (before its day), as in the tour.
    const v = await recordFollowUpVisit(team.officer.actor, { id: mine.id, ...visit({ amountProtected: "0" }) }, key());
    expect(await open(mine.id)).toBe(false);
    expect([await open(colleagues.id), await open(elsewhere.id), await open(onWarning.id)]).toEqual([true, true, true]);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "field.follow_up_visit", entityId: v.id } });
    expect(audit.details).toMatchObject({ followUpOf: mine.id, followUpsClosed: 1 });
  });

  it("a warning's visit closes that warning's follow-ups only", async () => {
    const [a, b] = [await precinctWarning(team), await precinctWarning(team)];
    const onA = await recordHomeVisit(team.officer.actor, { id: a.id, ...visit({ outcome: "REFUSED", amountProtected: "0", appRegistered: false, followUpOn: inDays(1) }) }, key());
    const onB = await recordHomeVisit(team.colleague.actor, { id: b.id, ...visit({ outcome: "REFUSED", amountProtected: "0", appRegistered: false, followUpOn: inDays(1) }) }, key());
    const elsewhere = await recordCounterIntercept(team.outsider.actor, intercept({ followUpOn: inDays(1) }), key());

    await recordHomeVisit(team.officer.actor, { id: a.id, ...visit() }, key());
    expect([await open(onA.id), await open(onB.id), await open(elsewhere.id)]).toEqual([false, true, true]);
  });
});

describe("a dispatched warning", () => {
  it("goes to the officer who visits it when nobody holds it", async () => {
    const w = await inProgress();
    await getDb().warning.update({ where: { id: w.id }, data: { assigneeId: null } }); // as dispatchWarning leaves it
    await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ outcome: "REFUSED", amountProtected: "0", appRegistered: false, followUpOn: inDays(1) }) }, key());
    expect((await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).assigneeId).toBe(team.officer.user.id);
    // A colleague's later visit does not take it away.
    await recordHomeVisit(team.colleague.actor, { id: w.id, ...visit() }, key());
    expect((await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).assigneeId).toBe(team.officer.user.id);
  });
});
