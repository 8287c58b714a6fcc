import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { chinaYear } from "@/lib/time/china";
import { getCase } from "@/lib/cases/case-detail";
import { openCaseFromWarning } from "@/lib/cases/open-case-from-warning";
import { makeUser } from "@/tests/factories";
import { caseTeam, idNumber, mobile, type CaseTeam } from "./cases-fixtures";

let team: CaseTeam;
beforeAll(async () => {
  team = await caseTeam();
});

/** A warning of a precinct, as the warnings domain holds it when an officer finds the victim already paid. */
async function precinctWarning(over: { victimName?: string | null; amountAtRisk?: string | null } = {}) {
  const now = new Date();
  return getDb().warning.create({
    data: {
      source: "NATIONAL", externalId: `W-${randomUUID()}`, riskLevel: "HIGH", fraudType: "IMPERSONATE_OFFICIAL", status: "IN_PROGRESS",
      receivedAt: new Date(now.getTime() - 2 * 3_600_000), lastSeenAt: now, victimName: "victimName" in over ? over.victimName : "刘桂芳",
      victimPhone: mobile(), victimIdNumber: idNumber(321), contactChannel: "PHONE", contactValue: "+85261234567",
      amountAtRisk: "amountAtRisk" in over ? over.amountAtRisk : "48000.50",
      unitId: team.branch.precincts[0]!.id, routedBy: "ADDRESS",
      ackDueAt: now, contactDueAt: now, resolveDueAt: now,
    },
  });
}

describe("openCaseFromWarning (called by the warnings domain)", () => {
  it("opens a REPORTED case of the precinct's branch, linked, with the victim — in the caller's transaction", async () => {
    const officer = await makeUser(team.branch.precincts[0]!, "OFFICER");
    const w = await precinctWarning();
    const opened = await getDb().$transaction(async (tx) => {
      // The warnings domain resolves the warning in the same transaction.
      await tx.warning.update({ where: { id: w.id }, data: { status: "RESOLVED", outcome: "ALREADY_DEFRAUDED", version: { increment: 1 } } });
      return openCaseFromWarning(tx, officer.actor, w);
    });
    expect(opened.created).toBe(true);
    expect(opened.caseNumber).toMatch(new RegExp(`^${team.branch.code}-${chinaYear(new Date())}-\\d{5}$`));
    expect((await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).caseId).toBe(opened.id);

    const c = await getCase(team.investigator.actor, { id: opened.id });
    expect(c).toMatchObject({ status: "REPORTED", source: "WARNING", fraudType: "IMPERSONATE_OFFICIAL", unit: { code: team.branch.code } });
    expect(c.money.loss).toBe("48000.50");
    expect(c.victims).toHaveLength(1);
    expect(c.victims[0]).toMatchObject({ name: "刘**", lossAmount: "48000.50" });
    expect(c.victims[0]!.phone).toMatch(/^138\*{4}\d{4}$/);
    expect(c.warnings.map((x) => x.id)).toEqual([w.id]);
    expect(c.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(["created", "warning_linked", "victim_added"]));
    expect(await getDb().auditLog.count({ where: { action: "case.create", entityId: opened.id, actorId: officer.user.id } })).toBe(1);
  });

  it("links instead of opening a second case when called again, even concurrently", async () => {
    const w = await precinctWarning();
    const { actor } = team.investigator;
    const results = await Promise.all([1, 2, 3].map(() => getDb().$transaction((tx) => openCaseFromWarning(tx, actor, w))));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await getDb().fraudCase.count({ where: { warnings: { some: { id: w.id } } } })).toBe(1);
  });

  it("rolls back with the caller: a failed resolution leaves no case", async () => {
    const w = await precinctWarning({ victimName: null, amountAtRisk: null });
    const before = await getDb().fraudCase.count({ where: { unitId: team.branch.id } });
    await expect(
      getDb().$transaction(async (tx) => {
        await openCaseFromWarning(tx, team.investigator.actor, w);
        throw new Error("the warning's version check failed");
      }),
    ).rejects.toThrow("version check");
    expect(await getDb().fraudCase.count({ where: { unitId: team.branch.id } })).toBe(before);
    expect((await getDb().warning.findUniqueOrThrow({ where: { id: w.id } })).caseId).toBeNull();
    // Without a name or amount the case still opens, for the investigator to complete.
    const opened = await getDb().$transaction((tx) => openCaseFromWarning(tx, team.investigator.actor, w));
    const c = await getCase(team.investigator.actor, { id: opened.id });
    expect(c.victims[0]!.name).toBe("姓名不详"); // a placeholder, not a name: shown as is
    expect(c.money.loss).toBe("0.00");
  });
});
