import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, chinaDayStart, chinaToday } from "@/lib/time/china";
import { addMonths, addYears, bucketsOf, endOfMonth, daysIn, resolvePeriod, splitByMonths, startOfQuarter, startOfWeek } from "@/lib/stats/periods";
import { statsQuerySchema } from "@/lib/stats/schemas";

const TODAY = "2026-11-29"; // a Sunday

describe("China-local days", () => {
  it("turns an instant into the China calendar day and back", () => {
    expect(chinaToday(new Date("2025-12-31T15:59:59.999Z"))).toBe("2025-12-31");
    expect(chinaToday(new Date("2025-12-31T16:00:00Z"))).toBe("2026-01-01");
    expect(chinaDayStart("2026-01-01").toISOString()).toBe("2025-12-31T16:00:00.000Z");
  });

  it("adds months and years clipping to the month's end", () => {
    expect(addMonths("2025-03-31", -1)).toBe("2025-02-28");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addYears("2024-02-29", -1)).toBe("2023-02-28");
    expect(addMonths("2025-12-15", 1)).toBe("2026-01-15");
    expect(startOfWeek("2026-11-29")).toBe("2026-11-23");
    expect(startOfWeek("2026-11-23")).toBe("2026-11-23");
    expect(startOfQuarter("2026-11-29")).toBe("2026-10-01");
  });
});

describe("periods", () => {
  it.each([
    ["week", { from: "2026-11-23", to: "2026-11-29" }, { from: "2026-11-16", to: "2026-11-22" }],
    ["lastWeek", { from: "2026-11-16", to: "2026-11-22" }, { from: "2026-11-09", to: "2026-11-15" }],
    ["month", { from: "2026-11-01", to: "2026-11-29" }, { from: "2026-10-01", to: "2026-10-29" }],
    ["lastMonth", { from: "2026-10-01", to: "2026-10-31" }, { from: "2026-09-01", to: "2026-09-30" }],
    ["quarter", { from: "2026-10-01", to: "2026-11-29" }, { from: "2026-07-01", to: "2026-08-29" }],
    ["lastQuarter", { from: "2026-07-01", to: "2026-09-30" }, { from: "2026-04-01", to: "2026-06-30" }],
    ["year", { from: "2026-01-01", to: "2026-11-29" }, { from: "2025-01-01", to: "2025-11-29" }],
    ["lastYear", { from: "2025-01-01", to: "2025-12-31" }, { from: "2024-01-01", to: "2024-12-31" }],
  ] as const)("%s: current and 环比 ranges", (period, current, previous) => {
    const p = resolvePeriod({ period }, TODAY);
    expect(p.current).toEqual(current);
    expect(p.previous).toEqual(previous);
    expect(p.yearAgo).toEqual({ from: addYears(current.from, -1), to: addYears(current.to, -1) });
  });

  it("compares a running month with as many days of the previous one, never past its end", () => {
    expect(resolvePeriod({ period: "month" }, "2026-03-31").previous).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(resolvePeriod({ period: "month" }, "2026-03-01").previous).toEqual({ from: "2026-02-01", to: "2026-02-01" });
  });

  it("compares a custom range with as many days just before it, and a year earlier", () => {
    const p = resolvePeriod({ from: "2024-03-01", to: "2024-03-31" }, TODAY);
    expect(p.kind).toBe("custom");
    expect(p.previous).toEqual({ from: "2024-01-30", to: "2024-02-29" });
    expect(p.yearAgo).toEqual({ from: "2023-03-01", to: "2023-03-31" });
  });

  it("compares a month with the whole month a year before, across a leap day", () => {
    expect(resolvePeriod({ period: "lastMonth" }, "2025-03-10").yearAgo).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(resolvePeriod({ from: "2025-02-01", to: "2025-02-28" }, "2025-03-10").yearAgo).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(resolvePeriod({ from: "2024-02-01", to: "2024-02-29" }, "2025-03-10").yearAgo).toEqual({ from: "2023-02-01", to: "2023-02-28" });
    // A range ending mid-month keeps its day.
    expect(resolvePeriod({ from: "2025-02-01", to: "2025-02-20" }, "2025-03-10").yearAgo).toEqual({ from: "2024-02-01", to: "2024-02-20" });
  });

  it("defaults to this year, with a granularity that suits the length", () => {
    expect(resolvePeriod({}, TODAY).kind).toBe("year");
    expect(resolvePeriod({ period: "week" }, TODAY).granularity).toBe("day");
    expect(resolvePeriod({ period: "quarter" }, TODAY).granularity).toBe("week");
    expect(resolvePeriod({ period: "lastYear" }, TODAY).granularity).toBe("month");
    // Too fine for a year: ignored.
    expect(resolvePeriod({ period: "lastYear", granularity: "day" }, TODAY).granularity).toBe("month");
    expect(resolvePeriod({ period: "lastYear", granularity: "week" }, TODAY).granularity).toBe("week");
  });

  it("cuts a range into buckets that cover it exactly once", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }), fc.integer({ min: 1, max: 800 }), fc.constantFrom("day" as const, "week" as const, "month" as const), (d, n, g) => {
        const from = d.toISOString().slice(0, 10);
        const range = { from, to: addDays(from, n - 1) };
        const buckets = bucketsOf(range, g);
        expect(buckets[0]!.from).toBe(range.from);
        expect(buckets.at(-1)!.to).toBe(range.to);
        expect(buckets.reduce((s, b) => s + daysIn(b), 0)).toBe(daysIn(range));
        const split = splitByMonths(range);
        const monthDays = split.months ? daysIn({ from: split.months.from, to: endOfMonth(split.months.to) }) : 0;
        expect(monthDays + split.days.reduce((s, r) => s + daysIn(r), 0)).toBe(daysIn(range));
      }),
    );
  });

  it("splits a range into whole months and leftover days", () => {
    expect(splitByMonths({ from: "2025-01-01", to: "2025-12-31" })).toEqual({ months: { from: "2025-01-01", to: "2025-12-01" }, days: [] });
    expect(splitByMonths({ from: "2025-01-15", to: "2025-03-10" })).toEqual({
      months: { from: "2025-02-01", to: "2025-02-01" },
      days: [{ from: "2025-01-15", to: "2025-01-31" }, { from: "2025-03-01", to: "2025-03-10" }],
    });
    expect(splitByMonths({ from: "2025-01-15", to: "2025-01-20" })).toEqual({ months: null, days: [{ from: "2025-01-15", to: "2025-01-20" }] });
  });
});

describe("the statistics query", () => {
  it.each([
    [{ period: "year", extra: "1" }, "unknown_keys"],
    [{ from: "2025-13-01", to: "2025-12-31" }, "invalid_date"],
    [{ period: "month", from: "2025-01-01", to: "2025-01-31" }, "preset_with_dates"],
    [{ period: "custom" }, "required"],
    [{ unit: "4203'; DROP" }, "invalid_unit_code"],
    [{ from: ["2025-01-01", "2025-01-02"], to: "2025-12-31" }, "invalid_type"],
  ])("rejects %j", (raw, code) => {
    const r = statsQuerySchema.safeParse(raw);
    expect(r.success).toBe(false);
    const codes = r.error!.issues.map((i) => (i.code === "unrecognized_keys" ? "unknown_keys" : /^[a-z_]+$/.test(i.message) ? i.message : i.code));
    expect(codes).toContain(code);
  });

  it("accepts presets, ranges and units", () => {
    expect(statsQuerySchema.parse({ period: "lastYear", unit: "420300FZ", g: "week" })).toEqual({ period: "lastYear", unit: "420300FZ", g: "week" });
    expect(statsQuerySchema.parse({ from: "2024-02-29", to: "2024-03-01" })).toEqual({ from: "2024-02-29", to: "2024-03-01" });
  });
});
