import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { CaseStatus } from "@/lib/generated/prisma/enums";
import { createCase } from "@/lib/cases/create-case";
import { chinaYear } from "@/lib/time/china";
import { getCase } from "@/lib/cases/case-detail";
import { approvalTasks, transferNotice } from "@/lib/cases/queries";
import { CASE_STATUSES } from "@/lib/cases/state-machine";
import { transitionCase } from "@/lib/cases/transition-case";
import { transferCase } from "@/lib/cases/transfer-case";
import { makeUser } from "@/tests/factories";
import { caseFootprint, caseInput, idNumber, caseInStatus, caseTeam, rejection, type CaseTeam } from "./cases-fixtures";

let team: CaseTeam;
beforeAll(async () => {
  team = await caseTeam();
});

describe("intake", () => {
  it("numbers cases per handling unit and year from 00001, with victims, stop-payments, timeline and audit", async () => {
    const { actor } = team.investigator;
    const year = chinaYear(new Date());
    const a = await createCase(actor, caseInput({
      victims: [
        { name: "王秀兰", lossAmount: "0.10" },
        { name: "李建国", phone: "13912345678", lossAmount: "0.20" },
      ],
    }));
    const b = await createCase(actor, caseInput());
    expect(a.caseNumber).toBe(`${team.branch.code}-${year}-00001`);
    expect(b.caseNumber).toBe(`${team.branch.code}-${year}-00002`);

    const c = await getCase(actor, { id: a.id });
    expect(c.status).toBe("REPORTED");
    expect(c.money.loss).toBe("0.30"); // 0.1 + 0.2, exactly
    expect(c.victims.map((v) => v.name)).toEqual(["王**", "李**"]);
    expect(c.victims[1]!.phone).toBe("139****5678");
    expect(c.freezes).toHaveLength(1);
    expect(c.freezes[0]).toMatchObject({ kind: "STOP_PAYMENT", status: "REQUESTED", amountRequested: "0.10" });
    expect(c.freezes[0]!.accountNumber).toMatch(/^622202\*+\d{4}$/);
    expect(c.timeline.map((e) => e.kind).sort()).toEqual(["created", "freeze_requested", "victim_added", "victim_added"]);
    expect(await getDb().auditLog.count({ where: { action: "case.create", entityId: a.id } })).toBe(1);
    // Nothing unmasked in what the page or the API sends.
    expect(JSON.stringify(c)).not.toContain("13912345678");
  });

  it("numbers concurrent intakes of one unit without gaps or duplicates", async () => {
    const { actor } = await makeUser(team.branch.precincts[1]!, "INVESTIGATOR");
    const made = await Promise.all(Array.from({ length: 6 }, () => createCase(actor, caseInput())));
    const seqs = made.map((m) => Number(m.caseNumber.slice(-5))).sort((x, y) => x - y);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("refuses bad input with the field and reason, and writes nothing", async () => {
    const { actor } = team.investigator;
    const before = await caseFootprint(team.branch.id, actor.id);
    const good = idNumber(123);
    const badId = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    const bad: [Record<string, unknown>, string, string][] = [
      [{ victims: [{ name: "张三", phone: "12345", lossAmount: "1.00" }] }, "victims.0.phone", "invalid_phone"],
      [{ victims: [{ name: "张三", idNumber: badId, lossAmount: "1.00" }] }, "victims.0.idNumber", "invalid_id_number"],
      [{ victims: [{ name: "张三", lossAmount: "1.005" }] }, "victims.0.lossAmount", "invalid_money"],
      [{ victims: [{ name: "张三", lossAmount: 12.5 }] }, "victims.0.lossAmount", "invalid_money"],
      [{ victims: [] }, "victims", "victims_required"],
      [{ accounts: [{ bankName: "工商银行", accountNumber: "6222020200112233440", amount: "5.00" }] }, "accounts.0.accountNumber", "invalid_bank_card"],
      [{ lossAt: "2099-01-01T00:00" }, "lossAt", "in_future"],
      [{ lossAt: "2026-02-30" }, "lossAt", "invalid_datetime"],
      [{ unitId: team.other.id }, "", "unknown_keys"],
      [{ source: "WARNING" }, "source", "invalid_value"],
    ];
    for (const [over, path, code] of bad) {
      const e = await rejection(createCase(actor, caseInput(over)));
      expect(e.status, JSON.stringify(over)).toBe(422);
      expect(e.details, JSON.stringify(over)).toContainEqual(expect.objectContaining({ path, code }));
    }
    expect(await caseFootprint(team.branch.id, actor.id)).toEqual(before);
  });
});

describe("state machine", () => {
  // The specification, written out independently of the table in lib/cases/state-machine.ts.
  const ALLOWED = new Set([
    "REPORTED>PENDING_APPROVAL", "PENDING_APPROVAL>FILED", "PENDING_APPROVAL>NOT_FILED", "FILED>INVESTIGATING", "FILED>SUSPENDED",
    "INVESTIGATING>SOLVED", "INVESTIGATING>SUSPENDED", "SUSPENDED>INVESTIGATING", "SOLVED>PROSECUTED", "PROSECUTED>CLOSED",
  ]);
  const allowed = (from: CaseStatus, to: CaseStatus) => ALLOWED.has(`${from}>${to}`);
  const pairs = CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)("%s → %s is allowed exactly when the table says so", async (from, to) => {
    const c = await caseInStatus(team.branch, from, team.investigator.user.id);
    const decision = from === "PENDING_APPROVAL";
    const actor = decision ? team.chief.actor : team.investigator.actor;
    const attempt = transitionCase(actor, { id: c.id, to, version: c.version, note: "依法处理" });
    if (allowed(from, to)) {
      await expect(attempt).resolves.toMatchObject({ status: to, version: c.version + 1 });
      const events = await getDb().caseEvent.findMany({ where: { caseId: c.id } });
      expect(events).toHaveLength(1);
      expect(events[0]!.data).toMatchObject({ from, to });
    } else {
      const e = await rejection(attempt);
      expect(e.status).toBe(409);
      expect(e.details[0]).toMatchObject({ path: "to", code: "invalid_transition" });
      expect((await getDb().fraudCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe(from);
    }
  });

  it("stamps each step's time and who filed it, and shows how long each step took", async () => {
    const { investigator, chief } = team;
    const { id } = await createCase(investigator.actor, caseInput());
    let v = (await transitionCase(investigator.actor, { id, to: "PENDING_APPROVAL", version: 1 })).version;
    v = (await transitionCase(chief.actor, { id, to: "FILED", version: v, note: "符合立案条件" })).version;
    v = (await transitionCase(investigator.actor, { id, to: "INVESTIGATING", version: v })).version;
    const row = await getDb().fraudCase.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ submittedById: investigator.user.id, approvedById: chief.user.id, status: "INVESTIGATING", version: v });
    expect(row.submittedAt).not.toBeNull();
    expect(row.filedAt!.getTime()).toBeGreaterThanOrEqual(row.submittedAt!.getTime());
    const approval = await getDb().caseApproval.findFirstOrThrow({ where: { caseId: id } });
    expect(approval).toMatchObject({ requestedById: investigator.user.id, decidedById: chief.user.id, decision: "APPROVED" });
    const c = await getCase(investigator.actor, { id });
    expect(c.steps.steps.map((s) => s.status)).toEqual(["REPORTED", "PENDING_APPROVAL", "FILED", "INVESTIGATING"]);
    expect(c.steps.steps.at(-1)!.current).toBe(true);
    expect(c.steps.approvalMs).not.toBeNull();
  });

  it("needs a reason to refuse filing or to suspend, and refuses stale versions — changing nothing", async () => {
    const c = await caseInStatus(team.branch, "PENDING_APPROVAL", team.investigator.user.id);
    const e = await rejection(transitionCase(team.chief.actor, { id: c.id, to: "NOT_FILED", version: c.version }));
    expect(e.status).toBe(422);
    expect(e.details[0]).toMatchObject({ path: "note", code: "reason_required" });
    expect((await rejection(transitionCase(team.chief.actor, { id: c.id, to: "FILED", version: c.version + 5 }))).status).toBe(409);
    expect(await getDb().fraudCase.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "PENDING_APPROVAL", version: c.version });
    expect(await getDb().caseEvent.count({ where: { caseId: c.id } })).toBe(0);
  });
});

describe("two-person rule and the approval chain", () => {
  it("never lets the submitter decide, even when they may approve", async () => {
    const { chief, investigator } = team;
    const { id } = await createCase(chief.actor, caseInput());
    await transitionCase(chief.actor, { id, to: "PENDING_APPROVAL", version: 1 });
    const e = await rejection(transitionCase(chief.actor, { id, to: "FILED", version: 2 }));
    expect(e.status).toBe(403);
    expect(e.details[0]).toMatchObject({ code: "two_person_rule" });
    expect(await getDb().auditLog.count({ where: { action: "authz.denied", entityId: id, actorId: chief.user.id } })).toBe(1);
    // An investigator without the approval permission cannot either.
    expect((await rejection(transitionCase(investigator.actor, { id, to: "FILED", version: 2 }))).details[0]).toMatchObject({ code: "missing_permission" });
    // A second approver of the chain can.
    const second = await makeUser(team.branch, "INVESTIGATOR", { grants: ["cases:approve"] });
    await expect(transitionCase(second.actor, { id, to: "FILED", version: 2 })).resolves.toMatchObject({ status: "FILED" });
  });

  it("lets the branch decide on its precinct's case, not another branch (404) nor the city's 反诈中心 (403)", async () => {
    const precinct = team.branch.precincts[0]!;
    const officer = await makeUser(precinct, "INVESTIGATOR");
    const { id } = await createCase(officer.actor, caseInput());
    await transitionCase(officer.actor, { id, to: "PENDING_APPROVAL", version: 1 });
    expect((await rejection(transitionCase(team.outsider.actor, { id, to: "FILED", version: 2 }))).status).toBe(404);
    const center = await makeUser(team.tree.center, "INVESTIGATOR", { grants: ["cases:approve"] });
    const e = await rejection(transitionCase(center.actor, { id, to: "FILED", version: 2 }));
    expect(e.status).toBe(403);
    expect(e.details[0]).toMatchObject({ code: "not_in_chain" });
    await expect(transitionCase(team.chief.actor, { id, to: "FILED", version: 2 })).resolves.toMatchObject({ status: "FILED" });
  });

  it("puts waiting cases on the approver's task list, oldest first, minus their own", async () => {
    const mine = await caseInStatus(team.branch, "PENDING_APPROVAL", team.chief.user.id);
    const theirs = await caseInStatus(team.branch, "PENDING_APPROVAL", team.investigator.user.id);
    const ids = (await approvalTasks(team.chief.actor)).map((t) => t.id);
    expect(ids).toContain(theirs.id);
    expect(ids).not.toContain(mine.id);
    expect(await approvalTasks(team.investigator.actor)).toEqual([]);
    expect((await approvalTasks(team.outsider.actor)).map((t) => t.id)).not.toContain(theirs.id);
  });
});

describe("transfer (流转)", () => {
  it("hands the case to another branch: the receiver sees it, the sender no longer does", async () => {
    const { investigator, outsider } = team;
    const { id } = await createCase(investigator.actor, caseInput());
    const r = await transferCase(investigator.actor, { id, toUnitCode: team.other.code, reason: "嫌疑人在张湾区落脚，移交侦办", version: 1 });
    expect(r).toMatchObject({ version: 2, unitCode: team.other.code });
    expect((await rejection(getCase(investigator.actor, { id }))).status).toBe(404);
    const c = await getCase(outsider.actor, { id });
    expect(c.transfers).toHaveLength(1);
    expect(c.steps.firstTransferMs).not.toBeNull();
    // Stored by unit code, shown by unit name.
    expect(c.timeline[0]).toMatchObject({ kind: "transferred", data: { fromUnit: team.branch.name, toUnit: team.other.name } });
    const stored = await getDb().caseEvent.findFirstOrThrow({ where: { caseId: id, kind: "transferred" } });
    expect(stored.data).toMatchObject({ fromUnit: team.branch.code, toUnit: team.other.code });

    // The sender's list says where it went; nobody else's does, whatever the link says.
    expect(await transferNotice(investigator.actor, { caseNumber: r.caseNumber })).toEqual({ caseNumber: r.caseNumber, unitName: team.other.name });
    expect(await transferNotice(outsider.actor, { caseNumber: r.caseNumber })).toBeNull();
    expect(await transferNotice(investigator.actor, { caseNumber: "420302-2026-99999" })).toBeNull();
  });

  it("refuses a transfer while the filing decision is pending, to the same unit, or to an unknown unit", async () => {
    const pending = await caseInStatus(team.branch, "PENDING_APPROVAL", team.investigator.user.id);
    const e = await rejection(transferCase(team.investigator.actor, { id: pending.id, toUnitCode: team.other.code, reason: "移交", version: 1 }));
    expect(e.details[0]).toMatchObject({ code: "cannot_transfer" });
    const { id } = await createCase(team.investigator.actor, caseInput());
    const same = await rejection(transferCase(team.investigator.actor, { id, toUnitCode: team.branch.code, reason: "移交", version: 1 }));
    expect(same.details[0]).toMatchObject({ path: "toUnitCode", code: "same_unit" });
    const unknown = await rejection(transferCase(team.investigator.actor, { id, toUnitCode: "99999999", reason: "移交", version: 1 }));
    expect(unknown.details[0]).toMatchObject({ path: "toUnitCode", code: "unknown_unit" });
    expect(await getDb().caseTransfer.count({ where: { caseId: { in: [pending.id, id] } } })).toBe(0);
  });
});
