// 易受骗人群/高危人员: automatic labels derived from the records (repeat warnings, past victim,
// card-selling suspect from a measure and from a case suspect), a manual label, the precinct lists
// by jurisdiction (two precincts, two branches), the community list import (preview with per-row
// errors and Chinese reasons, nothing written; idempotent import), and targeted outreach (tasks on
// the home precinct's list, recording, completion counted as a publicity event).
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { makeIdNumber } from "@/lib/pii";
import { createCase } from "@/lib/cases/create-case";
import { addSuspect } from "@/lib/cases/suspects";
import { createMeasure } from "@/lib/publicity/measures";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import { addPersonLabel, labelsOf, listLabelledPersons, removePersonLabel } from "@/lib/persons/labels";
import { getPersonFile } from "@/lib/persons/queries";
import { commitLabelImport, previewLabelImport } from "@/lib/persons/label-import";
import { cancelOutreach, createOutreach, listOutreachCampaigns, listOutreachTasks, recordOutreachOutcome } from "@/lib/persons/outreach";
import { addDays, chinaToday } from "@/lib/time/china";
import { makeUser } from "@/tests/factories";
import { caseInput } from "./cases-fixtures";
import { fieldTeam, key, precinctWarning, visit, type FieldTeam } from "./field-fixtures";

let team: FieldTeam;
let sibling: Awaited<ReturnType<typeof makeUser>>;
let branchDispatcher: Awaited<ReturnType<typeof makeUser>>;
let investigator: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  team = await fieldTeam();
  sibling = await makeUser(team.tree.branches[0]!.precincts[1]!, "OFFICER");
  branchDispatcher = await makeUser(team.tree.branches[0]!, "DISPATCHER");
  investigator = await makeUser(team.tree.branches[0]!, "INVESTIGATOR");
});

// ID numbers of this file's own (born 1951-03-03): other files' persons never collide with them.
const idNo = () => makeIdNumber("420302", new Date(Date.UTC(1951, 2, 3)), randomInt(0, 1000));
const mobile = () => `137${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
const list = (who: { actor: FieldTeam["officer"]["actor"] }, q: Record<string, unknown> = {}) => listLabelledPersons(who.actor, q);
const personOf = async (warningId: string) => (await getDb().warning.findUniqueOrThrow({ where: { id: warningId }, select: { personId: true } })).personId!;

describe("automatic labels", () => {
  it("two warnings in 90 days make REPEAT_WARNINGS in the latest warning's precinct; one does not", async () => {
    const phone = mobile();
    const a = await precinctWarning(team, { victim: { name: "刘建国", phone } });
    const b = await precinctWarning(team, { victim: { name: "刘建国", phone } });
    const single = await precinctWarning(team, { victim: { name: "赵一", phone: mobile() } });
    const pid = await personOf(a.id);
    expect(await personOf(b.id)).toBe(pid);
    const { items } = await list(team.officer, { label: "REPEAT_WARNINGS" });
    const row = items.find((r) => r.personId === pid);
    expect(row).toMatchObject({ unitId: team.precinct.id, labels: ["REPEAT_WARNINGS"], name: "刘**" });
    expect(row!.phone).not.toContain(phone.slice(3, 7));
    expect(items.some((r) => r.personId === (single.personId))).toBe(false);
    // The file's labels: the same rule for one person, in the reader's jurisdiction.
    expect(await labelsOf(team.officer.actor, pid)).toEqual(["REPEAT_WARNINGS"]);
    expect(await labelsOf(team.outsider.actor, pid)).toEqual([]);
    expect(await labelsOf(team.officer.actor, single.personId!)).toEqual([]);
  });

  it("a warning older than 90 days does not count", async () => {
    const phone = mobile();
    const old = await precinctWarning(team, { victim: { name: "孙二", phone }, receivedAt: new Date(Date.now() - 100 * 86_400_000).toISOString() });
    await precinctWarning(team, { victim: { name: "孙二", phone } });
    const { items } = await list(team.officer, { label: "REPEAT_WARNINGS" });
    expect(items.some((r) => r.personId === old.personId)).toBe(false);
  });

  it("a case victim is PAST_VICTIM in the case's unit; the precinct does not see a branch's case", async () => {
    const victim = { name: "王秀兰", phone: mobile(), idNumber: idNo(), gender: "FEMALE", age: 67, lossAmount: "0.10" };
    const { id } = await createCase(investigator.actor, caseInput({ victims: [victim] }));
    const v = await getDb().caseVictim.findFirstOrThrow({ where: { caseId: id }, select: { personId: true } });
    const d = await list(branchDispatcher, { label: "PAST_VICTIM" });
    expect(d.items.find((r) => r.personId === v.personId)).toMatchObject({ unitId: team.tree.branches[0]!.id, labels: ["PAST_VICTIM"] });
    expect((await list(team.officer, { label: "PAST_VICTIM" })).items.some((r) => r.personId === v.personId)).toBe(false);
    expect((await list(team.outsider, { label: "PAST_VICTIM" })).items.some((r) => r.personId === v.personId)).toBe(false);
  });

  it("an art. 38 measure and a case suspect whose ID number is a person's make CARD_SELLING_SUSPECT", async () => {
    const id1 = idNo();
    const m = await createMeasure(team.officer.actor, {
      personName: "周某", personIdNumber: id1, measure: "RESTRICT_CALLS", startsOn: addDays(chinaToday(), -3), endsOn: addDays(chinaToday(), 30), reason: "名下电话卡被用于实施诈骗",
    });
    const mp = (await getDb().disciplinaryMeasure.findUniqueOrThrow({ where: { id: m.id }, select: { personId: true } })).personId!;
    const { items } = await list(team.officer, { label: "CARD_SELLING_SUSPECT" });
    expect(items.find((r) => r.personId === mp)).toMatchObject({ unitId: team.precinct.id, name: "周*" });

    // A suspect of a case naming the ID number of a warned person.
    const id2 = idNo();
    const w = await precinctWarning(team, { victim: { name: "吴某", phone: mobile(), idNumber: id2 } });
    const { id: caseId } = await createCase(investigator.actor, caseInput());
    await addSuspect(investigator.actor, { id: caseId, name: "吴某", idNumber: id2 });
    const d = await list(branchDispatcher, { label: "CARD_SELLING_SUSPECT" });
    expect(d.items.find((r) => r.personId === w.personId && r.unitId === team.tree.branches[0]!.id)?.labels).toEqual(["CARD_SELLING_SUSPECT"]);
  });
});

describe("manual labels and jurisdiction on the lists", () => {
  it("an officer labels a person of the precinct; the sibling precinct and the other branch do not see them; the branch does", async () => {
    const w = await precinctWarning(team, { victim: { name: "钱老太", phone: mobile() } });
    const r = await addPersonLabel(team.officer.actor, { id: w.personId!, label: "ELDERLY_ALONE" });
    expect(r.created).toBe(true);
    expect((await addPersonLabel(team.officer.actor, { id: w.personId!, label: "ELDERLY_ALONE" })).created).toBe(false);
    const label = await getDb().personLabel.findFirstOrThrow({ where: { personId: w.personId!, label: "ELDERLY_ALONE" } });
    expect(label).toMatchObject({ unitId: team.precinct.id, source: "MANUAL", createdById: team.officer.user.id });
    expect(await getDb().auditLog.count({ where: { action: "person.label.add", entityId: w.personId! } })).toBe(1);

    const own = await list(team.officer, { label: "ELDERLY_ALONE" });
    expect(own.items.find((x) => x.personId === w.personId)).toMatchObject({ name: "钱**", lastContactAt: null });
    expect((await list(sibling, { label: "ELDERLY_ALONE" })).items.some((x) => x.personId === w.personId)).toBe(false);
    expect((await list(team.outsider)).items.some((x) => x.personId === w.personId)).toBe(false);
    expect((await list(branchDispatcher, { unit: team.precinct.code })).items.some((x) => x.personId === w.personId)).toBe(true);
    expect((await list(team.dispatcher, { label: "ELDERLY_ALONE" })).items.some((x) => x.personId === w.personId)).toBe(true);
  });

  it("the other jurisdiction gets 404 (audited) labelling the person or filtering by the precinct", async () => {
    const w = await precinctWarning(team, { victim: { name: "钱二", phone: mobile() } });
    const e = await rejection(addPersonLabel(team.outsider.actor, { id: w.personId!, label: "STUDENT" }));
    expect(e.code).toBe("NOT_FOUND");
    expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: team.outsider.user.id, entityId: w.personId! } })).toBe(1);
    expect((await rejection(list(team.outsider, { unit: team.precinct.code }))).code).toBe("NOT_FOUND");
    expect(await getDb().personLabel.count({ where: { personId: w.personId! } })).toBe(0);
  });

  it("bad input is a 422 naming the field", async () => {
    const w = await precinctWarning(team, { victim: { name: "钱三", phone: mobile() } });
    const e = await rejection(addPersonLabel(team.officer.actor, { id: w.personId!, label: "REPEAT_WARNINGS" }));
    expect([e.code, e.details.map((d) => d.path)]).toEqual(["VALIDATION", ["label"]]);
    const f = await rejection(list(team.officer, { notContactedDays: "-1" }));
    expect(f.details.map((d) => d.path)).toEqual(["notContactedDays"]);
  });

  it("a reaching contact sets the last contact; 'not contacted in N days' leaves them out", async () => {
    const w = await precinctWarning(team, { victim: { name: "李大爷", phone: mobile() } });
    await addPersonLabel(team.officer.actor, { id: w.personId!, label: "ELDERLY_ALONE" });
    await recordHomeVisit(team.officer.actor, { id: w.id, ...visit() }, key());
    const row = (await list(team.officer, { label: "ELDERLY_ALONE" })).items.find((x) => x.personId === w.personId);
    expect(row!.lastContactAt).not.toBeNull();
    expect((await list(team.officer, { label: "ELDERLY_ALONE", notContactedDays: 30 })).items.some((x) => x.personId === w.personId)).toBe(false);
  });
});

describe("importing a community's list", () => {
  const idA = idNo();
  const phoneB = mobile();
  const csv = [
    "姓名,身份证号,手机号,标签,住址,社区",
    `张桂兰,${idA},,独居老人,东城开发区幸福路12号,幸福社区`,
    `李明,,${phoneB},学生,东城开发区学府路3号,学府社区`,
    `,${idNo()},,独居老人,,`,
    "王五,123,,学生,,",
    `赵六,,${mobile()},孤寡,,`,
    `张桂兰,${idA},,独居老人,东城开发区幸福路12号,幸福社区`,
  ].join("\n");

  it("the preview names each bad row with a Chinese reason and writes nothing", async () => {
    const before = await getDb().personLabel.count();
    const persons = await getDb().person.count();
    const p = await previewLabelImport(team.officer.actor, { csv });
    expect(p).toMatchObject({ rows: 6, created: 2, updated: 0, unchanged: 0 });
    expect(p.errors.map((e) => [e.line, e.errors])).toEqual([[4, ["missing_name"]], [5, ["bad_id_number"]], [6, ["bad_label"]], [7, ["duplicate_row"]]]);
    expect(p.errors[1]!.reasons).toEqual(["身份证号无效"]);
    expect(await getDb().personLabel.count()).toBe(before);
    expect(await getDb().person.count()).toBe(persons);
  });

  it("the import writes the valid rows once, audited; importing again adds nothing", async () => {
    const first = await commitLabelImport(team.officer.actor, { csv });
    expect(first).toMatchObject({ rows: 6, created: 2, updated: 0, unchanged: 0 });
    expect(first.errors).toHaveLength(4);
    const again = await commitLabelImport(team.officer.actor, { csv });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const idPerson = await getDb().personIdentifier.findUniqueOrThrow({ where: { kind_value: { kind: "ID_NUMBER", value: idA } } });
    const rows = await getDb().personLabel.findMany({ where: { personId: idPerson.personId } });
    expect(rows.map((r) => [r.label, r.source, r.unitId, r.community])).toEqual([["ELDERLY_ALONE", "IMPORT", team.precinct.id, "幸福社区"]]);
    expect(await getDb().auditLog.count({ where: { action: "person.labels.import", actorId: team.officer.user.id } })).toBe(2);
    const { items } = await list(team.officer, { label: "STUDENT" });
    // Listed by the import alone: the file opens on the label, masked; not in another jurisdiction.
    const student = items.find((x) => x.phone?.startsWith(phoneB.slice(0, 3)) && x.community === "学府社区")!;
    const file = await getPersonFile(team.officer.actor, student.personId);
    expect(file.timeline.map((e) => [e.kind, e.detail.label, e.detail.source])).toEqual([["LABEL", "STUDENT", "IMPORT"]]);
    expect(file.identifiers.map((i) => i.masked)).toEqual([expect.stringMatching(/^\d{3}\*{4}\d{4}$/)]);
    expect(file.name).toMatch(/\*/);
    expect((await rejection(getPersonFile(team.outsider.actor, student.personId))).code).toBe("NOT_FOUND");
    expect((await list(team.outsider, { label: "ELDERLY_ALONE" })).items.some((x) => x.personId === idPerson.personId)).toBe(false);
  });

  it("a spreadsheet's rows import like the CSV (line numbers are sheet rows)", async () => {
    const table = [["姓名", "手机号", "标签", "社区"], ["周同学", mobile(), "学生", "学府社区"], [], ["吴同学", "12345", "学生", ""]];
    const p = await previewLabelImport(team.officer.actor, { table });
    expect(p).toMatchObject({ rows: 2, created: 1 });
    expect(p.errors.map((e) => [e.line, e.errors])).toEqual([[4, ["bad_phone"]]]);
    expect((await rejection(previewLabelImport(team.officer.actor, { csv: "a", table }))).details.map((d) => d.path)).toEqual(["csv"]);
  });

  it("a label imported by mobile follows the person when the mobile turns up with an ID number (person_merge)", async () => {
    const phone = mobile();
    await commitLabelImport(team.officer.actor, { csv: `姓名,手机号,标签\n孙奶奶,${phone},独居老人` });
    const before = await getDb().personIdentifier.findUniqueOrThrow({ where: { kind_value: { kind: "MOBILE", value: phone } } });
    const id = idNo();
    const w = await precinctWarning(team, { victim: { name: "孙奶奶", phone, idNumber: id } });
    expect(w.personId).not.toBe(before.personId);
    expect(await getDb().person.count({ where: { id: before.personId } })).toBe(0);
    const labels = await getDb().personLabel.findMany({ where: { personId: w.personId! } });
    expect(labels.map((l) => [l.label, l.source])).toEqual([["ELDERLY_ALONE", "IMPORT"]]);
    expect((await list(team.officer, { label: "ELDERLY_ALONE" })).items.some((x) => x.personId === w.personId)).toBe(true);
  });

  it("an empty file and a unit outside the jurisdiction are refused", async () => {
    expect((await rejection(previewLabelImport(team.officer.actor, { csv: "姓名,手机号,标签\n" }))).details.map((d) => d.path)).toEqual(["csv"]);
    expect((await rejection(commitLabelImport(team.outsider.actor, { csv, unit: team.precinct.code }))).code).toBe("NOT_FOUND");
  });
});

describe("ending a recorded label", () => {
  it("is removed by its jurisdiction, audited; another jurisdiction gets a 404 and the label stays", async () => {
    const w = await precinctWarning(team, { victim: { name: "何同学", phone: mobile() } });
    const added = await addPersonLabel(team.officer.actor, { id: w.personId!, label: "STUDENT" });
    const outsider = await rejection(removePersonLabel(team.outsider.actor, { id: w.personId!, labelId: added.id }));
    expect(outsider.code).toBe("NOT_FOUND");
    expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: team.outsider.user.id, entityId: w.personId! } })).toBe(1);
    // A label id under another person's id names nothing.
    const other = await precinctWarning(team, { victim: { name: "何二", phone: mobile() } });
    expect((await rejection(removePersonLabel(team.officer.actor, { id: other.personId!, labelId: added.id }))).code).toBe("NOT_FOUND");
    expect(await labelsOf(team.officer.actor, w.personId!)).toEqual(["STUDENT"]);

    expect(await removePersonLabel(team.officer.actor, { id: w.personId!, labelId: added.id })).toEqual({ id: added.id, removed: true });
    expect((await rejection(removePersonLabel(team.officer.actor, { id: w.personId!, labelId: added.id }))).code).toBe("NOT_FOUND");
    expect(await labelsOf(team.officer.actor, w.personId!)).toEqual([]);
    expect((await list(team.officer, { label: "STUDENT" })).items.some((x) => x.personId === w.personId)).toBe(false);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "person.label.remove", actorId: team.officer.user.id, entityId: w.personId! } });
    expect(audit.details).toMatchObject({ labelId: added.id, label: "STUDENT", source: "MANUAL" });
  });
});

describe("targeted outreach", () => {
  it("creates one task per uncontacted labelled person on the home precinct's list; recording all completes it as publicity work", async () => {
    // A fresh precinct of the branch, so the campaign holds exactly this test's persons.
    const csv = ["姓名,身份证号,标签", `陈奶奶,${idNo()},独居老人`, `林爷爷,${idNo()},独居老人`].join("\n");
    const officerSib = sibling;
    await commitLabelImport(officerSib.actor, { csv });
    const unit = team.tree.branches[0]!.precincts[1]!;
    const created = await createOutreach(branchDispatcher.actor, { label: "ELDERLY_ALONE", unit: unit.code, notContactedDays: 90 });
    expect(created.tasks).toBe(2);
    expect((await rejection(createOutreach(team.outsider.actor, { label: "ELDERLY_ALONE", unit: unit.code, notContactedDays: 90 }))).code).toBe("NOT_FOUND");

    const { items } = await listOutreachTasks(officerSib.actor, {});
    const mine = items.filter((t) => t.campaignId === created.id);
    expect(mine.map((t) => t.name).sort()).toEqual(["林**", "陈**"]);
    expect((await listOutreachTasks(team.officer.actor, {})).items.some((t) => t.campaignId === created.id)).toBe(false);

    // Another precinct's officer cannot record it.
    const e = await rejection(recordOutreachOutcome(team.officer.actor, { id: mine[0]!.id, version: 1, outcome: "VISITED" }, key()));
    expect(e.code).toBe("NOT_FOUND");
    const first = await recordOutreachOutcome(officerSib.actor, { id: mine[0]!.id, version: 1, outcome: "VISITED", note: "讲解养老诈骗" }, key());
    expect(first).toMatchObject({ campaignCompleted: false, publicityEventId: null });
    expect((await rejection(recordOutreachOutcome(officerSib.actor, { id: mine[0]!.id, version: 2, outcome: "VISITED" }, key()))).code).toBe("CONFLICT");
    const last = await recordOutreachOutcome(officerSib.actor, { id: mine[1]!.id, version: 1, outcome: "NOT_FOUND" }, key());
    expect(last.campaignCompleted).toBe(true);
    const event = await getDb().publicityEvent.findUniqueOrThrow({ where: { id: last.publicityEventId! } });
    expect(event).toMatchObject({ unitId: unit.id, kind: "ELDERLY", targetGroup: "ELDERLY", audienceCount: 1 });
    const campaigns = await listOutreachCampaigns(branchDispatcher.actor, {});
    expect(campaigns.items.find((c) => c.id === created.id)).toMatchObject({ done: 2, publicityEventId: event.id });
    expect(await getDb().auditLog.count({ where: { action: "outreach.outcome", actorId: officerSib.user.id } })).toBe(2);

    // The visit is a contact: a new campaign finds only the one not reached.
    const again = await createOutreach(branchDispatcher.actor, { label: "ELDERLY_ALONE", unit: unit.code, notContactedDays: 90 });
    expect(again.tasks).toBe(1);
  });

  it("a person whose home unit is a branch (a branch's case) gets no task: there is no precinct to visit them", async () => {
    const victim = { name: "郑大妈", phone: mobile(), idNumber: idNo(), gender: "FEMALE", age: 70, lossAmount: "0.10" };
    await createCase(investigator.actor, caseInput({ victims: [victim] }));
    // The branch's past victims all have the branch as home unit: nobody to visit, no task, a 422.
    const e = await rejection(createOutreach(branchDispatcher.actor, { label: "PAST_VICTIM", notContactedDays: 90 }));
    expect([e.code, e.details.map((d) => d.path)]).toEqual(["VALIDATION", ["label"]]);
    expect(await getDb().outreachTask.count({ where: { unitId: team.tree.branches[0]!.id } })).toBe(0);
  });

  it("is cancelled with a reason: open tasks withdrawn, the visit already made counts; a second cancel is a 409", async () => {
    const unit = team.tree.branches[0]!.precincts[1]!;
    await commitLabelImport(sibling.actor, { csv: ["姓名,身份证号,标签", `冯奶奶,${idNo()},独居老人`, `韩爷爷,${idNo()},独居老人`].join("\n") });
    const c = await createOutreach(branchDispatcher.actor, { label: "ELDERLY_ALONE", unit: unit.code, notContactedDays: 90, title: "冬季走访独居老人" });
    const tasks = (await listOutreachTasks(sibling.actor, {})).items.filter((t) => t.campaignId === c.id);
    await recordOutreachOutcome(sibling.actor, { id: tasks[0]!.id, version: 1, outcome: "VISITED" }, key());
    expect((await rejection(cancelOutreach(team.outsider.actor, { id: c.id, reason: "重复发起" }))).code).toBe("NOT_FOUND");
    expect((await rejection(cancelOutreach(branchDispatcher.actor, { id: c.id, reason: "  " }))).details.map((d) => d.path)).toEqual(["reason"]);

    const r = await cancelOutreach(branchDispatcher.actor, { id: c.id, reason: "名单有误，重新发起" });
    expect(r.withdrawn).toBe(c.tasks - 1);
    expect((await listOutreachTasks(sibling.actor, {})).items.some((t) => t.campaignId === c.id)).toBe(false);
    const event = await getDb().publicityEvent.findUniqueOrThrow({ where: { id: r.publicityEventId! } });
    expect(event).toMatchObject({ unitId: unit.id, kind: "ELDERLY", audienceCount: 1 });
    expect((await listOutreachCampaigns(branchDispatcher.actor, {})).items.find((x) => x.id === c.id)).toMatchObject({ done: 1, publicityEventId: event.id, cancelledAt: expect.any(String) });
    expect((await rejection(cancelOutreach(branchDispatcher.actor, { id: c.id, reason: "再次取消" }))).code).toBe("CONFLICT");
    expect(await getDb().auditLog.count({ where: { action: "outreach.cancel", entityId: c.id } })).toBe(1);
  });

  it("a campaign cancelled before any visit records no publicity event", async () => {
    const unit = team.tree.branches[0]!.precincts[1]!;
    await commitLabelImport(sibling.actor, { csv: `姓名,身份证号,标签\n曹奶奶,${idNo()},独居老人` });
    const c = await createOutreach(branchDispatcher.actor, { label: "ELDERLY_ALONE", unit: unit.code, notContactedDays: 90 });
    const r = await cancelOutreach(branchDispatcher.actor, { id: c.id, reason: "天气原因改期" });
    expect(r).toMatchObject({ withdrawn: c.tasks, publicityEventId: null });
  });

  it("a campaign with nobody to visit is a 422", async () => {
    const e = await rejection(createOutreach(team.outsider.actor, { label: "STUDENT", notContactedDays: 1 }));
    expect([e.code, e.details.map((d) => d.path)]).toEqual(["VALIDATION", ["label"]]);
  });
});
