import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertFreezeTransition, assertSuspectTransition, canTransfer, CASE_STATUSES, CASE_TRANSITIONS, caseStep, FREEZE_TRANSITIONS, isTerminal, SUSPECT_TRANSITIONS } from "@/lib/cases/state-machine";
import { FREEZE_STATUSES, SUSPECT_STATUSES } from "@/lib/cases/enums";

describe("case state machine", () => {
  it("is the lifecycle of DESIGN.md: one main line with two side exits", () => {
    const edges = CASE_STATUSES.flatMap((from) => CASE_TRANSITIONS[from].map((s) => `${from}>${s.to}`)).sort();
    expect(edges).toEqual([
      "FILED>INVESTIGATING", "FILED>SUSPENDED", "INVESTIGATING>SOLVED", "INVESTIGATING>SUSPENDED", "PENDING_APPROVAL>FILED",
      "PENDING_APPROVAL>NOT_FILED", "PROSECUTED>CLOSED", "REPORTED>PENDING_APPROVAL", "SOLVED>PROSECUTED", "SUSPENDED>INVESTIGATING",
    ]);
  });

  it("needs the approval permission exactly for the filing decision, and a reason for refusing or suspending", () => {
    for (const from of CASE_STATUSES) {
      for (const step of CASE_TRANSITIONS[from]) {
        expect(step.permission === "cases:approve", `${from}>${step.to}`).toBe(from === "PENDING_APPROVAL");
        expect(!!step.noteRequired, `${from}>${step.to}`).toBe(step.to === "NOT_FILED" || step.to === "SUSPENDED");
      }
    }
  });

  it("answers every forbidden step with a 409 naming it", () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        const ok = CASE_TRANSITIONS[from].some((s) => s.to === to);
        if (ok) expect(caseStep(from, to).to).toBe(to);
        else {
          const e = (() => { try { caseStep(from, to); } catch (err) { return err; } })() as AppError;
          expect(e.status).toBe(409);
          expect(e.details[0]!.code).toBe("invalid_transition");
        }
      }
    }
  });

  it("ends at CLOSED and NOT_FILED; never transfers a case awaiting its decision", () => {
    expect(CASE_STATUSES.filter(isTerminal)).toEqual(["CLOSED", "NOT_FILED"]);
    expect(CASE_STATUSES.filter(canTransfer)).toEqual(["REPORTED", "FILED", "INVESTIGATING", "SOLVED", "PROSECUTED", "SUSPENDED"]);
  });
});

describe("freeze and suspect state machines", () => {
  it("lets a request be answered once, then released or expired", () => {
    const allowed = FREEZE_STATUSES.flatMap((f) => FREEZE_TRANSITIONS[f].map((t) => `${f}>${t}`)).sort();
    expect(allowed).toEqual(["EXECUTED>EXPIRED", "EXECUTED>RELEASED", "PARTIAL>EXPIRED", "PARTIAL>RELEASED", "REQUESTED>EXECUTED", "REQUESTED>FAILED", "REQUESTED>PARTIAL"]);
    expect(() => assertFreezeTransition("FAILED", "EXECUTED")).toThrow(AppError);
  });

  it("moves a suspect from wanted to arrested, detained, then prosecuted or released", () => {
    const allowed = SUSPECT_STATUSES.flatMap((f) => SUSPECT_TRANSITIONS[f].map((t) => `${f}>${t}`)).sort();
    expect(allowed).toEqual(["ARRESTED>DETAINED", "ARRESTED>RELEASED", "DETAINED>PROSECUTED", "DETAINED>RELEASED", "WANTED>ARRESTED"]);
    expect(() => assertSuspectTransition("WANTED", "PROSECUTED")).toThrow(AppError);
  });
});
