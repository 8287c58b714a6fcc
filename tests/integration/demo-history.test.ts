// The demo a newcomer opens holds history: every preset period's 同比 and 环比 compare with
// something, and rankings move against a previous period that had data. Where the previous period
// is empty, nobody has a previous rank (the page shows —, not ↓1…↓9). The funnel nests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { getStatsCharts } from "@/lib/stats/charts";
import { getStatsRankings } from "@/lib/stats/rankings";
import { loadStatsContext, summaryFor } from "@/lib/stats/summary";
import { chinaToday } from "@/lib/time/china";
import { historyDaysBefore, loadDemoData } from "@/prisma/seed/demo";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/test-database";
import { useOwnDatabase } from "@/tests/factories";

let database: TestDatabase;
let own: { db: Db; release: () => void };
let leader: { scopePath: string };
const today = chinaToday();

beforeAll(async () => {
  database = await createTestDatabase("demo_hist");
  own = useOwnDatabase(database.url);
  const started = Date.now();
  await loadDemoData(own.db);
  console.log(`demo dataset loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const city = await own.db.unit.findUniqueOrThrow({ where: { code: "420300" }, select: { path: true } });
  leader = { scopePath: city.path };
}, 300_000);

afterAll(async () => {
  await own?.db.$disconnect();
  own?.release();
  await database?.drop();
});

describe("the demo dataset's history", () => {
  it("reaches back to the start of last year, of last quarter a year earlier, and at least 13 months", () => {
    expect(historyDaysBefore(new Date("2026-12-02T04:00:00Z"))).toBe(700); // 2025-01-01 … 2026-12-02
    expect(historyDaysBefore(new Date("2027-01-05T04:00:00Z"))).toBe(461); // 2025-10-01 (2025's Q4 for 2026's) … 2027-01-05
    expect(historyDaysBefore(new Date("2027-05-20T04:00:00Z"))).toBe(504); // 2026-01-01 … 2027-05-20
    expect(historyDaysBefore(new Date("2028-01-10T04:00:00Z"))).toBe(466); // 2026-10-01 … 2028-01-10
  });

  it.each(["year", "month", "lastMonth", "lastQuarter", "lastWeek"] as const)("gives every busy figure of %s a 同比 and a 环比", async (period) => {
    const s = await summaryFor(leader, { period }, today);
    // A period of today alone (the 1st of a month) has no daily counts yet: they arrive the next morning.
    if (s.period.current.from === today) return;
    // Counts of the warning desk and the precincts happen every day; cases and gangs need longer periods.
    const daily = ["warningsHandled", "peopleDissuaded", "lossStopped", "hotlineCalls", "appRegistrations"];
    for (const f of s.figures.filter((x) => daily.includes(x.key))) {
      expect(Number(f.value), `${period} ${f.key}`).toBeGreaterThan(0);
      expect(f.yoy, `${period} ${f.key} 同比`).not.toBeNull();
      expect(f.mom, `${period} ${f.key} 环比`).not.toBeNull();
    }
    // Cases, gangs and seizures are rarer: the whole year's figures all compare once the year is a quarter in.
    if (period === "year" && today >= `${today.slice(0, 4)}-04-01`) {
      for (const f of s.figures) expect(f.yoy, `year ${f.key} 同比`).not.toBeNull();
    }
  });

  it("ranks the branches against last month, and nobody against an empty period", async () => {
    const month = await getStatsRankings(await loadStatsContext(leader, { period: "month" }, today));
    const moved = month.branches.flatMap((r) => r.rows).filter((row) => row.rank !== null);
    expect(moved.filter((row) => row.previousRank !== null).length).toBeGreaterThan(moved.length / 2);

    // Before the history begins there is nothing: no previous ranks at all, not ties at 0.
    const empty = await getStatsRankings(await loadStatsContext(leader, { from: "2020-02-01", to: "2020-02-29" }, today));
    for (const ranking of empty.branches) for (const row of ranking.rows) expect(row.previousRank, `${ranking.key} ${row.code}`).toBeNull();
  });

  it("gives `officer` (东城开发区派出所) a few people to help install the app, one follow-up per person", async () => {
    const unit = await own.db.unit.findUniqueOrThrow({ where: { code: "42030201" }, select: { id: true } });
    expect(await own.db.appFollowUp.count({ where: { unitId: unit.id, status: "OPEN" } })).toBeGreaterThanOrEqual(2);
    const [dup] = await own.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT "personId" FROM app_followups GROUP BY 1 HAVING count(*) > 1) d`;
    expect(dup!.n).toBe(0);
  });

  it("nests the funnel: each stage within the one before", async () => {
    const charts = await getStatsCharts(await loadStatsContext(leader, { period: "year" }, today));
    const counts = charts.funnel.map((f) => f.count);
    expect(charts.funnel.map((f) => f.stage)).toEqual(["received", "acknowledged", "contacted", "resolved", "dissuaded"]);
    expect(counts[0]).toBeGreaterThan(0);
    for (let i = 1; i < counts.length; i++) expect(counts[i], charts.funnel[i]!.stage).toBeLessThanOrEqual(counts[i - 1]!);
    // The running period's last bucket is the partial one.
    expect(charts.partial).toBe(charts.buckets.at(-1)!.key);
  });
});
