import { describe, expect, it } from "vitest";
import { warningEffect } from "@/lib/field/outcome";
import { VISIT_OUTCOMES } from "@/lib/field/constants";
import { followUpState } from "@/lib/field/follow-ups";

describe("home visit outcome → warning", () => {
  it.each([
    ["DISSUADED", false, { resolveAs: "DISSUADED" }],
    ["DISSUADED", true, { resolveAs: "DISSUADED" }],
    ["ALREADY_PAID", false, { resolveAs: "ALREADY_DEFRAUDED" }],
    ["NOT_FRAUD", false, { resolveAs: "FALSE_POSITIVE" }],
    ["NOT_FOUND", false, { resolveAs: "UNREACHABLE" }],
    ["NOT_FOUND", true, { keepOpen: true }],
    ["REFUSED", true, { keepOpen: true }],
  ] as const)("%s (follow-up: %s) → %o", (outcome, followUp, effect) => {
    expect(warningEffect(outcome, followUp)).toEqual(effect);
  });

  it("maps every outcome of the form", () => {
    for (const o of VISIT_OUTCOMES) for (const f of [true, false]) expect(warningEffect(o, f)).toBeTruthy();
  });
});

describe("follow-up state", () => {
  it("is missed after its day, due on it, upcoming before", () => {
    expect(followUpState("2026-03-01", "2026-03-02")).toBe("missed");
    expect(followUpState("2026-03-02", "2026-03-02")).toBe("today");
    expect(followUpState("2026-03-03", "2026-03-02")).toBe("upcoming");
  });
});
