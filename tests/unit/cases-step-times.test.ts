import { describe, expect, it } from "vitest";
import { stepTimes } from "@/lib/cases/step-times";
import { isExpiringSoon } from "@/lib/cases/freeze-rules";

const t0 = new Date("2026-03-01T00:00:00Z");
const at = (min: number) => new Date(t0.getTime() + min * 60_000);

describe("step times", () => {
  it("measures intake, transfer, approval and each status from the timeline", () => {
    const events = [
      { kind: "created", at: at(0), data: { status: "REPORTED" } },
      { kind: "victim_added", at: at(0), data: {} },
      { kind: "transferred", at: at(20), data: {} },
      { kind: "submitted", at: at(30), data: { from: "REPORTED", to: "PENDING_APPROVAL" } },
      { kind: "approved", at: at(90), data: { from: "PENDING_APPROVAL", to: "FILED" } },
      { kind: "status_changed", at: at(150), data: { from: "FILED", to: "INVESTIGATING" } },
    ];
    const r = stepTimes({ reportedAt: at(0), createdAt: at(5), submittedAt: at(30), status: "INVESTIGATING" }, events, at(1000));
    expect(r.intakeMs).toBe(5 * 60_000);
    expect(r.firstTransferMs).toBe(20 * 60_000);
    expect(r.approvalMs).toBe(60 * 60_000);
    expect(r.steps.map((s) => [s.status, s.ms / 60_000, s.current])).toEqual([
      ["REPORTED", 30, false], ["PENDING_APPROVAL", 60, false], ["FILED", 60, false], ["INVESTIGATING", 850, true],
    ]);
  });

  it("starts from the report when the timeline has no creation event", () => {
    const r = stepTimes({ reportedAt: at(0), createdAt: at(0), submittedAt: null, status: "REPORTED" }, [], at(45));
    expect(r.steps).toEqual([{ status: "REPORTED", from: at(0), to: null, ms: 45 * 60_000, current: true }]);
    expect(r.approvalMs).toBeNull();
  });
});

describe("expiry flag", () => {
  it("flags live holds inside their window only", () => {
    const now = at(0);
    const f = (kind: "STOP_PAYMENT" | "FREEZE", status: "EXECUTED" | "PARTIAL" | "REQUESTED" | "RELEASED", minutes: number) =>
      isExpiringSoon({ kind, status, expiresAt: at(minutes) }, now);
    expect(f("STOP_PAYMENT", "EXECUTED", 11 * 60)).toBe(true);
    expect(f("STOP_PAYMENT", "EXECUTED", 13 * 60)).toBe(false);
    expect(f("STOP_PAYMENT", "EXECUTED", -1)).toBe(false);
    expect(f("FREEZE", "PARTIAL", 6 * 24 * 60)).toBe(true);
    expect(f("FREEZE", "PARTIAL", 8 * 24 * 60)).toBe(false);
    expect(f("STOP_PAYMENT", "REQUESTED", 60)).toBe(false);
    expect(f("STOP_PAYMENT", "RELEASED", 60)).toBe(false);
  });
});
