// Writes checked against the record as it is once locked: a case write queued behind a closure or
// a transfer sees the case closed or gone from its jurisdiction, a measure revoked on appeal keeps
// the end date the decision gave it, and two 并案 confirmations at once leave one group. Races are
// forced with the audit chain's lock (./races).
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { transitionCase } from "@/lib/cases/transition-case";
import { transferCase } from "@/lib/cases/transfer-case";
import { requestFreeze } from "@/lib/cases/freezes";
import { createMeasure, updateMeasure } from "@/lib/publicity/measures";
import { decideAppeal, registerAppeal } from "@/lib/appeals/commands";
import { decideCaseLink, proposeCaseLink } from "@/lib/contacts/commands";
import { addDays, chinaToday, dayToDate } from "@/lib/time/china";
import { makeUnitTree, makeUser, type TestTree } from "@/tests/factories";
import { bankCard, caseInStatus, caseTeam, type CaseTeam } from "./cases-fixtures";
import { race } from "./races";

let team: CaseTeam;
let tree: TestTree;
beforeAll(async () => {
  team = await caseTeam();
  tree = await makeUnitTree();
});

describe("cases: a write checks the case as it is once locked", () => {
  const freeze = (id: string) => ({ id, kind: "FREEZE", bankName: "中国工商银行", accountNumber: bankCard(), amountRequested: "5000.00" });

  it("a freeze requested while a colleague closes the case is refused as case_closed and adds nothing", async () => {
    const c = await caseInStatus(team.branch, "PROSECUTED", null);
    const { actor: colleague } = await makeUser(team.branch, "INVESTIGATOR");
    // The colleague closes the case (locked, written, at its audit record); the freeze waits for the lock.
    const [closed, requested] = await race<unknown>([
      () => transitionCase(colleague, { id: c.id, to: "CLOSED", version: c.version }),
      () => requestFreeze(team.investigator.actor, freeze(c.id)),
    ]);
    expect(closed).toMatchObject({ status: "CLOSED" });
    const after = await getDb().fraudCase.findUniqueOrThrow({ where: { id: c.id }, select: { status: true, _count: { select: { freezes: true } } } });
    expect(after.status).toBe("CLOSED");
    expect(after._count.freezes).toBe(0);
    expect(requested).toBeInstanceOf(AppError);
    expect((requested as AppError).details.map((d) => d.code)).toEqual(["case_closed"]);
  });

  it("a freeze requested while the case is transferred to another branch is a 404 for the old branch and adds nothing", async () => {
    const c = await caseInStatus(team.branch, "INVESTIGATING", null);
    const { actor: colleague } = await makeUser(team.branch, "INVESTIGATOR");
    const [moved, requested] = await race<unknown>([
      () => transferCase(colleague, { id: c.id, version: c.version, toUnitCode: team.other.code, reason: "嫌疑人落脚地在该分局辖区" }),
      () => requestFreeze(team.investigator.actor, freeze(c.id)),
    ]);
    expect(moved).toMatchObject({ unitCode: team.other.code });
    expect(await getDb().freezeRequest.count({ where: { caseId: c.id } })).toBe(0);
    expect(requested).toBeInstanceOf(AppError);
    expect((requested as AppError).status).toBe(404);
  });
});

describe("申诉: a measure revoked on appeal stays revoked as decided", () => {
  it("editing a revoked measure is refused (409 already_revoked) and its end date stays the revocation day", async () => {
    const today = chinaToday();
    const unit = tree.branches[0]!.precincts[0]!;
    const { actor: registrar } = await makeUser(unit, "OFFICER");
    const { actor: reviewer } = await makeUser(unit, "DISPATCHER");
    const fields = {
      unitCode: unit.code, personName: "王小明", personIdNumber: "420302199001011237", measure: "RESTRICT_CALLS",
      startsOn: addDays(today, -20), endsOn: addDays(today, 60), reason: "名下电话卡被用于实施诈骗，限制通话功能",
    };
    const m = await createMeasure(registrar, fields);
    const appeal = await registerAppeal(registrar, {
      measureId: m.id, appellantName: "王小明", appellantPhone: "13812345678", appellantIdNumber: "420302199001011237",
      grounds: "该电话卡已于案发前挂失，并非本人使用", evidence: ["挂失证明"], receivedOn: today,
    });
    await decideAppeal(reviewer, { id: appeal.id, version: 1, decision: "REVOKED", reason: "电话卡确系被冒用" });
    const revoked = await getDb().disciplinaryMeasure.findUniqueOrThrow({ where: { id: m.id } });
    expect(revoked).toMatchObject({ revokedOn: dayToDate(today), endsOn: dayToDate(today) });

    // The registrar "corrects" the measure afterwards, from the form still showing the old end date.
    const edit = await updateMeasure(registrar, { ...fields, personName: "", personIdNumber: "", id: m.id, version: String(revoked.version) })
      .then(() => "written", (e: unknown) => e);
    expect(edit).toBeInstanceOf(AppError);
    expect((edit as AppError).status).toBe(409);
    expect((edit as AppError).details.map((d) => d.code)).toEqual(["already_revoked"]);
    const after = await getDb().disciplinaryMeasure.findUniqueOrThrow({ where: { id: m.id } });
    expect(after).toMatchObject({ endsOn: dayToDate(today), version: revoked.version });
  });
});

describe("并案: confirmed links stay linked when two confirmations run at once", () => {
  it("confirming C–D while A–B merges B's group (which holds C) into A's leaves all five cases in one group", async () => {
    const unit = team.branch;
    const { actor: inv } = team.investigator;
    const { actor: chief } = team.chief;
    const { actor: chief2 } = await makeUser(unit, "INVESTIGATOR", { grants: ["cases:approve"] });
    // A's id sorts before B's: A's group is the one A–B keeps (mergeGroups takes the first by id).
    const pair = [await caseInStatus(unit, "INVESTIGATING", null), await caseInStatus(unit, "INVESTIGATING", null)].sort((x, y) => x.id.localeCompare(y.id));
    const [A, B] = [pair[0]!, pair[1]!];
    const A2 = await caseInStatus(unit, "INVESTIGATING", null);
    const C = await caseInStatus(unit, "INVESTIGATING", null);
    const D = await caseInStatus(unit, "INVESTIGATING", null);
    const link = async (x: string, y: string) => {
      const p = await proposeCaseLink(inv, { id: x, otherCaseId: y, reason: "同一收款账户" });
      await decideCaseLink(chief, { id: p.id, decision: "confirm", version: p.version });
    };
    await link(A.id, A2.id); // A, A2: group g1
    await link(B.id, C.id); // B, C: group g2
    const ab = await proposeCaseLink(inv, { id: A.id, otherCaseId: B.id, reason: "同一诈骗话术" });
    const cd = await proposeCaseLink(inv, { id: C.id, otherCaseId: D.id, reason: "同一诈骗号码" });
    const [cdDone, abDone] = await race<unknown>([
      () => decideCaseLink(chief, { id: cd.id, decision: "confirm", version: cd.version }),
      () => decideCaseLink(chief2, { id: ab.id, decision: "confirm", version: ab.version }),
    ]);
    expect(cdDone).toMatchObject({ status: "CONFIRMED" });
    expect(abDone).toMatchObject({ status: "CONFIRMED" });
    const groups = new Map((await getDb().fraudCase.findMany({ where: { id: { in: [A.id, A2.id, B.id, C.id, D.id] } }, select: { id: true, groupId: true } })).map((r) => [r.id, r.groupId]));
    // Both links confirmed: all five cases are one group (D was once left behind in C's old group).
    expect(groups.get(D.id)).toBe(groups.get(C.id));
    expect(new Set(groups.values()).size).toBe(1);
  });
});
