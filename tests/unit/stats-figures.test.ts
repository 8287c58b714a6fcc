import { describe, expect, it } from "vitest";
import { buildFigure, FIGURES } from "@/lib/stats/figures";
import { changePercent, fromCents, toCents } from "@/lib/stats/decimal";
import { escapeFormula } from "@/lib/export/escape";
import { shortCount, signedPercent, wan } from "@/lib/stats/format";
import { metric } from "@/lib/stats/metrics";
import { rankingValues, rankOf } from "@/lib/stats/rankings";
import type { Totals } from "@/lib/stats/rollup";

const totals = (all: Record<string, string>, center: Record<string, string> = {}): Totals => ({
  all: new Map(Object.entries(all).map(([k, v]) => [k, toCents(v)])),
  center: new Map(Object.entries(center).map(([k, v]) => [k, toCents(v)])),
});

describe("exact amounts", () => {
  it("parses and prints yuan without floating point", () => {
    expect(toCents("63974285.36")).toBe(6_397_428_536n);
    expect(toCents("0.1") + toCents("0.2")).toBe(toCents("0.3"));
    expect(fromCents(toCents("-5.5"))).toBe("-5.50");
    expect(fromCents(185_200n, { whole: true })).toBe("1852");
    expect(() => toCents("1e5")).toThrow();
  });

  it("computes 同比/环比 as a percentage change with two decimals, null against zero", () => {
    expect(changePercent(toCents("4849"), toCents("6200"))).toBe(-21.79);
    expect(changePercent(toCents("1852"), toCents("1237"))).toBe(49.72);
    expect(changePercent(toCents("5"), 0n)).toBeNull();
    expect(changePercent(0n, toCents("5"))).toBe(-100);
  });
});

describe("figures", () => {
  it("adds warnings and standalone interceptions, and counts the center's share apart", () => {
    const cur = totals(
      { [metric.resolvedAs("DISSUADED")]: "1177", [metric.intercepted]: "236", [metric.protected]: "63974285.36", [metric.seized("SIM_CARD")]: "100", [metric.seized("CASH")]: "5000" },
      { [metric.resolvedAs("DISSUADED")]: "199", [metric.protected]: "12563918.40" },
    );
    const empty = totals({});
    const get = (key: string) => buildFigure(FIGURES.find((f) => f.key === key)!, cur, empty, empty, [cur, empty]);
    expect(get("peopleDissuaded")).toMatchObject({ value: "1413", yoy: null, trend: [1413, 0] });
    expect(get("centerPeopleDissuaded").value).toBe("199");
    expect(get("lossStopped")).toMatchObject({ kind: "money", value: "63974285.36" });
    expect(get("centerLossStopped").value).toBe("12563918.40");
    expect(get("itemsSeized").value).toBe("100");
  });
});

describe("rankings", () => {
  it("ranks highest first with shared ranks and unranked blanks", () => {
    expect(rankOf([5, 9, 5, null, 1])).toEqual([2, 1, 2, null, 4]);
    expect(rankOf([0, 3, 0])).toEqual([2, 1, 2]);
  });

  it("ranks nobody in a period with nothing in it, not every unit first at 0", () => {
    expect(rankOf([0, 0, null, 0])).toEqual([null, null, null, null]);
  });

  it("derives each ranking value from the unit's totals", () => {
    const t = totals({
      [metric.received("CRITICAL")]: "10", [metric.received("HIGH")]: "30", [metric.received("LOW")]: "60", [metric.breached("ACK")]: "6",
      [metric.resolvedAs("DISSUADED")]: "3", [metric.resolvedAs("ALREADY_DEFRAUDED")]: "1", [metric.action("HOME_VISIT")]: "10",
      [metric.daily("APP_REGISTRATIONS")]: "500", [metric.casesSolved]: "4", [metric.protected]: "1234.50",
      [metric.revisits.due]: "8", [metric.revisits.done]: "6", [metric.revisits.onTime]: "4",
      [metric.app.warned]: "10", [metric.app.installed]: "4",
    }).all;
    expect(rankingValues(t, 50_000)).toEqual({
      slaCompliance: 98, dissuasionRate: 75, homeVisitRate: 25, casesSolved: 4, lossStopped: 1234.5, appPer10k: 100, revisitRate: 75, revisitTimeliness: 50, appShare: 40,
    });
    expect(rankingValues(new Map(), null)).toEqual({
      slaCompliance: null, dissuasionRate: null, homeVisitRate: null, casesSolved: 0, lossStopped: 0, appPer10k: null, revisitRate: null, revisitTimeliness: null, appShare: null,
    });
  });
});

describe("formats", () => {
  it("shows money in 万元 and large counts in 万", () => {
    expect(wan("63974285.36")).toBe("6,397.43");
    expect(shortCount("1181735")).toEqual({ number: "118.17", suffix: "wan" });
    expect(shortCount("1852")).toEqual({ number: "1,852", suffix: null });
    expect(signedPercent(-21.79)).toBe("−21.79");
    expect(signedPercent(49.72)).toBe("+49.72");
  });

  it("escapes text a spreadsheet would take for a formula", () => {
    for (const s of ["=1+2", "+86", "-3", "@SUM(A1)", "\tx", "\rx"]) expect(escapeFormula(s)).toBe(`'${s}`);
    expect(escapeFormula("十堰市公安局")).toBe("十堰市公安局");
  });
});
