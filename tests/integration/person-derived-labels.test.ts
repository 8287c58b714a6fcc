// 曾受骗 and 涉嫌买卖两卡 kept ahead of the read (issue 15, migration person_derived_labels): the
// rows of person_derived_labels follow every path that changes them — a victim added, a case
// transferred to the other branch, a case deleted, a measure taken and revoked, a suspect naming a
// person already known, a person first known after the suspect, a suspect's number corrected, a
// phone-only person merged into an ID number's person — and carry the person's last contact. The
// lists read them (two precincts of two branches), and person_derived_all() rebuilds the same rows.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { makeIdNumber } from "@/lib/pii";
import { createCase } from "@/lib/cases/create-case";
import { addSuspect } from "@/lib/cases/suspects";
import { transferCase } from "@/lib/cases/transfer-case";
import { createMeasure } from "@/lib/publicity/measures";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import { listLabelledPersons } from "@/lib/persons/labels";
import { addDays, chinaToday } from "@/lib/time/china";
import { makeUser } from "@/tests/factories";
import { caseInput } from "./cases-fixtures";
import { fieldTeam, key, precinctWarning, visit, type FieldTeam } from "./field-fixtures";

type User = Awaited<ReturnType<typeof makeUser>>;
let team: FieldTeam;
let investigator0: User;
let investigator1: User;
let branch0: User;
let branch1: User;
beforeAll(async () => {
  team = await fieldTeam();
  investigator0 = await makeUser(team.tree.branches[0]!, "INVESTIGATOR");
  investigator1 = await makeUser(team.tree.branches[1]!, "INVESTIGATOR");
  branch0 = await makeUser(team.tree.branches[0]!, "DISPATCHER");
  branch1 = await makeUser(team.tree.branches[1]!, "DISPATCHER");
});

// Numbers of this file's own (born 1949-07-09): other files' persons never collide with them.
const idNo = () => makeIdNumber("420302", new Date(Date.UTC(1949, 6, 9)), randomInt(0, 1000));
const mobile = () => `135${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
const branch = (k: 0 | 1) => team.tree.branches[k]!.id;

/** Every person this file looked at: the rebuild must give each the rows the triggers gave. */
const touched = new Set<string>();
/** The person's derived rows, checked against the rule recomputed from the records (the view). */
async function derivedOf(personId: string) {
  touched.add(personId);
  const stored = await getDb().personDerivedLabel.findMany({
    where: { personId }, select: { label: true, unitId: true, lastContactAt: true }, orderBy: [{ label: "asc" }, { unitId: "asc" }],
  });
  const rule = await getDb().$queryRaw<{ label: string; unitId: string }[]>`
    SELECT label::text AS label, uid::text AS "unitId" FROM person_derived_source WHERE pid = ${personId}::uuid ORDER BY label, uid`;
  expect(stored.map(({ label, unitId }) => ({ label, unitId }))).toEqual(rule);
  return stored;
}
const personOfVictim = async (caseId: string) =>
  (await getDb().caseVictim.findFirstOrThrow({ where: { caseId }, select: { personId: true } })).personId!;
const listed = async (who: User | FieldTeam["officer"], personId: string, label: "PAST_VICTIM" | "CARD_SELLING_SUSPECT") =>
  (await listLabelledPersons(who.actor, { label })).items.filter((r) => r.personId === personId).map((r) => r.unitId);

describe("PAST_VICTIM", () => {
  it("a victim is labelled in the case's branch; a transfer to the other branch moves the label and the lists follow", async () => {
    const victim = { name: "邓秀英", phone: mobile(), idNumber: idNo(), gender: "FEMALE", age: 71, lossAmount: "0.10" };
    const c = await createCase(investigator0.actor, caseInput({ victims: [victim] }));
    const pid = await personOfVictim(c.id);
    expect(await derivedOf(pid)).toMatchObject([{ label: "PAST_VICTIM", unitId: branch(0), lastContactAt: null }]);
    expect(await listed(branch0, pid, "PAST_VICTIM")).toEqual([branch(0)]);
    expect(await listed(branch1, pid, "PAST_VICTIM")).toEqual([]);

    await transferCase(investigator0.actor, { id: c.id, toUnitCode: team.tree.branches[1]!.code, reason: "嫌疑人在另一辖区，移交侦办", version: 1 });
    expect(await derivedOf(pid)).toMatchObject([{ label: "PAST_VICTIM", unitId: branch(1) }]);
    expect(await listed(branch0, pid, "PAST_VICTIM")).toEqual([]);
    expect(await listed(branch1, pid, "PAST_VICTIM")).toEqual([branch(1)]);
    expect(await listed(team.dispatcher, pid, "PAST_VICTIM")).toEqual([branch(1)]);
  });

  it("a victim of two cases is listed in the latest case's unit; deleting that case leaves the earlier one", async () => {
    const v = { name: "邓二", phone: mobile(), idNumber: idNo(), gender: "MALE", age: 70, lossAmount: "1.00" };
    const first = await createCase(investigator0.actor, caseInput({ victims: [v] }));
    const second = await createCase(investigator1.actor, caseInput({ victims: [v] }));
    const pid = await personOfVictim(first.id);
    expect(await personOfVictim(second.id)).toBe(pid);
    expect(await derivedOf(pid)).toMatchObject([{ label: "PAST_VICTIM", unitId: branch(1) }]);
    await getDb().fraudCase.delete({ where: { id: second.id } });
    expect(await derivedOf(pid)).toMatchObject([{ label: "PAST_VICTIM", unitId: branch(0) }]);
    await getDb().fraudCase.delete({ where: { id: first.id } });
    expect(await derivedOf(pid)).toEqual([]);
  });

  it("the label carries the person's last contact: a home visit on their warning moves them down the list", async () => {
    const phone = mobile();
    const w = await precinctWarning(team, { victim: { name: "邓三", phone } });
    const c = await createCase(investigator0.actor, caseInput({ victims: [{ name: "邓三", phone, gender: "MALE", age: 66, lossAmount: "0.10" }] }));
    expect(await personOfVictim(c.id)).toBe(w.personId);
    expect(await derivedOf(w.personId!)).toMatchObject([{ lastContactAt: null }]);
    await recordHomeVisit(team.officer.actor, visit({ id: w.id }), key());
    const person = await getDb().person.findUniqueOrThrow({ where: { id: w.personId! }, select: { lastContactAt: true } });
    expect(person.lastContactAt).not.toBeNull();
    expect(await derivedOf(w.personId!)).toMatchObject([{ lastContactAt: person.lastContactAt }]);
    const uncontacted = await listLabelledPersons(branch0.actor, { label: "PAST_VICTIM", notContactedDays: 1 });
    expect(uncontacted.items.some((r) => r.personId === w.personId)).toBe(false);
  });
});

describe("CARD_SELLING_SUSPECT", () => {
  it("a measure labels the person in its unit until it is revoked", async () => {
    const m = await createMeasure(team.officer.actor, {
      personName: "邱某", personIdNumber: idNo(), measure: "RESTRICT_CALLS", startsOn: addDays(chinaToday(), -2), endsOn: addDays(chinaToday(), 30), reason: "名下银行卡被用于转移诈骗资金",
    });
    const { personId } = await getDb().disciplinaryMeasure.findUniqueOrThrow({ where: { id: m.id }, select: { personId: true } });
    expect(await derivedOf(personId!)).toMatchObject([{ label: "CARD_SELLING_SUSPECT", unitId: team.precinct.id }]);
    expect(await listed(team.officer, personId!, "CARD_SELLING_SUSPECT")).toEqual([team.precinct.id]);
    expect(await listed(team.outsider, personId!, "CARD_SELLING_SUSPECT")).toEqual([]);
    await getDb().disciplinaryMeasure.update({ where: { id: m.id }, data: { revokedOn: new Date(`${chinaToday()}T00:00:00Z`) } });
    expect(await derivedOf(personId!)).toEqual([]);
    expect(await listed(team.officer, personId!, "CARD_SELLING_SUSPECT")).toEqual([]);
  });

  it("a suspect naming a known person labels them in the suspect's unit, by ID number or by mobile", async () => {
    const [id, phone] = [idNo(), mobile()];
    const a = await precinctWarning(team, { victim: { name: "韩某", phone: mobile(), idNumber: id } });
    const b = await precinctWarning(team, { victim: { name: "韩二", phone } }, team.otherPrecinct);
    const c0 = await createCase(investigator0.actor, caseInput());
    const c1 = await createCase(investigator1.actor, caseInput());
    await addSuspect(investigator0.actor, { id: c0.id, name: "韩某", idNumber: id });
    await addSuspect(investigator1.actor, { id: c1.id, name: "韩二", phone });
    expect(await derivedOf(a.personId!)).toMatchObject([{ label: "CARD_SELLING_SUSPECT", unitId: branch(0) }]);
    expect(await derivedOf(b.personId!)).toMatchObject([{ label: "CARD_SELLING_SUSPECT", unitId: branch(1) }]);
    expect(await listed(branch0, a.personId!, "CARD_SELLING_SUSPECT")).toEqual([branch(0)]);
    expect(await listed(branch1, a.personId!, "CARD_SELLING_SUSPECT")).toEqual([]);
    expect(await listed(branch1, b.personId!, "CARD_SELLING_SUSPECT")).toEqual([branch(1)]);
  });

  it("a suspect first, the person later: the warning that makes the person known labels them; a corrected number unlabels", async () => {
    const phone = mobile();
    const c = await createCase(investigator0.actor, caseInput());
    const s = await addSuspect(investigator0.actor, { id: c.id, name: "蒋某", phone });
    const w = await precinctWarning(team, { victim: { name: "蒋某", phone } });
    expect(await derivedOf(w.personId!)).toMatchObject([{ label: "CARD_SELLING_SUSPECT", unitId: branch(0) }]);
    // A data correction of the suspect's number (by SQL: the app has no such edit).
    await getDb().suspect.update({ where: { id: s.id }, data: { phone: mobile() } });
    expect(await derivedOf(w.personId!)).toEqual([]);
  });

  it("a phone-only person merged into an ID number's person takes the suspect's label along", async () => {
    const [phone, id] = [mobile(), idNo()];
    const phoneOnly = await precinctWarning(team, { victim: { name: "郑某", phone } });
    const c = await createCase(investigator1.actor, caseInput());
    await addSuspect(investigator1.actor, { id: c.id, name: "郑某", phone });
    expect(await derivedOf(phoneOnly.personId!)).toMatchObject([{ label: "CARD_SELLING_SUSPECT", unitId: branch(1) }]);
    // The same mobile seen with an ID number: the phone-only person is merged into the ID's.
    const merged = await precinctWarning(team, { victim: { name: "郑某", phone, idNumber: id } });
    expect(merged.personId).not.toBe(phoneOnly.personId);
    expect(await getDb().person.count({ where: { id: phoneOnly.personId! } })).toBe(0);
    expect(await derivedOf(merged.personId!)).toMatchObject([{ label: "CARD_SELLING_SUSPECT", unitId: branch(1) }]);
  });
});

describe("rebuild", () => {
  it("person_derived_all() gives every person of this file the rows the triggers gave", async () => {
    const ids = [...touched];
    expect(ids.length).toBeGreaterThan(5);
    const select = { personId: true, label: true, unitId: true, lastContactAt: true } as const;
    const orderBy = [{ personId: "asc" }, { label: "asc" }, { unitId: "asc" }] as const;
    const byTriggers = await getDb().personDerivedLabel.findMany({ where: { personId: { in: ids } }, select, orderBy: [...orderBy] });
    expect(byTriggers.some((r) => r.lastContactAt) && byTriggers.some((r) => r.label === "CARD_SELLING_SUSPECT")).toBe(true);
    const rollback = new Error("rollback");
    let byRebuild: unknown[] = [];
    await getDb().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT person_derived_all()`;
      byRebuild = await tx.personDerivedLabel.findMany({ where: { personId: { in: ids } }, select, orderBy: [...orderBy] });
      throw rollback;
    }, { timeout: 60_000 }).catch((e: unknown) => {
      if (e !== rollback) throw e;
    });
    expect(byRebuild).toEqual(byTriggers);
  });
});
