// 申诉 against art. 31/38 measures (the working-day arithmetic: tests/unit/appeals-deadline.test.ts): the deadline setting, the second-person
// rule, what a decision does to the measure, jurisdiction (two precincts, two branches), 422s
// naming fields, 409 on stale versions, deadline flags and the per-unit counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addDays, chinaToday, dayToDate, weekdayMondayFirst } from "@/lib/time/china";
import { createMeasure, getMeasure, listMeasures } from "@/lib/publicity/measures";
import { measureAggregates } from "@/lib/publicity/measure-aggregates";
import { addWorkingDays, deadlineFlag } from "@/lib/appeals/deadline";
import { decideAppeal, registerAppeal, takeAppealForReview, withdrawAppeal } from "@/lib/appeals/commands";
import { getAppeal, listAppeals } from "@/lib/appeals/queries";
import { appealAggregates } from "@/lib/appeals/aggregates";
import { APPEAL_DEADLINE_NOTIFICATIONS, appealDeadlineKey, flagAppealDeadlines } from "@/lib/appeals/flag-appeal-deadlines";
import { APPEAL_DEADLINE_KEY, appealDeadlineDays } from "@/lib/appeals/settings";
import { getSettings, updateAppealSettings } from "@/lib/settings/commands";
import { makeUnitTree, makeUser, type TestTree } from "@/tests/factories";

let tree: TestTree;
beforeAll(async () => {
  tree = await makeUnitTree();
});
afterAll(async () => {
  await getDb().appSetting.deleteMany({ where: { key: APPEAL_DEADLINE_KEY } });
});

const today = chinaToday();
const p = (i: 0 | 1, j: 0 | 1, t = tree) => t.branches[i]!.precincts[j]!;
const ID = "420302199001011237";
const measureInput = (over: Record<string, string> = {}) => ({
  personName: "王小明", personIdNumber: ID, measure: "RESTRICT_CALLS", startsOn: addDays(today, -80), endsOn: addDays(today, 30),
  reason: "名下电话卡被用于实施诈骗，限制通话功能", ...over,
});
const appealInput = (measureId: string, over: Record<string, unknown> = {}) => ({
  measureId, appellantName: "王小明", appellantPhone: "13812345678", appellantIdNumber: ID,
  grounds: "该电话卡已于案发前挂失，并非本人使用", evidence: ["挂失证明", "营业厅受理单"], receivedOn: today, ...over,
});

async function rejection(promise: Promise<unknown>) {
  const e = await promise.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** A unit's officer, a fresh measure of it, and an appeal against it registered by the officer. */
async function appealIn(unit: { id: string; code: string }, over: Record<string, unknown> = {}, measureOver: Record<string, string> = {}) {
  const { actor: registrar } = await makeUser(unit, "OFFICER");
  const m = await createMeasure(registrar, measureInput({ unitCode: unit.code, ...measureOver }));
  const a = await registerAppeal(registrar, appealInput(m.id, over));
  return { registrar, measureId: m.id, ...a };
}

/** The latest day ≤ `from` for which `pick` holds, walking back (at most 60 days). */
function dayBefore(from: string, pick: (d: string) => boolean): string {
  for (let i = 0; i < 60; i++) if (pick(addDays(from, -i))) return addDays(from, -i);
  throw new Error("no such day");
}

describe("the deadline in working days", () => {
  it("sets the deadline from the receipt and the configured number of working days", async () => {
    const { actor: officer } = await makeUser(p(0, 0), "OFFICER");
    const { id: measureId } = await createMeasure(officer, measureInput());
    const friday = dayBefore(addDays(today, -1), (d) => weekdayMondayFirst(d) === 4);
    const a = await registerAppeal(officer, appealInput(measureId, { receivedOn: friday }));
    expect(a.deadlineOn).toBe(addDays(friday, 21)); // 15 working days after a Friday: the Friday three weeks later
    const stored = await getDb().appeal.findUniqueOrThrow({ where: { id: a.id } });
    expect(stored).toMatchObject({ deadlineOn: dayToDate(addDays(friday, 21)), status: "RECEIVED", evidence: ["挂失证明", "营业厅受理单"] });

    // Only the city's administrator changes the period; a branch's administrator is refused (audited).
    const { actor: admin } = await makeUser(tree.city, "ADMIN");
    const { actor: branchAdmin } = await makeUser(tree.branches[0]!, "ADMIN");
    expect((await rejection(updateAppealSettings(branchAdmin, { appealDeadlineDays: "5", appealDeadlineDaysVersion: "0" }))).status).toBe(403);
    const { version } = (await getSettings(admin)).appealDeadlineDays;
    expect((await rejection(updateAppealSettings(admin, { appealDeadlineDays: "0", appealDeadlineDaysVersion: String(version) }))).details[0]).toMatchObject({ path: "appealDeadlineDays" });
    await updateAppealSettings(admin, { appealDeadlineDays: "5", appealDeadlineDaysVersion: String(version) });
    expect(await getDb().auditLog.count({ where: { action: "config.appeals.update", actorId: admin.id } })).toBe(1);
    expect((await rejection(updateAppealSettings(admin, { appealDeadlineDays: "6", appealDeadlineDaysVersion: String(version) }))).status).toBe(409);
    try {
      await withdrawAppeal(officer, { id: a.id, version: 1 });
      const b = await registerAppeal(officer, appealInput(measureId, { receivedOn: friday }));
      expect(b.deadlineOn).toBe(addDays(friday, 7)); // 5 working days after a Friday
    } finally {
      await getDb().appSetting.deleteMany({ where: { key: APPEAL_DEADLINE_KEY } });
    }
    expect(await appealDeadlineDays(getDb())).toBe(15);
  });
});

describe("review and decision", () => {
  it("refuses review and decision by whoever registered the appeal (双人审核), audited", async () => {
    const a = await appealIn(p(0, 0));
    for (const attempt of [() => takeAppealForReview(a.registrar, { id: a.id, version: 1 }), () => decideAppeal(a.registrar, { id: a.id, version: 1, decision: "REVOKED", reason: "自己撤销自己" })]) {
      const e = await rejection(attempt());
      expect(e.status).toBe(403);
      expect(e.details[0]).toMatchObject({ path: "id", code: "two_person_rule" });
    }
    expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: a.registrar.id, entityId: a.id } })).toBe(2);
    expect(await getDb().appeal.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "RECEIVED", version: 1, reviewerId: null });

    // A second person takes it; a third may not decide what the reviewer holds; the reviewer decides.
    const { actor: reviewer } = await makeUser(p(0, 0), "OFFICER");
    const { actor: third } = await makeUser(p(0, 0), "OFFICER");
    expect(await takeAppealForReview(reviewer, { id: a.id, version: 1 })).toEqual({ id: a.id, version: 2 });
    expect((await rejection(decideAppeal(third, { id: a.id, version: 2, decision: "UPHELD", reason: "维持原措施" }))).details[0]).toMatchObject({ code: "not_the_reviewer" });
    await decideAppeal(reviewer, { id: a.id, version: 2, decision: "UPHELD", reason: "证据不足，维持原措施" });
    expect(await getAppeal(reviewer, { id: a.id })).toMatchObject({ status: "UPHELD", reviewer: reviewer.displayName, decisionReason: "证据不足，维持原措施", flag: null, workingDaysLeft: null });
    expect(await getDb().auditLog.count({ where: { action: { in: ["publicity.appeal.register", "publicity.appeal.review", "publicity.appeal.decide"] }, entityId: a.id } })).toBe(3);
  });

  it("ends the measure when revoked, in the same transaction; upholding leaves it standing", async () => {
    const revoked = await appealIn(p(0, 1));
    const upheld = await appealIn(p(0, 1));
    const { actor: reviewer } = await makeUser(p(0, 1), "DISPATCHER");
    const before = await getDb().disciplinaryMeasure.findUniqueOrThrow({ where: { id: upheld.measureId } });
    await decideAppeal(reviewer, { id: upheld.id, version: 1, decision: "UPHELD", reason: "理由不成立" });
    expect(await getDb().disciplinaryMeasure.findUniqueOrThrow({ where: { id: upheld.measureId } })).toEqual(before);

    expect(await decideAppeal(reviewer, { id: revoked.id, version: 1, decision: "REVOKED", reason: "电话卡确系被冒用" })).toMatchObject({ status: "REVOKED", version: 2 });
    const m = await getDb().disciplinaryMeasure.findUniqueOrThrow({ where: { id: revoked.measureId } });
    expect(m).toMatchObject({ revokedOn: dayToDate(today), endsOn: dayToDate(today), version: 2 });
    expect((await getMeasure(reviewer, { id: revoked.measureId })).state).toBe("revoked");
    expect((await getMeasure(reviewer, { id: upheld.measureId })).state).toBe("active");
    expect((await listMeasures(reviewer, { unit: p(0, 1).code, state: "active" })).items.map((x) => x.id)).not.toContain(revoked.measureId);
    expect((await listMeasures(reviewer, { unit: p(0, 1).code, state: "ended" })).items.map((x) => x.id)).toContain(revoked.measureId);
    expect(await getDb().auditLog.count({ where: { action: "publicity.measure.revoke", entityId: revoked.measureId } })).toBe(1);
    // A revoked measure takes no new appeal; a measure with an open appeal takes no second one.
    expect((await rejection(registerAppeal(revoked.registrar, appealInput(revoked.measureId)))).details[0]).toMatchObject({ path: "measureId", code: "already_revoked" });
    const open = await appealIn(p(0, 1));
    expect((await rejection(registerAppeal(open.registrar, appealInput(open.measureId)))).details[0]).toMatchObject({ path: "measureId", code: "appeal_open" });
    // Leadership's totals no longer count it as in force.
    const { actor: leader } = await makeUser(tree.city, "LEADER");
    const agg = await measureAggregates(leader, { unit: tree.branches[0]!.code });
    const row = agg.rows.find((r) => r.code === p(0, 1).code)!;
    expect(row.values.activeNow).toBe(row.values.total - 1);
  });

  it("records a withdrawal (the measure stands) and refuses any step on a closed appeal", async () => {
    const a = await appealIn(p(0, 0));
    expect(await withdrawAppeal(a.registrar, { id: a.id, version: 1, reason: "申诉人书面撤回" })).toEqual({ id: a.id, version: 2 });
    expect(await getDb().appeal.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "WITHDRAWN", decisionReason: "申诉人书面撤回" });
    expect((await getDb().disciplinaryMeasure.findUniqueOrThrow({ where: { id: a.measureId } })).revokedOn).toBeNull();
    const { actor: other } = await makeUser(p(0, 0), "OFFICER");
    const e = await rejection(decideAppeal(other, { id: a.id, version: 2, decision: "REVOKED", reason: "撤销措施" }));
    expect(e.status).toBe(409);
    expect(e.details[0]).toMatchObject({ code: "invalid_transition" });
    expect((await rejection(withdrawAppeal(other, { id: a.id, version: 2 }))).status).toBe(409);
  });

  it("answers 409 to a stale version and writes nothing", async () => {
    const a = await appealIn(p(1, 0));
    const { actor: one } = await makeUser(p(1, 0), "OFFICER");
    await takeAppealForReview(one, { id: a.id, version: 1 });
    expect((await rejection(decideAppeal(one, { id: a.id, version: 1, decision: "REVOKED", reason: "撤销措施" }))).status).toBe(409);
    expect((await rejection(withdrawAppeal(a.registrar, { id: a.id, version: 1 }))).status).toBe(409);
    expect(await getDb().appeal.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "UNDER_REVIEW", version: 2 });
    expect((await getDb().disciplinaryMeasure.findUniqueOrThrow({ where: { id: a.measureId } })).revokedOn).toBeNull();
  });
});

describe("input", () => {
  it("answers 422 naming each bad field, and writes nothing", async () => {
    const { actor } = await makeUser(p(1, 1), "OFFICER");
    const { id: measureId } = await createMeasure(actor, measureInput({ unitCode: p(1, 1).code, startsOn: addDays(today, -10) }));
    const count = () => getDb().appeal.count({ where: { measureId } });
    const e = await rejection(registerAppeal(actor, appealInput(measureId, {
      appellantName: "", appellantPhone: "12345", appellantIdNumber: "420302199001011234", grounds: "短", evidence: ["x".repeat(501)], receivedOn: addDays(today, 1),
    })));
    expect(e.status).toBe(422);
    expect(e.details.map((d) => d.path).sort()).toEqual(["appellantIdNumber", "appellantName", "appellantPhone", "evidence.0", "grounds", "receivedOn"]);
    expect(e.details.find((d) => d.path === "receivedOn")).toMatchObject({ code: "in_future" });
    const early = await rejection(registerAppeal(actor, appealInput(measureId, { receivedOn: addDays(today, -11) })));
    expect(early.details[0]).toMatchObject({ path: "receivedOn", code: "before_measure" });
    expect((await rejection(registerAppeal(actor, { ...appealInput(measureId), unitId: tree.city.id }))).status).toBe(422);
    expect(await count()).toBe(0);

    // The form's evidence textarea: one item per line, blank lines dropped.
    const a = await registerAppeal(actor, appealInput(measureId, { evidence: "挂失证明\n\n  营业厅受理单  \n" }));
    expect((await getDb().appeal.findUniqueOrThrow({ where: { id: a.id } })).evidence).toEqual(["挂失证明", "营业厅受理单"]);
    const { actor: reviewer } = await makeUser(p(1, 1), "OFFICER");
    const d = await rejection(decideAppeal(reviewer, { id: a.id, version: 1, decision: "MAYBE", reason: "" }));
    expect(d.details.map((x) => x.path).sort()).toEqual(["decision", "reason"]);
    expect((await getDb().appeal.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("RECEIVED");
  });
});

describe("jurisdiction", () => {
  it("lets the measure's unit and the units above it act; another precinct or branch gets 404, audited", async () => {
    const a = await appealIn(p(0, 0));
    const { actor: sidePrecinct } = await makeUser(p(0, 1), "OFFICER");
    const { actor: otherBranch } = await makeUser(tree.branches[1]!, "OFFICER");
    const { actor: otherBranchInvestigator } = await makeUser(tree.branches[1]!, "INVESTIGATOR");
    for (const outsider of [sidePrecinct, otherBranch]) {
      expect((await rejection(registerAppeal(outsider, appealInput(a.measureId)))).status).toBe(404);
      expect((await rejection(getAppeal(outsider, { id: a.id }))).status).toBe(404);
      expect((await rejection(takeAppealForReview(outsider, { id: a.id, version: 1 }))).status).toBe(404);
      expect((await rejection(decideAppeal(outsider, { id: a.id, version: 1, decision: "REVOKED", reason: "越权撤销" }))).status).toBe(404);
      expect((await rejection(withdrawAppeal(outsider, { id: a.id, version: 1 }))).status).toBe(404);
      expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: outsider.id, entityId: a.id } })).toBe(4);
      expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: outsider.id, entityId: a.measureId } })).toBe(1);
      expect((await listAppeals(outsider, {})).items.map((x) => x.id)).not.toContain(a.id);
    }
    expect((await listAppeals(otherBranchInvestigator, {})).items.map((x) => x.id)).not.toContain(a.id);
    // A filter naming a unit outside the jurisdiction lists nothing.
    expect((await listAppeals(sidePrecinct, { unit: p(0, 0).code })).total).toBe(0);
    expect(await getDb().appeal.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "RECEIVED", version: 1 });

    // The branch above decides; the city's 反诈中心 reads it.
    const { actor: branchOfficer } = await makeUser(tree.branches[0]!, "OFFICER");
    const { actor: center } = await makeUser(tree.center, "DISPATCHER");
    expect((await listAppeals(center, {})).items.map((x) => x.id)).toContain(a.id);
    await decideAppeal(branchOfficer, { id: a.id, version: 1, decision: "REVOKED", reason: "分局复核后撤销" });
    expect((await getMeasure(center, { id: a.measureId })).state).toBe("revoked");
  });

  it("lists masked identities; leadership gets aggregates only", async () => {
    const a = await appealIn(p(1, 1));
    const { actor: investigator } = await makeUser(tree.branches[1]!, "INVESTIGATOR");
    const list = await listAppeals(investigator, { measureId: a.measureId });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ appellantName: "王**", appellantPhone: "138****5678", appellantIdNumber: "4203**********1237", registeredByMe: false });
    expect(JSON.stringify(list)).not.toMatch(/王小明|13812345678|420302199001011237/);
    const { actor: leader } = await makeUser(tree.city, "LEADER");
    expect((await rejection(listAppeals(leader, {}))).status).toBe(403);
    expect((await rejection(getAppeal(leader, { id: a.id }))).status).toBe(403);
    expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: leader.id } })).toBe(2);
  });
});

describe("deadline flags and counts", () => {
  it("flags due-soon and overdue appeals on the list, filters by them, and counts them per unit", async () => {
    const t = await makeUnitTree();
    const overdueDay = dayBefore(addDays(today, -1), (d) => addWorkingDays(d, 15) < today);
    const dueSoonDay = dayBefore(today, (d) => deadlineFlag(addWorkingDays(d, 15), today) === "dueSoon");
    const overdue = await appealIn(p(0, 0, t), { receivedOn: overdueDay });
    const dueSoon = await appealIn(p(0, 1, t), { receivedOn: dueSoonDay });
    const fresh = await appealIn(p(1, 0, t));
    const revoked = await appealIn(p(1, 0, t), { receivedOn: overdueDay });
    const upheld = await appealIn(p(1, 1, t));
    const { actor: reviewer } = await makeUser(t.city, "DISPATCHER");
    await decideAppeal(reviewer, { id: revoked.id, version: 1, decision: "REVOKED", reason: "撤销措施" });
    await decideAppeal(reviewer, { id: upheld.id, version: 1, decision: "UPHELD", reason: "维持措施" });

    const { actor: center } = await makeUser(t.center, "DISPATCHER");
    const all = await listAppeals(center, {});
    expect(all.counts).toEqual({ open: 3, dueSoon: 1, overdue: 1 });
    const byId = new Map(all.items.map((x) => [x.id, x]));
    expect(byId.get(overdue.id)).toMatchObject({ flag: "overdue" });
    expect(byId.get(overdue.id)!.workingDaysLeft).toBeLessThan(0);
    expect(byId.get(dueSoon.id)).toMatchObject({ flag: "dueSoon" });
    expect(byId.get(dueSoon.id)!.workingDaysLeft).toBeLessThanOrEqual(3);
    expect(byId.get(fresh.id)).toMatchObject({ flag: null, workingDaysLeft: 15 });
    expect(byId.get(revoked.id)).toMatchObject({ flag: null, status: "REVOKED" });
    expect((await listAppeals(center, { flag: "overdue" })).items.map((x) => x.id)).toEqual([overdue.id]);
    expect((await listAppeals(center, { flag: "dueSoon" })).items.map((x) => x.id)).toEqual([dueSoon.id]);
    expect((await listAppeals(center, { status: "UPHELD" })).items.map((x) => x.id)).toEqual([upheld.id]);
    // Open ones first, by deadline.
    expect(all.items.slice(0, 3).map((x) => x.id)).toEqual([overdue.id, dueSoon.id, fresh.id]);
    // Counts under a unit filter.
    expect((await listAppeals(center, { unit: t.branches[1]!.code })).counts).toEqual({ open: 1, dueSoon: 0, overdue: 0 });

    const { actor: leader } = await makeUser(t.city, "LEADER");
    const agg = await appealAggregates(leader, { from: addDays(today, -60), to: today });
    const [b0, b1] = [t.branches[0]!.code, t.branches[1]!.code].map((code) => agg.rows.find((r) => r.code === code)!.values);
    expect(b0).toEqual({ received: 2, upheld: 0, revoked: 0, withdrawn: 0, open: 2, dueSoon: 1, overdue: 1 });
    expect(b1).toEqual({ received: 3, upheld: 1, revoked: 1, withdrawn: 0, open: 1, dueSoon: 0, overdue: 0 });
    expect(agg.total).toMatchObject({ received: 5, overdue: 1, revoked: 1 });
    expect(JSON.stringify(agg)).not.toMatch(/王/);
    // The scheduler's check notifies the registrar and the unit's handlers once per flag.
    const { actor: colleague } = await makeUser(p(0, 0, t), "OFFICER");
    await flagAppealDeadlines();
    await flagAppealDeadlines();
    const notes = await getDb().notification.findMany({ where: { entityId: { in: [overdue.id, dueSoon.id, fresh.id, revoked.id] } }, select: { userId: true, kind: true, dedupeKey: true } });
    expect(notes.filter((n) => n.dedupeKey === appealDeadlineKey(overdue.id, "overdue")).map((n) => n.userId).sort()).toEqual([overdue.registrar.id, colleague.id].sort());
    expect(notes.filter((n) => n.dedupeKey === appealDeadlineKey(dueSoon.id, "dueSoon")).map((n) => n.kind)).toEqual([APPEAL_DEADLINE_NOTIFICATIONS.dueSoon]);
    expect(notes.filter((n) => [fresh.id, revoked.id].some((id) => n.dedupeKey.endsWith(id)))).toEqual([]);
    expect(await getDb().auditLog.count({ where: { action: "publicity.appeal.deadline_flagged", entityId: { in: [overdue.id, dueSoon.id] } } })).toBe(2);
    // A period before any receipt counts only what is open today.
    const empty = await appealAggregates(leader, { from: addDays(today, -400), to: addDays(today, -300) });
    expect(empty.total).toMatchObject({ received: 0, open: 3, overdue: 1 });
  });
});
