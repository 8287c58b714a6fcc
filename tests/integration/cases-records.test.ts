import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createCase } from "@/lib/cases/create-case";
import { getCase } from "@/lib/cases/case-detail";
import { addCaseGang, dismantleGang } from "@/lib/cases/gangs";
import { listGangs, seizedTotalsByUnit } from "@/lib/cases/queries";
import { addSeizedItem, updateSeizedItem } from "@/lib/cases/seized-items";
import { addSuspect, updateSuspect } from "@/lib/cases/suspects";
import { transitionCase } from "@/lib/cases/transition-case";
import { makeUser } from "@/tests/factories";
import { caseFootprint, caseInput, caseInStatus, caseTeam, idNumber, mobile, rejection, type CaseTeam } from "./cases-fixtures";

let team: CaseTeam;
beforeAll(async () => {
  team = await caseTeam();
});

const ago = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe("suspects", () => {
  it("goes wanted → arrested → detained → prosecuted with dates, masked, on every case naming them", async () => {
    const { actor } = team.investigator;
    const one = (await createCase(actor, caseInput())).id;
    const two = (await createCase(actor, caseInput())).id;
    const phone = mobile();
    const { id } = await addSuspect(actor, { id: one, name: "赵四海", idNumber: idNumber(7), phone, gender: "MALE", note: "负责收购银行卡" });
    await addSuspect(actor, { id: two, suspectId: id });
    expect((await rejection(addSuspect(actor, { id: two, suspectId: id }))).details[0]).toMatchObject({ code: "already_linked" });

    await updateSuspect(actor, { id: one, subId: id, version: 1, status: "ARRESTED", at: ago(30) });
    await updateSuspect(actor, { id: two, subId: id, version: 2, status: "DETAINED", at: ago(6) });
    await updateSuspect(actor, { id: one, subId: id, version: 3, status: "PROSECUTED" });
    const s = await getDb().suspect.findUniqueOrThrow({ where: { id } });
    expect(s.status).toBe("PROSECUTED");
    expect(s.arrestedAt!.getTime()).toBeLessThan(s.detainedAt!.getTime());

    const c = await getCase(actor, { id: one });
    expect(c.suspects[0]).toMatchObject({ name: "赵**", phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`, status: "PROSECUTED" });
    expect(c.suspects[0]!.otherCases.map((x) => x.id)).toEqual([two]);
    expect(JSON.stringify(c)).not.toContain(phone);
    for (const caseId of [one, two]) {
      const moves = (await getDb().caseEvent.findMany({ where: { caseId, kind: "suspect_status" }, orderBy: { at: "asc" } })).map((e) => (e.data as { to: string }).to);
      expect(moves).toEqual(["ARRESTED", "DETAINED", "PROSECUTED"]);
    }
  });

  it("refuses skipped steps, dates before the previous step, and stale versions — changing nothing", async () => {
    const { actor } = team.investigator;
    const caseId = (await createCase(actor, caseInput())).id;
    const { id } = await addSuspect(actor, { id: caseId, name: "钱某" });
    expect((await rejection(updateSuspect(actor, { id: caseId, subId: id, version: 1, status: "DETAINED" }))).details[0]).toMatchObject({ code: "invalid_transition" });
    await updateSuspect(actor, { id: caseId, subId: id, version: 1, status: "ARRESTED", at: ago(2) });
    const e = await rejection(updateSuspect(actor, { id: caseId, subId: id, version: 2, status: "DETAINED", at: ago(5) }));
    expect(e.details[0]).toMatchObject({ path: "at", code: "before_previous_step" });
    expect((await rejection(updateSuspect(actor, { id: caseId, subId: id, version: 1, status: "RELEASED" }))).status).toBe(409);
    expect((await getDb().suspect.findUniqueOrThrow({ where: { id } })).status).toBe("ARRESTED");
    expect((await rejection(addSuspect(actor, { id: caseId, name: "孙某", idNumber: "123" }))).details[0]).toMatchObject({ path: "idNumber", code: "invalid_id_number" });
  });

  it("cannot reach a suspect or case of another branch (404) nor add to a closed case (409)", async () => {
    const { actor } = team.investigator;
    const theirs = (await createCase(team.outsider.actor, caseInput())).id;
    const { id: theirSuspect } = await addSuspect(team.outsider.actor, { id: theirs, name: "周某" });
    const mine = (await createCase(actor, caseInput())).id;
    expect((await rejection(addSuspect(actor, { id: theirs, name: "越权" }))).status).toBe(404);
    expect((await rejection(addSuspect(actor, { id: mine, suspectId: theirSuspect }))).details[0]).toMatchObject({ code: "unknown_suspect" });
    const closed = await caseInStatus(team.branch, "CLOSED", null);
    expect((await rejection(addSuspect(actor, { id: closed.id, name: "结案后" }))).details[0]).toMatchObject({ code: "case_closed" });
  });
});

describe("gangs", () => {
  it("spans several cases, takes members, and is dismantled once on a date", async () => {
    const { actor } = team.investigator;
    const one = (await createCase(actor, caseInput())).id;
    const two = (await createCase(actor, caseInput())).id;
    const { id: gangId } = await addCaseGang(actor, { id: one, name: "张某某等人“跑分”洗钱团伙" });
    await addCaseGang(actor, { id: two, gangId });
    expect((await rejection(addCaseGang(actor, { id: two, gangId }))).status).toBe(409);
    const { id: suspectId } = await addSuspect(actor, { id: one, name: "吴某", gangId });
    const other = await addSuspect(actor, { id: two, name: "郑某" });
    await updateSuspect(actor, { id: two, subId: other.id, version: 1, gangId });
    await dismantleGang(actor, { id: gangId, version: 1, dismantledAt: ago(1) });
    expect((await rejection(dismantleGang(actor, { id: gangId, version: 2, dismantledAt: ago(1) }))).details[0]).toMatchObject({ code: "already_dismantled" });
    const gang = (await listGangs(actor)).find((g) => g.id === gangId)!;
    expect(gang.members.map((m) => m.id).sort()).toEqual([suspectId, other.id].sort());
    expect(gang.members.every((m) => m.name.endsWith("*"))).toBe(true);
    expect(gang.cases.map((c) => c.id).sort()).toEqual([one, two].sort());
    for (const caseId of [one, two]) expect(await getDb().caseEvent.count({ where: { caseId, kind: "gang_dismantled" } })).toBe(1);
    expect((await rejection(dismantleGang(team.outsider.actor, { id: gangId, version: 2, dismantledAt: ago(1) }))).status).toBe(404);
  });
});

describe("seized items", () => {
  it("totals quantities by type per case and per unit, and records dispositions", async () => {
    const precinct = team.branch.precincts[0]!;
    const local = await makeUser(precinct, "INVESTIGATOR");
    const a = (await createCase(team.investigator.actor, caseInput())).id;
    const b = (await createCase(local.actor, caseInput())).id;
    await addSeizedItem(team.investigator.actor, { id: a, type: "SIM_CARD", quantity: 120, seizedAt: ago(3), storage: "分局涉案财物管理中心" });
    await addSeizedItem(team.investigator.actor, { id: a, type: "SIM_CARD", quantity: "35", seizedAt: ago(2) });
    const { id: pos } = await addSeizedItem(team.investigator.actor, { id: a, type: "POS", quantity: 2, seizedAt: ago(2) });
    await addSeizedItem(local.actor, { id: b, type: "GOIP", quantity: 3, seizedAt: ago(1) });
    const c = await getCase(team.investigator.actor, { id: a });
    expect(Object.fromEntries(c.seizedTotals.map((t) => [t.type, t.quantity]))).toEqual({ SIM_CARD: 155, POS: 2 });
    await updateSeizedItem(team.investigator.actor, { id: a, subId: pos, version: 1, disposition: "CONFISCATED" });
    expect((await getCase(team.investigator.actor, { id: a })).seizedItems.find((i) => i.id === pos)!.disposition).toBe("CONFISCATED");

    const byUnit = await seizedTotalsByUnit(team.investigator.actor);
    expect(byUnit.find((u) => u.unitCode === team.branch.code)).toMatchObject({ totals: { SIM_CARD: 155, POS: 2 }, all: 157 });
    expect(byUnit.find((u) => u.unitCode === precinct.code)).toMatchObject({ totals: { GOIP: 3 }, all: 3 });
    expect((await seizedTotalsByUnit(local.actor)).map((u) => u.unitCode)).toEqual([precinct.code]);
  });

  it("refuses bad quantities and future dates, writing nothing", async () => {
    const { actor } = team.investigator;
    const id = (await createCase(actor, caseInput())).id;
    await transitionCase(actor, { id, to: "PENDING_APPROVAL", version: 1 });
    const before = await caseFootprint(team.branch.id, actor.id);
    for (const [input, path, code] of [
      [{ type: "PHONE", quantity: 0, seizedAt: ago(1) }, "quantity", "invalid_quantity"],
      [{ type: "PHONE", quantity: 1.5, seizedAt: ago(1) }, "quantity", "invalid_quantity"],
      [{ type: "PHONE", quantity: 1, seizedAt: "2999-01-01" }, "seizedAt", "in_future"],
      [{ type: "DRONE", quantity: 1, seizedAt: ago(1) }, "type", "invalid_value"],
    ] as const) {
      const e = await rejection(addSeizedItem(actor, { id, ...input }));
      expect(e.details[0], code).toMatchObject({ path, code });
    }
    expect(await caseFootprint(team.branch.id, actor.id)).toEqual(before);
  });
});
