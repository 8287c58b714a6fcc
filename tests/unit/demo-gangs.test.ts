// The demo is generated relative to its day: this year's 打掉团伙 compares with last year's year to
// date whatever the day it is loaded (the history's gangs once fell outside it at some hours of
// some days, and the leader's 同比 read "—").
import { describe, expect, it } from "vitest";
import { createContext } from "@/prisma/seed/demo";
import { buildCaseResults } from "@/prisma/seed/demo-case-results";
import { buildCases } from "@/prisma/seed/demo-cases";
import { buildWarnings } from "@/prisma/seed/demo-warnings";
import { resolvePeriod } from "@/lib/stats/periods";
import { chinaDayEnd, chinaDayStart, chinaToday } from "@/lib/time/china";

describe("the demo's gangs", () => {
  // From April, when the year-to-date is long enough to expect one (tests/integration/demo-history.test.ts).
  it.each(["2026-04-01T00:10:00Z", "2026-06-30T15:59:00Z", "2026-09-14T06:00:00Z", "2026-12-07T12:50:00Z", "2027-12-31T15:30:00Z"])(
    "on %s: some dismantled in last year's year to date, no case in two gangs",
    (at) => {
      const ctx = createContext(new Date(at));
      const cases = buildCases(ctx, buildWarnings(ctx).defrauded);
      const { gangs, gangCases } = buildCaseResults(ctx, cases.planned, () => {});
      // What the year's 同比 counts: gangs dismantled in last year's same dates.
      const { yearAgo } = resolvePeriod({ period: "year" }, chinaToday(ctx.now));
      const inYearAgo = gangs.filter((g) => g.dismantledAt && new Date(g.dismantledAt) >= chinaDayStart(yearAgo.from) && new Date(g.dismantledAt) < chinaDayEnd(yearAgo.to));
      expect(inYearAgo.length).toBeGreaterThan(0);
      expect(new Set(gangCases.map((g) => g.caseId)).size).toBe(gangCases.length);
    },
  );
});
