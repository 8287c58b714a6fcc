// The demo is generated relative to its day: whatever the day it is loaded, this year's figures
// compare with last year's (tests/integration/demo-history.test.ts checks one day through the
// statistics; this checks the rows the statistics count on days across the year). Each rule here
// once failed on some of these days: the history's gangs fell outside last year's year to date at
// some hours, cases were solved in proportion to their age (none in last year's first months), and
// the daily counts a year ago were weekly rows that a few days' period could miss.
import { describe, expect, it } from "vitest";
import { COMPARED_PERIODS, createContext } from "@/prisma/seed/demo";
import { buildCaseResults } from "@/prisma/seed/demo-case-results";
import { buildCases } from "@/prisma/seed/demo-cases";
import { buildPrevention } from "@/prisma/seed/demo-prevention";
import { buildWarnings } from "@/prisma/seed/demo-warnings";
import { resolvePeriod, type DayRange } from "@/lib/stats/periods";
import { addDays, chinaToday, dateToDay } from "@/lib/time/china";

const DAYS = [
  "2026-04-01T00:10:00Z", "2026-04-02T04:00:00Z", "2026-06-30T15:59:00Z", "2026-07-01T15:30:00Z",
  "2026-09-14T06:00:00Z", "2026-12-07T12:50:00Z", "2027-01-01T16:30:00Z", "2027-12-31T15:30:00Z",
];

/** Whether an instant falls on one of the range's China days. */
const within = (range: DayRange) => (at: Date | string | null | undefined) => {
  const day = at ? chinaToday(new Date(at)) : null;
  return !!day && day >= range.from && day <= range.to;
};

describe.each(DAYS)("the demo loaded on %s", (at) => {
  const ctx = createContext(new Date(at));
  const today = chinaToday(ctx.now);
  const cases = buildCases(ctx, buildWarnings(ctx).defrauded);
  const results = buildCaseResults(ctx, cases.planned, () => {});

  // From April, when the year to date is long enough to expect each of them.
  it.runIf(today.slice(5) >= "04-01")("has gangs dismantled, cases solved and funds recovered in last year's year to date, no case in two gangs", () => {
    const inYearAgo = within(resolvePeriod({ period: "year" }, today).yearAgo);
    expect(results.gangs.filter((g) => inYearAgo(g.dismantledAt)).length).toBeGreaterThan(0);
    expect(cases.planned.filter((c) => inYearAgo(c.row.solvedAt)).length).toBeGreaterThan(0);
    expect(results.recoveries.filter((r) => inYearAgo(r.recoveredAt)).length).toBeGreaterThan(0);
    expect(new Set(results.gangCases.map((g) => g.caseId)).size).toBe(results.gangCases.length);
  });

  it("has daily counts for every day the compared periods read before today", () => {
    const counted = new Set(buildPrevention(ctx, cases.planned).dailyCounts.map((d) => dateToDay(new Date(d.day))));
    for (const period of COMPARED_PERIODS) {
      const { current, previous, yearAgo } = resolvePeriod({ period }, today);
      for (const range of [current, previous, yearAgo])
        for (let day = range.from; day <= range.to && day < today; day = addDays(day, 1)) expect(counted.has(day), `${period} ${day}`).toBe(true);
    }
  });
});
