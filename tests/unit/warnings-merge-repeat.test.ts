// Issue 12.2: what an open warning becomes when repeats are absorbed into it.
import { describe, expect, it } from "vitest";
import { mergeSightings, type MergeTarget } from "@/lib/warnings/merge-repeat";
import { DEFAULT_SLA } from "@/lib/warnings/sla";

const t0 = Date.UTC(2026, 11, 1, 8, 0);
const min = (n: number) => new Date(t0 + n * 60_000);
const bare: MergeTarget = {
  id: "w", riskLevel: "HIGH", priority: 30, repeatCount: 0, lastSeenAt: min(0), amountAtRisk: null,
  victimName: null, victimIdNumber: null, victimAge: null, victimGender: "UNKNOWN", victimAddress: null, note: null,
  status: "PENDING", ackDueAt: min(10), contactDueAt: min(30), resolveDueAt: min(24 * 60), acknowledgedAt: null, firstContactAt: null, resolvedAt: null,
};

describe("mergeSightings", () => {
  it("takes the higher risk, the larger amount, and fills what the warning lacked", () => {
    const m = mergeSightings(bare, [{ at: +min(2), riskLevel: "CRITICAL", amountAtRisk: "50000.00", victim: { name: "刘某", age: 68, gender: "FEMALE", address: "某路1号" }, note: "要求转账" }], DEFAULT_SLA);
    expect(m).toMatchObject({ riskLevel: "CRITICAL", amountAtRisk: "50000.00", victimName: "刘某", victimAge: 68, victimGender: "FEMALE", victimAddress: "某路1号", note: "要求转账", repeatCount: 1, priority: 40 + 5 });
    // 特高危's ladder from the sighting that raised it: 签收 within 5 min of minute 2.
    expect(m.ackDueAt).toEqual(min(7));
    expect(m.contactDueAt).toEqual(min(12));
    expect(m.slaDueAt).toEqual(min(7));
    expect(m.lastSeenAt).toEqual(min(2));
  });

  it("never overwrites what the warning had, nor lowers its risk or amount", () => {
    const had = { ...bare, riskLevel: "CRITICAL" as const, priority: 40, amountAtRisk: "900.50", victimName: "王某", victimGender: "MALE" as const, note: "原说明" };
    const m = mergeSightings(had, [{ at: +min(5), riskLevel: "LOW", amountAtRisk: "900.05", victim: { name: "别名", gender: "FEMALE" }, note: "新说明" }], DEFAULT_SLA);
    expect(m).toMatchObject({ riskLevel: "CRITICAL", amountAtRisk: "900.50", victimName: "王某", victimGender: "MALE", note: "原说明", priority: 45 });
    expect(m.ackDueAt).toEqual(had.ackDueAt);
  });

  it("compares amounts exactly, and leaves met steps alone", () => {
    const acked = { ...bare, status: "ACKNOWLEDGED" as const, acknowledgedAt: min(1), amountAtRisk: "99999999999.99" };
    const m = mergeSightings(acked, [{ at: +min(3), riskLevel: "CRITICAL", amountAtRisk: "100000000000.00", victim: {} }], DEFAULT_SLA);
    expect(m.amountAtRisk).toBe("100000000000.00");
    expect(m.ackDueAt).toEqual(acked.ackDueAt);
    expect(m.contactDueAt).toEqual(min(13));
    expect(m.slaDueAt).toEqual(min(13));
  });
});
