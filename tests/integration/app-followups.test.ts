// App follow-ups (APP回访): one per person warned and dissuaded without the 国家反诈中心APP, on the
// list of the precinct holding the warning; closed by a visit that records the app or by its own
// outcome form; jurisdiction with two precincts and two branches; and the rollups behind the share
// of warned people with the app.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { makeIdNumber } from "@/lib/pii";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logWarningAction, transitionWarning } from "@/lib/warnings/commands";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";
import { myTasks } from "@/lib/field/my-tasks";
import { precinctView } from "@/lib/field/precinct-view";
import { recordAppFollowUpOutcome } from "@/lib/appfollowups/record-outcome";
import { getAppFollowUp, listAppFollowUps } from "@/lib/appfollowups/queries";
import { recountDaily } from "@/lib/stats/recount";
import { rankingValues } from "@/lib/stats/rankings";
import { metric } from "@/lib/stats/metrics";
import { dateToDay } from "@/lib/time/china";
import { makeApiKey, makeUnitTree, makeUser } from "@/tests/factories";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { fieldTeam, intercept, key, precinctWarning, today, visit, type FieldTeam } from "./field-fixtures";

let team: FieldTeam;
let sibling: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  team = await fieldTeam();
  sibling = await makeUser(team.tree.branches[0]!.precincts[1]!, "OFFICER");
});

const followUpOf = async (warningId: string) => {
  const w = await getDb().warning.findUniqueOrThrow({ where: { id: warningId }, select: { personId: true } });
  return getDb().appFollowUp.findUnique({ where: { personId: w.personId! } });
};
const noApp = { appRegistered: false };

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** A warning of the team's precinct dissuaded at a visit that recorded no app. */
async function dissuadedWithoutApp(t: FieldTeam = team, over: Record<string, unknown> = {}) {
  const w = await precinctWarning(t, over);
  await recordHomeVisit(t.officer.actor, { id: w.id, ...visit(noApp) }, key());
  return { warning: w, followUp: (await followUpOf(w.id))! };
}

describe("one follow-up per person", () => {
  it("a visit that dissuades without the app opens one for the precinct and the officer; the audit says so", async () => {
    const { warning, followUp } = await dissuadedWithoutApp();
    expect(followUp).toMatchObject({ status: "OPEN", outcome: null, unitId: team.precinct.id, officerId: team.officer.user.id, warningId: warning.id });
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "warning.transition", entityId: warning.id, details: { path: ["to"], equals: "RESOLVED" } } });
    expect(audit.details).toMatchObject({ appFollowUpId: followUp.id });
  });

  it("a visit that dissuades and records the app creates it done (counted as a warned person with the app)", async () => {
    const w = await precinctWarning(team);
    const v = await recordHomeVisit(team.officer.actor, { id: w.id, ...visit() }, key());
    expect(await followUpOf(w.id)).toMatchObject({ status: "DONE", outcome: "INSTALLED", actionId: v.id });
  });

  it("a repeat warning of the same person opens no second task, even in another precinct", async () => {
    const { warning, followUp } = await dissuadedWithoutApp();
    const again = await precinctWarning(team, { victim: { name: "王某某", phone: warning.victimPhone, age: 63, gender: "FEMALE" } }, team.otherPrecinct);
    expect(again.personId).toBe(warning.personId);
    await recordHomeVisit(team.outsider.actor, { id: again.id, ...visit(noApp) }, key());
    expect(await getDb().appFollowUp.findMany({ where: { personId: warning.personId! } })).toEqual([followUp]);
  });

  it("other outcomes open none; the centre's 96110 call opens one for the precinct holding the warning", async () => {
    const w = await precinctWarning(team);
    await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ ...noApp, outcome: "NOT_FRAUD", amountProtected: "0" }) }, key());
    expect(await followUpOf(w.id)).toBeNull();
    const c = await precinctWarning(team);
    const d = team.dispatcher.actor;
    await transitionWarning(d, { id: c.id, to: "ACKNOWLEDGED", version: c.version });
    await logWarningAction(d, { id: c.id, kind: "HOTLINE_CALL", result: "DISSUADED" });
    const cur = await getDb().warning.findUniqueOrThrow({ where: { id: c.id } });
    await transitionWarning(d, { id: c.id, to: "RESOLVED", outcome: "DISSUADED", version: cur.version });
    expect(await followUpOf(c.id)).toMatchObject({ status: "OPEN", unitId: team.precinct.id, officerId: null });
  });
});

describe("persons merged", () => {
  it("a phone-only person merged into an ID's person brings no second follow-up: the one with the app stays", async () => {
    const phone = `13${randomInt(5, 10)}${String(randomInt(0, 1e8)).padStart(8, "0")}`;
    const id = makeIdNumber("420303", new Date(Date.UTC(randomInt(1940, 2006), randomInt(0, 12), randomInt(1, 29))), randomInt(0, 1000));
    const a = await dissuadedWithoutApp(team, { victim: { name: "刘某某", phone } });
    const bw = await precinctWarning(team, { victim: { name: "刘某某", phone: `13${randomInt(5, 10)}${String(randomInt(0, 1e8)).padStart(8, "0")}`, idNumber: id } });
    await recordHomeVisit(team.officer.actor, { id: bw.id, ...visit() }, key());
    const b = (await followUpOf(bw.id))!;
    expect([a.followUp.status, b.status]).toEqual(["OPEN", "DONE"]);
    // The mobile turns up with the ID number: A's records move to B, and so would its follow-up.
    const merged = await precinctWarning(team, { victim: { name: "刘某某", phone, idNumber: id } });
    expect(merged.personId).toBe(b.personId);
    expect(await getDb().person.count({ where: { id: a.followUp.personId } })).toBe(0);
    expect(await getDb().appFollowUp.findMany({ where: { id: { in: [a.followUp.id, b.id] } }, select: { id: true, personId: true } })).toEqual([{ id: b.id, personId: b.personId }]);
  });
});

describe("closing it", () => {
  it("a later visit with the app closes it (any officer of the precinct); a later one without leaves it open", async () => {
    const { warning, followUp } = await dissuadedWithoutApp();
    const again = await precinctWarning(team, { victim: { name: "王某某", phone: warning.victimPhone, age: 63, gender: "FEMALE" } });
    await recordHomeVisit(team.colleague.actor, { id: again.id, ...visit({ ...noApp, outcome: "NOT_FOUND", personFound: false, amountProtected: "0", followUpOn: today() }) }, key());
    expect(await followUpOf(warning.id)).toMatchObject({ status: "OPEN", version: followUp.version });
    const v = await recordHomeVisit(team.colleague.actor, { id: again.id, ...visit() }, key());
    expect(await followUpOf(warning.id)).toMatchObject({ status: "DONE", outcome: "INSTALLED", actionId: v.id, doneById: team.colleague.user.id, version: followUp.version + 1 });
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "field.home_visit", entityId: v.id } });
    expect(audit.details).toMatchObject({ appFollowUpClosed: followUp.id });
  });

  it("a counter interception of the person that records the app closes it", async () => {
    const { warning } = await dissuadedWithoutApp();
    await recordCounterIntercept(team.officer.actor, intercept({ customerPhone: warning.victimPhone }), key());
    expect(await followUpOf(warning.id)).toMatchObject({ status: "DONE", outcome: "INSTALLED" });
  });

  it("its own form: installed, refused (a reason required), unreachable; version-checked; audited; not twice", async () => {
    const a = (await dissuadedWithoutApp()).followUp;
    const r = await recordAppFollowUpOutcome(team.officer.actor, { id: a.id, version: a.version, outcome: "INSTALLED" }, key());
    expect(r).toEqual({ id: a.id, outcome: "INSTALLED", version: a.version + 1 });
    expect(await getDb().appFollowUp.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ status: "DONE", outcome: "INSTALLED", actionId: null, doneById: team.officer.user.id });
    expect(await getDb().auditLog.count({ where: { action: "appfollowup.outcome", entityId: a.id } })).toBe(1);
    expect((await rejection(recordAppFollowUpOutcome(team.officer.actor, { id: a.id, version: a.version + 1, outcome: "REFUSED", note: "x" }))).code).toBe("CONFLICT");

    const b = (await dissuadedWithoutApp()).followUp;
    const noReason = await rejection(recordAppFollowUpOutcome(team.officer.actor, { id: b.id, version: b.version, outcome: "REFUSED" }));
    expect([noReason.code, noReason.details.map((d) => d.path)]).toEqual(["VALIDATION", ["note"]]);
    expect((await rejection(recordAppFollowUpOutcome(team.officer.actor, { id: b.id, version: b.version, outcome: "LATER" }))).details.map((d) => d.path)).toEqual(["outcome"]);
    expect((await rejection(recordAppFollowUpOutcome(team.officer.actor, { id: b.id, version: b.version + 3, outcome: "UNREACHABLE" }))).code).toBe("VERSION_CONFLICT");
    expect(await getDb().appFollowUp.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: "OPEN", version: b.version });
    await recordAppFollowUpOutcome(team.colleague.actor, { id: b.id, version: b.version, outcome: "REFUSED", note: "老人不会用智能手机" });
    expect(await getDb().appFollowUp.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: "DONE", outcome: "REFUSED", note: "老人不会用智能手机" });
  });
});

describe("jurisdiction", () => {
  it("the precinct's officers and the dispatchers over it see and record it; another precinct or city gets 404 (audited)", async () => {
    const { followUp: f } = await dissuadedWithoutApp();
    const ids = async (actor: typeof team.officer.actor, q: Record<string, unknown> = {}) => (await listAppFollowUps(actor, q)).appFollowUps.map((x) => x.id);
    expect(await ids(team.officer.actor, { status: "OPEN" })).toContain(f.id);
    expect(await ids(team.dispatcher.actor, { unit: team.precinct.code })).toContain(f.id);
    expect(await ids(team.dispatcher.actor, { unit: team.otherPrecinct.code })).not.toContain(f.id);
    expect(await ids(sibling.actor)).not.toContain(f.id);
    expect(await ids(team.outsider.actor)).not.toContain(f.id);
    expect((await myTasks(team.officer.actor, {})).appFollowUps.find((x) => x.id === f.id)).toMatchObject({ mine: true, personPhone: expect.stringContaining("****") });
    expect((await myTasks(sibling.actor, {})).appFollowUps.map((x) => x.id)).not.toContain(f.id);
    expect((await precinctView(team.dispatcher.actor, { unit: team.precinct.code })).appFollowUps.map((x) => x.id)).toContain(f.id);
    expect((await precinctView(team.officer.actor, {})).appFollowUps.map((x) => x.id)).toContain(f.id);

    const far = await makeUnitTree();
    const farDispatcher = await makeUser(far.center, "DISPATCHER");
    for (const outsider of [sibling, team.outsider, farDispatcher]) {
      const before = await getDb().auditLog.count({ where: { action: "authz.denied", actorId: outsider.user.id, entityId: f.id } });
      expect((await rejection(getAppFollowUp(outsider.actor, { id: f.id }))).code).toBe("NOT_FOUND");
      expect((await rejection(recordAppFollowUpOutcome(outsider.actor, { id: f.id, version: f.version, outcome: "INSTALLED" }))).code).toBe("NOT_FOUND");
      expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: outsider.user.id, entityId: f.id } })).toBe(before + 2);
    }
    expect((await rejection(listAppFollowUps(farDispatcher.actor, { unit: team.precinct.code }))).code).toBe("NOT_FOUND");
    expect(await getDb().appFollowUp.findUniqueOrThrow({ where: { id: f.id } })).toMatchObject({ status: "OPEN", version: f.version });
    expect((await getAppFollowUp(team.dispatcher.actor, { id: f.id })).id).toBe(f.id);
    await recordAppFollowUpOutcome(team.dispatcher.actor, { id: f.id, version: f.version, outcome: "UNREACHABLE" });
    expect(await getDb().appFollowUp.findUniqueOrThrow({ where: { id: f.id } })).toMatchObject({ status: "DONE", doneById: team.dispatcher.user.id });
  });
});

describe("statistics", () => {
  it("the rollups count warned people and those with the app per unit, as a direct recount does; the ranking divides them", async () => {
    const tree = await makeUnitTree();
    forgetRoutingTable();
    const p = tree.branches[0]!.precincts[0]!;
    const q = tree.branches[1]!.precincts[0]!;
    const local = { ...team, tree, precinct: p, otherPrecinct: q, officer: await makeUser(p, "OFFICER"), outsider: await makeUser(q, "OFFICER"), feed: await makeApiKey(tree.city, ["warnings:ingest"]) };
    // P: four people — one with the app at the visit, one installed later, one refused, one still open; Q: one without.
    const withApp = await precinctWarning(local, {}, p);
    await recordHomeVisit(local.officer.actor, { id: withApp.id, ...visit() }, key());
    const later = (await dissuadedWithoutApp(local)).followUp;
    await recordAppFollowUpOutcome(local.officer.actor, { id: later.id, version: later.version, outcome: "INSTALLED" });
    const refused = (await dissuadedWithoutApp(local)).followUp;
    await recordAppFollowUpOutcome(local.officer.actor, { id: refused.id, version: refused.version, outcome: "REFUSED", note: "拒绝" });
    const open = await dissuadedWithoutApp(local);
    // A repeat warning of the open one's person counts nobody twice.
    const repeat = await precinctWarning(local, { victim: { name: "王某某", phone: open.warning.victimPhone, age: 63, gender: "FEMALE" } }, p);
    await recordHomeVisit(local.officer.actor, { id: repeat.id, ...visit(noApp) }, key());
    const w = await precinctWarning(local, {}, q);
    await recordHomeVisit(local.outsider.actor, { id: w.id, ...visit(noApp) }, key());

    const rows = await getDb().statDaily.findMany({ where: { unitId: { in: [p.id, q.id] }, metric: { startsWith: "app." } } });
    const sum = (unitId: string, m: string) => rows.filter((r) => r.unitId === unitId && r.metric === m).reduce((s, r) => s + Number(r.value), 0);
    expect([sum(p.id, "app.warned"), sum(p.id, "app.installed"), sum(q.id, "app.warned"), sum(q.id, "app.installed")]).toEqual([4, 2, 1, 0]);
    expect(rows.every((r) => dateToDay(r.day) === today())).toBe(true);
    const recount = (await recountDaily([p.id, q.id])).filter((r) => r.metric.startsWith("app."));
    const norm = (xs: { unitId: string; day: string; metric: string; value: string }[]) => xs.map((r) => `${r.unitId}|${r.day}|${r.metric}|${Number(r.value)}`).sort();
    expect(norm(rows.map((r) => ({ unitId: r.unitId, day: dateToDay(r.day), metric: r.metric, value: r.value.toString() })))).toEqual(norm(recount));

    expect(rankingValues(new Map([[metric.app.warned, 400n], [metric.app.installed, 200n]]), null)).toMatchObject({ appShare: 50 });
    expect(rankingValues(new Map(), null)).toMatchObject({ appShare: null });
  });
});
