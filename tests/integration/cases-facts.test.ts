// A case opened from a warning starts as 待侦查员补充案情: its facts are completed and corrected
// (versioned, audited) while the unit handles it, and it is not filed without a loss.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getCase } from "@/lib/cases/case-detail";
import { updateCaseFacts, updateVictim } from "@/lib/cases/facts";
import { PLACEHOLDER_SUMMARY, openCaseFromWarning } from "@/lib/cases/open-case-from-warning";
import { transitionCase } from "@/lib/cases/transition-case";
import { makeUser } from "@/tests/factories";
import { caseTeam, idNumber, mobile, rejection, type CaseTeam } from "./cases-fixtures";

let team: CaseTeam;
beforeAll(async () => {
  team = await caseTeam();
});

/** A case opened from a warning that named no victim and no amount: the investigator completes it. */
async function bareCaseFromWarning() {
  const officer = await makeUser(team.branch.precincts[0]!, "OFFICER");
  const now = new Date();
  const w = await getDb().warning.create({
    data: {
      source: "NATIONAL", externalId: `W-${randomUUID()}`, riskLevel: "HIGH", fraudType: "OTHER", status: "RESOLVED", outcome: "ALREADY_DEFRAUDED",
      receivedAt: new Date(now.getTime() - 3_600_000), lastSeenAt: now, victimName: null, victimPhone: mobile(), contactChannel: "PHONE",
      contactValue: "+85261234567", amountAtRisk: null, unitId: team.branch.precincts[0]!.id, routedBy: "ADDRESS", ackDueAt: now, contactDueAt: now, resolveDueAt: now,
    },
  });
  const opened = await getDb().$transaction((tx) => openCaseFromWarning(tx, officer.actor, w));
  const c = await getCase(team.investigator.actor, { id: opened.id });
  return { id: opened.id, version: c.version, victim: c.victims[0]! };
}

describe("a case opened from a warning", () => {
  it("is not submitted for filing until the facts and the loss are in, then is completed, filed and keeps every version", async () => {
    const { investigator, chief } = team;
    const c = await bareCaseFromWarning();
    expect((await getCase(investigator.actor, { id: c.id })).summary).toBe(PLACEHOLDER_SUMMARY);

    const early = await rejection(transitionCase(investigator.actor, { id: c.id, to: "PENDING_APPROVAL", version: c.version }));
    expect(early).toMatchObject({ status: 422, details: [{ path: "lossAmount", code: "loss_required" }] });

    const facts = await updateCaseFacts(investigator.actor, {
      id: c.id, version: c.version, fraudType: "IMPERSONATE_OFFICIAL", summary: "被害人接到冒充公安的电话，称其涉嫌洗钱，按指示向“安全账户”转账。",
    });
    expect(facts.version).toBe(c.version + 1);
    const phone = mobile();
    const id = idNumber(77);
    await updateVictim(investigator.actor, {
      id: c.id, subId: c.victim.id, version: c.victim.version, name: "周玉兰", phone, idNumber: id, age: "71", gender: "FEMALE", address: "十堰市茅箭区人民北路12号", lossAmount: "52000",
    });

    const done = await getCase(investigator.actor, { id: c.id });
    expect(done).toMatchObject({ fraudType: "IMPERSONATE_OFFICIAL", money: { loss: "52000.00" }, version: c.version + 1 });
    expect(done.victims[0]).toMatchObject({ name: "周**", age: 71, gender: "FEMALE", lossAmount: "52000.00", version: c.victim.version + 1 });
    const stored = await getDb().caseVictim.findUniqueOrThrow({ where: { id: c.victim.id } });
    expect(stored).toMatchObject({ name: "周玉兰", phone, idNumber: id });

    // The timeline and the audit trail say what changed, masked.
    const events = await getDb().caseEvent.findMany({ where: { caseId: c.id, kind: { in: ["facts_updated", "victim_updated"] } }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["facts_updated", "victim_updated"]);
    expect(events[0]!.data).toMatchObject({ fields: ["fraudType", "summary"], fraudType: "IMPERSONATE_OFFICIAL" });
    expect(events[1]!.data).toMatchObject({ name: "周**", lossAmount: "52000.00", previousLoss: "0.00" });
    expect(JSON.stringify(events[1]!.data)).not.toContain(phone);
    const audits = await getDb().auditLog.findMany({ where: { action: { in: ["case.facts.update", "case.victim.update"] }, details: { path: ["caseId"], equals: c.id } } });
    expect(audits).toHaveLength(2);
    expect(JSON.stringify(audits.map((a) => a.details))).not.toContain(id);

    const submitted = await transitionCase(investigator.actor, { id: c.id, to: "PENDING_APPROVAL", version: done.version });
    // While the decision is pending the facts stand as submitted.
    const locked = await rejection(updateVictim(investigator.actor, { id: c.id, subId: c.victim.id, version: c.victim.version + 1, lossAmount: "1.00" }));
    expect(locked).toMatchObject({ status: 409, details: [{ code: "facts_locked" }] });
    await transitionCase(chief.actor, { id: c.id, to: "FILED", version: submitted.version });

    // Filed: a correction may not take the loss the statistics count away, and writes nothing when refused.
    const zero = await rejection(updateVictim(investigator.actor, { id: c.id, subId: c.victim.id, version: c.victim.version + 1, lossAmount: "0" }));
    expect(zero).toMatchObject({ status: 422, details: [{ path: "lossAmount", code: "loss_required" }] });
    expect((await getCase(investigator.actor, { id: c.id })).money.loss).toBe("52000.00");
    await updateVictim(investigator.actor, { id: c.id, subId: c.victim.id, version: c.victim.version + 1, lossAmount: "51800.00" });
    expect((await getCase(investigator.actor, { id: c.id })).money.loss).toBe("51800.00");
  });

  it("refuses the placeholder account of events at filing, a stale version, and another branch's investigator", async () => {
    const c = await bareCaseFromWarning();
    await updateVictim(team.investigator.actor, { id: c.id, subId: c.victim.id, version: c.victim.version, lossAmount: "3000.00" });
    const placeholder = await rejection(transitionCase(team.investigator.actor, { id: c.id, to: "PENDING_APPROVAL", version: c.version }));
    expect(placeholder).toMatchObject({ status: 422, details: [{ path: "summary", code: "summary_required" }] });

    const stale = await rejection(updateCaseFacts(team.investigator.actor, { id: c.id, version: c.version + 5, summary: "补充案情：被害人被诱导下载会议软件。" }));
    expect(stale.status).toBe(409);
    const outside = await rejection(updateCaseFacts(team.outsider.actor, { id: c.id, version: c.version, summary: "补充案情：被害人被诱导下载会议软件。" }));
    expect(outside.status).toBe(404);
    const otherVictim = await rejection(updateVictim(team.investigator.actor, { id: c.id, subId: randomUUID(), version: 1, lossAmount: "1.00" }));
    expect(otherVictim).toMatchObject({ status: 422, details: [{ path: "subId", code: "unknown_victim" }] });
    // The form resends the times to the minute: that changes nothing and keeps their seconds.
    const stored = await getDb().fraudCase.findUniqueOrThrow({ where: { id: c.id }, select: { reportedAt: true } });
    const toMinute = new Date(Math.floor(stored.reportedAt.getTime() / 60_000) * 60_000).toISOString();
    await expect(updateCaseFacts(team.investigator.actor, { id: c.id, version: c.version, reportedAt: toMinute })).resolves.toEqual({ id: c.id, version: c.version });
    expect((await getDb().fraudCase.findUniqueOrThrow({ where: { id: c.id }, select: { reportedAt: true } })).reportedAt).toEqual(stored.reportedAt);
    const nothing = await rejection(updateCaseFacts(team.investigator.actor, { id: c.id, version: c.version }));
    expect(nothing).toMatchObject({ status: 422, details: [{ path: "_", code: "nothing_to_change" }] });
    const after = await rejection(updateCaseFacts(team.investigator.actor, { id: c.id, version: c.version, lossAt: new Date().toISOString(), reportedAt: new Date(Date.now() - 86_400_000).toISOString() }));
    expect(after).toMatchObject({ status: 422, details: [{ path: "lossAt", code: "after_report" }] });
  });
});
