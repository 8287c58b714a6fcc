import { describe, expect, it } from "vitest";
import { rollUp, type UnitNode } from "@/lib/publicity/rollup";
import { addDays, shiftMonth, chinaToday, daysBetween, isIsoDay, monthRange, weekdayMondayFirst } from "@/lib/time/china";
import { measureState } from "@/lib/publicity/measures";

const u = (id: string, path: string, parentId: string | null): UnitNode => ({ id, code: id, name: `单位${id}`, path, parentId });
const units = [
  u("C", "C", null), u("FZ", "C/FZ", "C"), u("B1", "C/B1", "C"), u("P11", "C/B1/P11", "B1"), u("P12", "C/B1/P12", "B1"),
  u("B2", "C/B2", "C"), u("P21", "C/B2/P21", "B2"), u("B10", "C/B10", "C"),
];

describe("rollUp", () => {
  it("sums each child's subtree, keeps the root's own records apart, and totals everything", () => {
    const values = new Map<string, Partial<Record<"a" | "b", number>>>([
      ["C", { a: 1 }], ["FZ", { a: 5 }], ["B1", { a: 2 }], ["P11", { a: 3, b: 1 }], ["P12", { a: 4 }], ["P21", { b: 7 }], ["B10", { a: 10 }],
    ]);
    const { rows, total } = rollUp(units[0]!, units, ["a", "b"] as const, values);
    expect(rows.map((r) => [r.code, r.own, r.values])).toEqual([
      ["C", true, { a: 1, b: 0 }],
      ["B1", false, { a: 9, b: 1 }],
      ["B10", false, { a: 10, b: 0 }],
      ["B2", false, { a: 0, b: 7 }],
      ["FZ", false, { a: 5, b: 0 }],
    ]);
    expect(total).toEqual({ a: 25, b: 8 });
  });

  it("does not confuse a path prefix with a parent (B1 is not above B10)", () => {
    const { rows } = rollUp(units[0]!, units, ["a"] as const, new Map([["B10", { a: 1 }]]));
    expect(rows.find((r) => r.code === "B1")!.values.a).toBe(0);
  });

  it("leaves out the root's own row when it recorded nothing, and ignores units outside the root", () => {
    const { rows, total } = rollUp(units[2]!, units, ["a"] as const, new Map([["P11", { a: 2 }], ["P21", { a: 5 }]]));
    expect(rows.map((r) => r.code)).toEqual(["P11", "P12"]);
    expect(total.a).toBe(2);
  });
});

describe("China days", () => {
  it("takes today from Asia/Shanghai: 16:30 UTC is already the next day", () => {
    expect(chinaToday(new Date("2026-03-31T16:30:00Z"))).toBe("2026-04-01");
    expect(chinaToday(new Date("2026-03-31T15:59:59Z"))).toBe("2026-03-31");
  });
  it("validates, steps and spans days and months", () => {
    expect(isIsoDay("2028-02-29")).toBe(true);
    expect(isIsoDay("2026-02-29")).toBe(false);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-01-01", "2026-03-01")).toBe(59);
    expect(monthRange("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(weekdayMondayFirst("2026-11-30")).toBe(0); // a Monday
  });
  it("states a measure: upcoming, in force, ending within 7 days, ended, or executed once", () => {
    const today = "2026-06-15";
    expect(measureState({ startsOn: "2026-06-20", endsOn: "2026-07-20" }, today)).toBe("upcoming");
    expect(measureState({ startsOn: "2026-06-01", endsOn: "2026-06-30" }, today)).toBe("active");
    expect(measureState({ startsOn: "2026-06-01", endsOn: "2026-06-22" }, today)).toBe("ending");
    expect(measureState({ startsOn: "2026-06-01", endsOn: "2026-06-15" }, today)).toBe("ending");
    expect(measureState({ startsOn: "2026-06-01", endsOn: "2026-06-14" }, today)).toBe("ended");
    expect(measureState({ startsOn: "2026-06-01", endsOn: null }, today)).toBe("once");
  });
});
