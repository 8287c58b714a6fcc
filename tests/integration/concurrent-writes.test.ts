// Writes that raced or bypassed a rule (a hostile tester's round): money returned against a loss
// corrected, an action against a resolution committed meanwhile, a double-submitted appeal.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { createCase } from "@/lib/cases/create-case";
import { getCase } from "@/lib/cases/case-detail";
import { recordRecovery } from "@/lib/cases/recoveries";
import { updateVictim } from "@/lib/cases/facts";
import { caseInput, caseTeam, type CaseTeam } from "./cases-fixtures";
import { applyTransition, logWarningAction, transitionWarning, warningForTransition } from "@/lib/warnings/commands";
import { createMeasure } from "@/lib/publicity/measures";
import { registerAppeal } from "@/lib/appeals/commands";
import { addDays, chinaToday } from "@/lib/time/china";
import { makeUser } from "@/tests/factories";
import { fieldTeam, precinctWarning, type FieldTeam } from "./field-fixtures";
import { lockWaiters } from "./races";

let team: CaseTeam;
let field: FieldTeam;
beforeAll(async () => {
  team = await caseTeam();
  field = await fieldTeam();
});

describe("money: returned to a victim never exceeds their loss", () => {
  it("a victim's loss cannot be corrected below what was already returned to them", async () => {
    const { actor } = team.investigator;
    const { id } = await createCase(actor, caseInput({ victims: [{ name: "王秀兰", lossAmount: "1000.00" }], accounts: [] }));
    const victim = (await getCase(actor, { id })).victims[0]!;
    const now = new Date().toISOString();
    await recordRecovery(actor, { id, amount: "800.00", recoveredAt: now, method: "SEIZED_CASH", victimId: victim.id, returnedAmount: "800.00", returnedAt: now });
    // Lowering the loss to 500 would leave 800 returned against a 500 loss: it is refused on the field.
    const refused = await updateVictim(actor, { id, subId: victim.id, version: victim.version, lossAmount: "500.00" }).catch((e: AppError) => [e.code, e.details.map((d) => [d.path, d.code])]);
    expect(refused).toEqual(["VALIDATION", [["lossAmount", "below_returned"]]]);
    // To 800 it is accepted.
    await updateVictim(actor, { id, subId: victim.id, version: victim.version, lossAmount: "800.00" });
    const v = await getDb().caseVictim.findUniqueOrThrow({ where: { id: victim.id }, select: { lossAmount: true } });
    const returned = await getDb().fundRecovery.aggregate({ where: { victimId: victim.id }, _sum: { returnedAmount: true } });
    expect(Number(returned._sum.returnedAmount)).toBeLessThanOrEqual(Number(v.lossAmount));
  });
});

describe("warnings: an action is never logged on a warning resolved meanwhile", () => {
  it("a 96110 call logged while another dispatcher resolves the warning is refused (409), not written on the resolved warning", async () => {
    const d = field.dispatcher.actor;
    const w0 = await precinctWarning(field);
    await transitionWarning(d, { id: w0.id, to: "ACKNOWLEDGED", version: w0.version });
    await logWarningAction(d, { id: w0.id, kind: "HOTLINE_CALL", result: "UNANSWERED" }); // IN_PROGRESS, first contact set
    const before = await getDb().dissuasionAction.count({ where: { warningId: w0.id } });
    const other = await makeUser(field.tree.center, "DISPATCHER");

    // Dispatcher B resolves the warning (the real transition), and commits only once A's call is in flight.
    let release!: () => void;
    let written!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const resolvedUncommitted = new Promise<void>((r) => (written = r));
    const resolving = getDb().$transaction(async (tx) => {
      const w = (await warningForTransition(tx, w0.id, [w0.unitId]))!;
      await applyTransition(tx, other.actor, w, "RESOLVED", w.version, { outcome: "FALSE_POSITIVE" }, new Date());
      written();
      await gate;
    }, { timeout: 20_000 });
    await resolvedUncommitted;
    // Dispatcher A logs a call: it read the warning IN_PROGRESS before B committed.
    const logging = logWarningAction(d, { id: w0.id, kind: "HOTLINE_CALL", result: "DISSUADED", amountProtected: "5000.00" }).then(
      () => "written", (e: unknown) => e);
    await expect.poll(lockWaiters, { timeout: 10_000, interval: 25 }).toBeGreaterThan(0);
    release();
    await resolving;
    const outcome = await logging;

    const w = await getDb().warning.findUniqueOrThrow({ where: { id: w0.id }, select: { status: true, outcome: true } });
    expect(w).toEqual({ status: "RESOLVED", outcome: "FALSE_POSITIVE" });
    // A gets a 409 and nothing is written on the resolved (false positive) warning.
    expect((outcome as AppError).code).toBe("VERSION_CONFLICT");
    expect(await getDb().dissuasionAction.count({ where: { warningId: w0.id } })).toBe(before);
  });
});

describe("appeals: one open appeal per measure", () => {
  it("concurrent registrations of an appeal against the same measure leave one open appeal", async () => {
    const unit = field.precinct;
    const { actor } = await makeUser(unit, "OFFICER");
    const today = chinaToday();
    const m = await createMeasure(actor, {
      personName: "王小明", personIdNumber: "420302199001011237", measure: "RESTRICT_CALLS", startsOn: addDays(today, -10), endsOn: addDays(today, 30),
      reason: "名下电话卡被用于实施诈骗，限制通话功能", unitCode: unit.code,
    });
    const input = { measureId: m.id, appellantName: "王小明", grounds: "该电话卡已于案发前挂失，并非本人使用", receivedOn: today };
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => registerAppeal(actor, input)));
    const open = await getDb().appeal.count({ where: { measureId: m.id, status: { in: ["RECEIVED", "UNDER_REVIEW"] } } });
    expect(results.filter((r) => r.status === "fulfilled").length).toBe(1);
    expect(results.flatMap((r) => (r.status === "rejected" ? [(r.reason as AppError).details.map((d) => d.code)] : []))).toEqual([["appeal_open"], ["appeal_open"], ["appeal_open"]]);
    expect(open).toBe(1);
    // The database holds the rule for any other writer too.
    const first = await getDb().appeal.findFirstOrThrow({ where: { measureId: m.id } });
    const { id: _id, ...copy } = first;
    await expect(getDb().appeal.create({ data: { ...copy, evidence: first.evidence ?? [] } })).rejects.toThrow(/appeals_one_open|Unique constraint/);
  });
});
