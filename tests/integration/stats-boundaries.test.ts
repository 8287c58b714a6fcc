// Figures a leader reads where a hostile tester's round found them wrong (two branches, two
// precincts each): the wall's 止损, 同比 across a leap day, 劝阻人员 after a re-resolution, and the
// city's drill-down adding up.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { transitionWarning } from "@/lib/warnings/commands";
import { wallBoard } from "@/lib/wall/board";
import { directFigures } from "@/lib/stats/recount";
import { transferCase } from "@/lib/cases/transfer-case";
import { getChildBreakdown, loadStatsContext, summaryFor } from "@/lib/stats/summary";
import { caseInStatus } from "./cases-fixtures";
import { chinaInstant, chinaToday } from "@/lib/time/china";
import { makeApiKey, makeUnitTree, makeUser, warningInput } from "@/tests/factories";
import { seedAction, seedWarning } from "./stats-fixtures";

beforeAll(() => {
  forgetRoutingTable();
});

const fig = (s: Awaited<ReturnType<typeof summaryFor>>, key: string) => s.figures.find((f) => f.key === key)!;

describe("the wall's 止损", () => {
  it("agrees with the statistics' 止损 for the same day (bank stop-payments and freezes included)", async () => {
    const t = await makeUnitTree();
    const wallLeader = await makeUser(t.city, "LEADER");
    const precinct = t.branches[0]!.precincts[0]!;
    const now = new Date();
    const today = chinaToday(now);
    // 止损 of today: a dissuasion that protected ¥1,000.00 and a bank freeze that held ¥5,000.00.
    await seedAction(precinct.id, { kind: "HOTLINE_CALL", result: "DISSUADED", occurredAt: new Date(now.getTime() - 60_000), amountProtected: "1000.00" });
    await getDb().partnerRequest.create({
      data: {
        docNumber: `AUD-${randomUUID().slice(0, 20)}`, kind: "FREEZE", status: "ACCEPTED", unitId: precinct.id, partnerName: "某银行", target: "6222000011112222",
        amount: "5000.00", legalBasis: "反电信网络诈骗法", requestingAuthority: "某公安局", handlerName: "张某", approverName: "李某",
        requestedAt: new Date(now.getTime() - 120_000), answeredAt: new Date(now.getTime() - 60_000), amountStopped: "5000.00", amountProtected: "5000.00",
      },
    });
    const stats = await summaryFor(wallLeader.actor, { from: today, to: today }, today);
    expect(fig(stats, "lossStopped").value).toBe("6000.00");
    const wall = await wallBoard(wallLeader.actor, now);
    // The wall in the command hall shows ¥1,000.00 where the statistics page shows ¥6,000.00.
    expect(wall.figures.find((f) => f.key === "lossStopped")!.value).toBe(fig(stats, "lossStopped").value);
  });
});

describe("同比 across a leap day", () => {
  it("the 同比 of February 2025 (上月) is the whole of February 2024, 29 Feb included", async () => {
    const t = await makeUnitTree();
    const l = await makeUser(t.city, "LEADER");
    const precinct = t.branches[1]!.precincts[1]!;
    // One warning handled (resolved as dissuaded) on each of 28 and 29 February 2024, China time.
    for (const day of ["2024-02-28", "2024-02-29"]) {
      await seedWarning(precinct.id, { receivedAt: chinaInstant(`${day}T10:00`), resolvedAt: chinaInstant(`${day}T23:30`), outcome: "DISSUADED" });
    }
    const s = await summaryFor(l.actor, { period: "lastMonth" }, "2025-03-10");
    expect(s.period.current).toEqual({ from: "2025-02-01", to: "2025-02-28" });
    // The raw records of February 2024 hold two handled warnings.
    expect((await directFigures(t.city.path, { from: "2024-02-01", to: "2024-02-29" })).warningsHandled).toBe("2");
    // The leader's 同比 base for February 2025 reads 1: 29 February 2024 is left out of "the same period a year earlier".
    expect(fig(s, "warningsHandled").yearAgo).toBe("2");
    expect(s.period.yearAgo).toEqual({ from: "2024-02-01", to: "2024-02-29" });
  });
});

describe("a dissuasion reopened and re-resolved as already defrauded", () => {
  it("no longer counts the person among those warned and dissuaded (劝阻人员 appWarned)", async () => {
    const t = await makeUnitTree();
    forgetRoutingTable();
    const feed = await makeApiKey(t.city, ["warnings:ingest"]);
    const dispatcher = await makeUser(t.center, "DISPATCHER");
    const l = await makeUser(t.city, "LEADER");
    const precinct = t.branches[0]!.precincts[1]!;
    const [r] = await ingestWarnings(feed.actor, [warningInput({ unitCode: precinct.code })]);
    const id = r!.id;
    const step = async (to: string, extra: Record<string, unknown> = {}) => {
      const w = await getDb().warning.findUniqueOrThrow({ where: { id } });
      await transitionWarning(dispatcher.actor, { id, version: w.version, to, ...extra } as never);
    };
    await step("ACKNOWLEDGED");
    await step("IN_PROGRESS");
    await step("RESOLVED", { outcome: "DISSUADED" });
    await step("IN_PROGRESS", { note: "核实：当事人已转账，劝阻未成功" });
    await step("RESOLVED", { outcome: "ALREADY_DEFRAUDED" });

    const today = chinaToday();
    const s = await summaryFor(l.actor, { from: today, to: today }, today);
    expect(fig(s, "peopleDissuaded").value).toBe("0");
    expect(fig(s, "warningsHandled").value).toBe("1");
    // The person was defrauded, yet the figures still count them as warned and dissuaded.
    expect(fig(s, "appWarned").value).toBe("0");
  });
});


describe("the city's drill-down", () => {
  it("adds up to the city's figure: a case cannot be handed (流转) to the city bureau itself", async () => {
    const t = await makeUnitTree();
    const investigator = await makeUser(t.branches[0]!, "INVESTIGATOR");
    const l = await makeUser(t.city, "LEADER");
    const c = await caseInStatus(t.branches[0]!, "FILED", null);
    await getDb().fraudCase.update({ where: { id: c.id }, data: { filedAt: new Date() } });
    const { version } = await getDb().fraudCase.findUniqueOrThrow({ where: { id: c.id } });
    // The bureau itself (市局) works no cases: a transfer to it is refused, and its figures stay its units' sum.
    const refused = await transferCase(investigator.actor, { id: c.id, version, toUnitCode: t.city.code, reason: "市局直办" }).catch((e: AppError) => [e.code, e.details.map((d) => [d.path, d.code])]);
    expect(refused).toEqual(["VALIDATION", [["toUnitCode", "unknown_unit"]]]);
    const today = chinaToday();
    const s = await summaryFor(l.actor, { from: today, to: today }, today);
    expect(fig(s, "casesFiled").value).toBe("1");
    const children = await getChildBreakdown(await loadStatsContext(l.actor, { from: today, to: today }, today));
    expect(children.reduce((n, k) => n + Number(k.values.casesFiled), 0)).toBe(1);
  });
});
