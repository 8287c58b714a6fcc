// 重点人群 at city-year scale (issue 15): the person state the vulnerable lists read, kept by
// triggers (migration person_list_state) — persons."lastContactAt", "lastWarnedAt",
// "priorWarnedAt", "lastWarnedUnitId" and the copy on person_labels — through every path that
// changes it: a new warning, a repeat merged into an open warning, a transfer, a number corrected,
// a warning deleted, a contact recorded, corrected and deleted, a revisit done, an outreach visit.
// And REPEAT_WARNINGS across jurisdictions (two precincts of two branches): the warnings of any
// unit count, the person is listed where the latest warning is.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { decideTransfer, proposeTransfer } from "@/lib/warnings/transfers";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import { recordRevisitOutcome } from "@/lib/revisits/record-outcome";
import { labelsOf, listLabelledPersons } from "@/lib/persons/labels";
import { commitLabelImport } from "@/lib/persons/label-import";
import { createOutreach, listOutreachTasks, recordOutreachOutcome } from "@/lib/persons/outreach";
import { makeUser, warningInput } from "@/tests/factories";
import { fieldTeam, key, precinctWarning, visit, type FieldTeam } from "./field-fixtures";

type User = Awaited<ReturnType<typeof makeUser>>;
let team: FieldTeam;
let branch0: User;
let branch1: User;
beforeAll(async () => {
  team = await fieldTeam();
  branch0 = await makeUser(team.tree.branches[0]!, "DISPATCHER");
  branch1 = await makeUser(team.tree.branches[1]!, "DISPATCHER");
});

const mobile = () => `136${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
const contact = () => ({ channel: "PHONE", value: `+85262${String(randomInt(0, 1_000_000)).padStart(6, "0")}` });
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** Every person this file looked at: the backfill must give each the state the triggers gave. */
const touched = new Set<string>();
const STATE = { id: true, lastContactAt: true, lastWarnedAt: true, priorWarnedAt: true, lastWarnedUnitId: true } as const;
const stateOf = async (id: string) => {
  touched.add(id);
  const { id: _, ...state } = await getDb().person.findUniqueOrThrow({ where: { id }, select: STATE });
  return state;
};
/** The trigger-kept date equals the rule recomputed from the records (the migration's function). */
async function contactMatchesRecords(id: string) {
  touched.add(id);
  const [r] = await getDb().$queryRaw<{ stored: Date | null; recomputed: Date | null }[]>`
    SELECT p."lastContactAt" AS stored, person_last_contact(p.id) AS recomputed FROM persons p WHERE p.id = ${id}::uuid`;
  expect(r!.stored).toEqual(r!.recomputed);
  return r!.stored;
}
/** The home units the REPEAT_WARNINGS list of `who` shows the person in. */
const repeatUnits = async (who: User, personId: string) =>
  (await listLabelledPersons(who.actor, { label: "REPEAT_WARNINGS" })).items.filter((r) => r.personId === personId).map((r) => r.unitId);

describe("REPEAT_WARNINGS from the kept state", () => {
  it("a new warning sets the latest warning and its unit; a second one within 90 days the prior", async () => {
    const phone = mobile();
    const a = await precinctWarning(team, { victim: { name: "许某", phone }, receivedAt: ago(60) });
    expect(await stateOf(a.personId!)).toMatchObject({ lastWarnedAt: a.receivedAt, priorWarnedAt: null, lastWarnedUnitId: team.precinct.id });
    expect(await repeatUnits(team.officer, a.personId!)).toEqual([]);
    const b = await precinctWarning(team, { victim: { name: "许某", phone }, receivedAt: ago(5) });
    expect(await stateOf(a.personId!)).toMatchObject({ lastWarnedAt: b.receivedAt, priorWarnedAt: a.receivedAt });
    expect(await repeatUnits(team.officer, a.personId!)).toEqual([team.precinct.id]);
  });

  it("a repeat merged into an open warning counts as a warning to its person", async () => {
    const phone = mobile();
    const c = contact();
    const w = await precinctWarning(team, { victim: { name: "冯某", phone }, contact: c, receivedAt: ago(30) });
    const [r] = await ingestWarnings(team.feed.actor, [warningInput({ unitCode: team.precinct.code, victim: { name: "冯某", phone }, contact: c, receivedAt: ago(2) })]);
    expect(r).toMatchObject({ status: "repeat", id: w.id });
    expect(await getDb().warning.count({ where: { personId: w.personId! } })).toBe(1);
    const s = await stateOf(w.personId!);
    expect(s).toMatchObject({ priorWarnedAt: w.receivedAt, lastWarnedUnitId: team.precinct.id });
    expect(s.lastWarnedAt!.getTime()).toBeGreaterThan(w.receivedAt.getTime());
    expect(await repeatUnits(team.officer, w.personId!)).toEqual([team.precinct.id]);
    expect(await labelsOf(team.officer.actor, w.personId!)).toEqual(["REPEAT_WARNINGS"]);
  });

  it("warnings of two precincts of two branches count together: listed in the latest one's precinct, branch and centre only; a transfer moves the person", async () => {
    const phone = mobile();
    const older = await precinctWarning(team, { victim: { name: "蒋某", phone }, receivedAt: ago(120) });
    const latest = await precinctWarning(team, { victim: { name: "蒋某", phone }, receivedAt: ago(10) }, team.otherPrecinct);
    const pid = older.personId!;
    expect(latest.personId).toBe(pid);
    // One warning in each precinct: before this rule neither precinct listed the person.
    expect(await repeatUnits(team.outsider, pid)).toEqual([team.otherPrecinct.id]);
    expect(await repeatUnits(branch1, pid)).toEqual([team.otherPrecinct.id]);
    expect(await repeatUnits(team.officer, pid)).toEqual([]);
    expect(await repeatUnits(branch0, pid)).toEqual([]);
    expect(await repeatUnits(team.dispatcher, pid)).toEqual([team.otherPrecinct.id]);
    expect(await labelsOf(team.officer.actor, pid)).toEqual([]);

    // 移交: the latest warning moves to the first precinct, and the person with it.
    const t = await proposeTransfer(team.outsider.actor, { id: latest.id, version: latest.version, toUnitCode: team.precinct.code, reason: "管辖调整" });
    await decideTransfer(team.officer.actor, { id: t.id, decision: "ACCEPT", version: t.version });
    expect((await stateOf(pid)).lastWarnedUnitId).toBe(team.precinct.id);
    expect(await repeatUnits(team.officer, pid)).toEqual([team.precinct.id]);
    expect(await repeatUnits(branch0, pid)).toEqual([team.precinct.id]);
    expect(await repeatUnits(team.outsider, pid)).toEqual([]);
    expect(await repeatUnits(branch1, pid)).toEqual([]);
  });

  it("a corrected number moves the warning to another person: both states follow; a deleted warning leaves none behind", async () => {
    const phone = mobile();
    const a = await precinctWarning(team, { victim: { name: "沈某", phone }, receivedAt: ago(50) });
    const b = await precinctWarning(team, { victim: { name: "沈某", phone }, receivedAt: ago(40) });
    const pid = a.personId!;
    expect((await stateOf(pid)).priorWarnedAt).toEqual(a.receivedAt);
    // The number of the later warning was mistyped: corrected, it names someone else.
    await getDb().warning.update({ where: { id: b.id }, data: { victimPhone: mobile() } });
    const other = (await getDb().warning.findUniqueOrThrow({ where: { id: b.id }, select: { personId: true } })).personId!;
    expect(other).not.toBe(pid);
    expect(await stateOf(pid)).toMatchObject({ lastWarnedAt: a.receivedAt, priorWarnedAt: null });
    expect(await stateOf(other)).toMatchObject({ lastWarnedAt: b.receivedAt, priorWarnedAt: null, lastWarnedUnitId: team.precinct.id });
    expect(await repeatUnits(team.officer, pid)).toEqual([]);

    // A warning deleted (a row written straight to the table, with nothing depending on it).
    const extra = await getDb().warning.create({
      data: {
        source: "WALK_IN", externalId: `del-${randomInt(0, 1e9)}`, riskLevel: "LOW", fraudType: "OTHER", receivedAt: new Date(Date.now() - 20 * 60_000),
        lastSeenAt: new Date(Date.now() - 20 * 60_000), ackDueAt: new Date(), contactDueAt: new Date(), resolveDueAt: new Date(), victimPhone: (await getDb().warning.findUniqueOrThrow({ where: { id: a.id } })).victimPhone,
        contactChannel: "PHONE", contactValue: "+85260000000", unitId: team.otherPrecinct.id, routedBy: "MANUAL",
      },
    });
    expect(extra.personId).toBe(pid);
    expect(await stateOf(pid)).toMatchObject({ lastWarnedAt: extra.receivedAt, priorWarnedAt: a.receivedAt, lastWarnedUnitId: team.otherPrecinct.id });
    expect(await repeatUnits(team.outsider, pid)).toEqual([team.otherPrecinct.id]);
    await getDb().warning.delete({ where: { id: extra.id } });
    expect(await stateOf(pid)).toMatchObject({ lastWarnedAt: a.receivedAt, priorWarnedAt: null, lastWarnedUnitId: team.precinct.id });
    expect(await repeatUnits(team.outsider, pid)).toEqual([]);
  });
});

describe("the last reaching contact", () => {
  it("a home visit sets it on the person and on their recorded labels; corrected to unanswered or deleted, it goes back", async () => {
    const w = await precinctWarning(team, { victim: { name: "韩老伯", phone: mobile() }, receivedAt: ago(40) });
    const pid = w.personId!;
    await commitLabelImport(team.officer.actor, { csv: `姓名,手机号,标签\n韩老伯,${(await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).victimPhone},独居老人` });
    expect(await contactMatchesRecords(pid)).toBeNull();
    await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ arrivedAt: ago(20) }) }, key());
    const at = await contactMatchesRecords(pid);
    const action = await getDb().dissuasionAction.findFirstOrThrow({ where: { warningId: w.id, kind: "HOME_VISIT" } });
    expect(at).toEqual(action.occurredAt);
    const label = await getDb().personLabel.findFirstOrThrow({ where: { personId: pid }, select: { lastContactAt: true } });
    expect(label.lastContactAt).toEqual(at);
    expect((await listLabelledPersons(team.officer.actor, { label: "ELDERLY_ALONE", notContactedDays: 1 })).items.some((r) => r.personId === pid)).toBe(false);

    // A later call that reached them, then corrected: it did not.
    const call = await getDb().dissuasionAction.create({
      data: { warningId: w.id, unitId: team.precinct.id, kind: "HOTLINE_CALL", result: "CONNECTED", occurredAt: new Date(Date.now() - 60_000) },
    });
    expect(await contactMatchesRecords(pid)).toEqual(call.occurredAt);
    await getDb().dissuasionAction.update({ where: { id: call.id }, data: { result: "UNANSWERED" } });
    expect(await contactMatchesRecords(pid)).toEqual(at);
    // The visit recorded in error is deleted: never contacted, on the person and on the label.
    await getDb().dissuasionAction.delete({ where: { id: call.id } });
    await getDb().$executeRaw`DELETE FROM dissuasion_actions WHERE id = ${action.id}::uuid`;
    expect(await contactMatchesRecords(pid)).toBeNull();
    expect((await getDb().personLabel.findFirstOrThrow({ where: { personId: pid } })).lastContactAt).toBeNull();
    expect((await listLabelledPersons(team.officer.actor, { label: "ELDERLY_ALONE", notContactedDays: 1 })).items.some((r) => r.personId === pid)).toBe(true);
  });

  it("a revisit done that reached the person sets it; one that did not does not", async () => {
    const w = await precinctWarning(team, { victim: { name: "杨某", phone: mobile() }, receivedAt: ago(40) });
    await recordHomeVisit(team.officer.actor, { id: w.id, ...visit({ arrivedAt: ago(30) }) }, key());
    const visited = await contactMatchesRecords(w.personId!);
    const [first, second] = await getDb().revisit.findMany({ where: { warningId: w.id }, orderBy: { sequence: "asc" } });
    await recordRevisitOutcome(team.officer.actor, { id: first!.id, version: first!.version, outcome: "TEMP_UNREACHABLE" }, key());
    expect(await contactMatchesRecords(w.personId!)).toEqual(visited);
    await recordRevisitOutcome(team.officer.actor, { id: second!.id, version: second!.version, outcome: "CONFIRMED" }, key());
    const done = (await getDb().revisit.findUniqueOrThrow({ where: { id: second!.id } })).doneAt!;
    expect(await contactMatchesRecords(w.personId!)).toEqual(done);
    expect(done.getTime()).toBeGreaterThan(visited!.getTime());
  });

  it("an outreach visit sets it; a person not found is still uncontacted", async () => {
    const unit = team.tree.branches[1]!.precincts[1]!;
    const officer = await makeUser(unit, "OFFICER");
    const [p1, p2] = [mobile(), mobile()];
    await commitLabelImport(officer.actor, { csv: `姓名,手机号,标签\n葛同学,${p1},学生\n蔡同学,${p2},学生` });
    const c = await createOutreach(branch1.actor, { label: "STUDENT", unit: unit.code, notContactedDays: 90 });
    expect(c.tasks).toBe(2);
    const tasks = (await listOutreachTasks(officer.actor, {})).items.filter((t) => t.campaignId === c.id);
    const rows = await getDb().outreachTask.findMany({ where: { id: { in: tasks.map((t) => t.id) } }, select: { id: true, personId: true } });
    await recordOutreachOutcome(officer.actor, { id: rows[0]!.id, version: 1, outcome: "VISITED" }, key());
    await recordOutreachOutcome(officer.actor, { id: rows[1]!.id, version: 1, outcome: "NOT_FOUND" }, key());
    const done = (await getDb().outreachTask.findUniqueOrThrow({ where: { id: rows[0]!.id } })).doneAt!;
    expect(await contactMatchesRecords(rows[0]!.personId)).toEqual(done);
    expect(await contactMatchesRecords(rows[1]!.personId)).toBeNull();
    const listed = (await listLabelledPersons(officer.actor, { label: "STUDENT", notContactedDays: 30 })).items.map((r) => r.personId);
    expect(listed).toEqual([rows[1]!.personId]);
  });
});

describe("backfill", () => {
  it("person_list_state_all() gives every person of this file the state the triggers gave", async () => {
    const ids = [...touched];
    expect(ids.length).toBeGreaterThan(5);
    const byTriggers = await getDb().person.findMany({ where: { id: { in: ids } }, select: STATE, orderBy: { id: "asc" } });
    const labels = await getDb().personLabel.findMany({ where: { personId: { in: ids } }, select: { id: true, lastContactAt: true }, orderBy: { id: "asc" } });
    expect(byTriggers.some((p) => p.lastContactAt) && byTriggers.some((p) => p.priorWarnedAt) && labels.length > 0).toBe(true);
    // Forget the state of these persons, set it set-based, compare, roll back.
    const rollback = new Error("rollback");
    let byBackfill: unknown[] = [];
    let labelsAfter: unknown[] = [];
    await getDb().$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE persons SET "lastContactAt" = NULL, "lastWarnedAt" = NULL, "priorWarnedAt" = NULL, "lastWarnedUnitId" = NULL WHERE id = ANY(${ids}::uuid[])`;
      await tx.$executeRaw`UPDATE person_labels SET "lastContactAt" = NULL WHERE "personId" = ANY(${ids}::uuid[])`;
      await tx.$queryRaw`SELECT person_list_state_all()`;
      byBackfill = await tx.person.findMany({ where: { id: { in: ids } }, select: STATE, orderBy: { id: "asc" } });
      labelsAfter = await tx.personLabel.findMany({ where: { personId: { in: ids } }, select: { id: true, lastContactAt: true }, orderBy: { id: "asc" } });
      throw rollback;
    }, { timeout: 60_000 }).catch((e: unknown) => {
      if (e !== rollback) throw e;
    });
    expect(byBackfill).toEqual(byTriggers);
    expect(labelsAfter).toEqual(labels);
  });
});
