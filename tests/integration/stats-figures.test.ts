// Every figure of DESIGN.md §3 computed on a small hand-built dataset: exact values, 同比/环比
// arithmetic, China-local period boundaries, empty periods, drill-down, jurisdiction, the API.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { summaryFor, getChildBreakdown, loadStatsContext } from "@/lib/stats/summary";
import type { Figure, FigureKey } from "@/lib/stats/figures";
import { GET as getSummary } from "@/app/api/v1/stats/summary/route";
import { makeApiKey, makeUnitTree, makeUser, type TestTree } from "@/tests/factories";
import { seedWarning, seedAction, seedCase } from "./stats-fixtures";

let tree: TestTree;
const TODAY = "2026-11-29";
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  tree = await makeUnitTree();
  const b1 = tree.branches[0]!;
  const b2 = tree.branches[1]!;
  const p1 = b1.precincts[0]!;
  const p2 = b1.precincts[1]!;
  const db = getDb();

  // Warnings: China-local boundaries decide the year (UTC+8).
  const w1 = await seedWarning(p1.id, { receivedAt: at("2025-03-01T02:00:00Z"), resolvedAt: at("2025-03-01T03:00:00Z"), outcome: "DISSUADED" });
  await seedWarning(p1.id, { receivedAt: at("2024-12-31T16:00:00Z"), resolvedAt: at("2024-12-31T16:30:00Z"), outcome: "DISSUADED" }); // 2025-01-01 00:30 in China
  await seedWarning(p1.id, { receivedAt: at("2025-12-31T15:00:00Z"), resolvedAt: at("2025-12-31T16:30:00Z"), outcome: "DISSUADED" }); // 2026-01-01 00:30 in China
  const w4 = await seedWarning(p2.id, { receivedAt: at("2024-06-01T02:00:00Z"), resolvedAt: at("2024-06-01T05:00:00Z"), outcome: "FALSE_POSITIVE" });
  const w5 = await seedWarning(tree.center.id, { receivedAt: at("2025-05-05T01:00:00Z"), resolvedAt: at("2025-05-05T01:30:00Z"), outcome: "DISSUADED" });
  await seedWarning(p2.id, { receivedAt: at("2025-07-01T01:00:00Z") }); // still open
  await seedWarning(b2.precincts[0]!.id, { receivedAt: at("2025-03-10T01:00:00Z"), resolvedAt: at("2025-03-10T09:00:00Z"), outcome: "UNREACHABLE" });

  // Dissuasion actions: only standalone counter interceptions add people; every amount counts.
  await seedAction(p2.id, { kind: "COUNTER_INTERCEPT", result: "DISSUADED", occurredAt: at("2025-04-01T03:00:00Z"), amountProtected: "10000.50" });
  await seedAction(p1.id, { kind: "COUNTER_INTERCEPT", result: "DISSUADED", occurredAt: at("2025-03-01T02:50:00Z"), amountProtected: "2000.25", warningId: w1 });
  await seedAction(tree.center.id, { kind: "HOTLINE_CALL", result: "DISSUADED", occurredAt: at("2025-05-05T01:20:00Z"), amountProtected: "300000.00", warningId: w5 });
  await seedAction(p1.id, { kind: "HOTLINE_CALL", result: "CONNECTED", occurredAt: at("2025-03-01T02:10:00Z"), warningId: w1 });
  await seedAction(p1.id, { kind: "HOTLINE_CALL", result: "UNANSWERED", occurredAt: at("2024-03-01T02:10:00Z") });
  await seedAction(p1.id, { kind: "COUNTER_INTERCEPT", result: "REFUSED", occurredAt: at("2025-08-01T02:10:00Z") });

  // Cases of branch 1: filed 2025 ×1 (2024 ×3), solved 2025 ×2 (2024 ×1).
  const c1 = await seedCase(b1.id, { reportedAt: at("2025-01-30T01:00:00Z"), filedAt: at("2025-02-01T01:00:00Z"), solvedAt: at("2025-08-01T01:00:00Z") });
  await seedCase(b1.id, { reportedAt: at("2024-10-30T01:00:00Z"), filedAt: at("2024-11-01T01:00:00Z"), solvedAt: at("2025-01-10T01:00:00Z") });
  await seedCase(b1.id, { reportedAt: at("2024-04-30T01:00:00Z"), filedAt: at("2024-05-01T01:00:00Z"), solvedAt: at("2024-06-01T01:00:00Z") });
  await seedCase(b1.id, { reportedAt: at("2024-01-30T01:00:00Z"), filedAt: at("2024-02-01T01:00:00Z") });
  await seedCase(b1.id, { reportedAt: at("2025-03-03T01:00:00Z") });

  await db.gang.createMany({ data: [
    { unitId: b1.id, name: "测试团伙甲", dismantledAt: at("2025-06-01T01:00:00Z") },
    { unitId: b1.id, name: "测试团伙乙" },
  ] });
  await db.suspect.createMany({ data: [
    { unitId: b1.id, name: "嫌疑人甲", status: "ARRESTED", arrestedAt: at("2025-06-01T01:00:00Z") },
    { unitId: b1.id, name: "嫌疑人乙", status: "DETAINED", arrestedAt: at("2025-06-02T01:00:00Z") },
    { unitId: b1.id, name: "嫌疑人丙", status: "WANTED" },
  ] });
  await db.seizedItem.createMany({ data: [
    { caseId: c1, unitId: b1.id, type: "SIM_CARD", quantity: 100, seizedAt: at("2025-06-01T01:00:00Z") },
    { caseId: c1, unitId: b1.id, type: "BANK_CARD", quantity: 20, seizedAt: at("2025-06-01T01:00:00Z") },
    { caseId: c1, unitId: b1.id, type: "CASH", quantity: 5000, seizedAt: at("2025-06-01T01:00:00Z") },
  ] });
  await db.fundRecovery.createMany({ data: [
    { caseId: c1, unitId: b1.id, amount: "5000.00", recoveredAt: at("2025-09-01T01:00:00Z"), method: "FROZEN_FUNDS" },
    { caseId: c1, unitId: b1.id, amount: "2500.50", recoveredAt: at("2025-10-01T01:00:00Z"), method: "VOLUNTARY" },
  ] });
  await db.dailyCount.createMany({ data: [
    { unitId: p1.id, day: at("2025-01-01"), metric: "APP_REGISTRATIONS", count: 10 },
    { unitId: p2.id, day: at("2025-12-31"), metric: "APP_REGISTRATIONS", count: 5 },
    { unitId: p2.id, day: at("2026-01-01"), metric: "APP_REGISTRATIONS", count: 7 },
    { unitId: tree.center.id, day: at("2025-07-07"), metric: "CONSULTATION_CALLS", count: 30 },
  ] });
  // App follow-ups (one per person dissuaded) by the day they were created: 2025 ×2, one with the app; 2024 ×1 with it.
  const person = async () => (await db.person.create({ data: {}, select: { id: true } })).id;
  await db.appFollowUp.createMany({ data: [
    { personId: await person(), warningId: w1, unitId: p1.id, status: "DONE", outcome: "INSTALLED", createdAt: at("2025-03-01T03:00:00Z") },
    { personId: await person(), warningId: w5, unitId: tree.center.id, createdAt: at("2024-12-31T16:30:00Z") }, // 2025-01-01 in China
    { personId: await person(), warningId: w4, unitId: p2.id, status: "DONE", outcome: "INSTALLED", createdAt: at("2024-06-01T05:00:00Z") },
  ] });
  await db.publicityEvent.createMany({ data: [
    { unitId: p1.id, kind: "LECTURE", targetGroup: "RESIDENTS", title: "讲座", occurredOn: at("2025-09-09"), audienceCount: 120 },
    { unitId: b2.id, kind: "CAMPUS", targetGroup: "STUDENTS", title: "进校园", occurredOn: at("2025-10-10"), audienceCount: 80 },
  ] });
});

const byKey = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [f.key, f])) as Record<FigureKey, Figure>;
const values = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [f.key, f.value]));

describe("the overview figures", () => {
  it("reproduces every figure of the year exactly, with 同比", async () => {
    const { actor } = await makeUser(tree.city, "LEADER");
    const s = await summaryFor(actor, { period: "lastYear" }, TODAY);
    expect(s.period.current).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(values(s.figures)).toEqual({
      casesFiled: "1", casesSolved: "2", gangsDismantled: "1", suspectsArrested: "2", itemsSeized: "120",
      peopleDissuaded: "4", lossStopped: "312000.75", centerPeopleDissuaded: "1", centerLossStopped: "300000.00",
      fundsRecovered: "7500.50", appRegistrations: "15", warningsHandled: "4", hotlineCalls: "2", consultationCalls: "30",
      outreachAudience: "200", appWarned: "2", appInstalled: "1",
    });
    const f = byKey(s.figures);
    expect(f.casesFiled).toMatchObject({ yearAgo: "3", yoy: -66.67, previous: "3", mom: -66.67 });
    expect(f.casesSolved).toMatchObject({ yearAgo: "1", yoy: 100 });
    expect(f.warningsHandled).toMatchObject({ yearAgo: "1", yoy: 300 });
    expect(f.appWarned).toMatchObject({ yearAgo: "1", yoy: 100 });
    expect(f.appInstalled).toMatchObject({ yearAgo: "1", yoy: 0 });
    expect(f.hotlineCalls).toMatchObject({ yearAgo: "1", yoy: 100 });
    expect(f.gangsDismantled).toMatchObject({ yearAgo: "0", yoy: null });
    expect(f.lossStopped.kind).toBe("money");
    // Monthly trend: 12 points summing to the figure.
    expect(f.warningsHandled.trend).toHaveLength(12);
    expect(f.warningsHandled.trend.reduce((a, b) => a + b, 0)).toBe(4);
    expect(f.warningsHandled.trend[0]).toBe(1); // the 2025-01-01 00:30 one
  });

  it("counts by China-local day at both ends of a period", async () => {
    const { actor } = await makeUser(tree.city, "LEADER");
    const jan1 = await summaryFor(actor, { from: "2025-01-01", to: "2025-01-01" }, TODAY);
    expect(byKey(jan1.figures).warningsHandled.value).toBe("1");
    const dec31 = await summaryFor(actor, { from: "2024-12-31", to: "2024-12-31" }, TODAY);
    expect(byKey(dec31.figures).warningsHandled.value).toBe("0");
    const newYear = await summaryFor(actor, { from: "2026-01-01", to: "2026-01-01" }, TODAY);
    expect(byKey(newYear.figures)).toMatchObject({ warningsHandled: { value: "1" }, peopleDissuaded: { value: "1" }, appRegistrations: { value: "7" } });
  });

  it("computes 环比 against the days just before a custom range, and daily trends", async () => {
    const { actor } = await makeUser(tree.city, "LEADER");
    const s = await summaryFor(actor, { from: "2025-03-01", to: "2025-03-31" }, TODAY);
    expect(s.period.previous).toEqual({ from: "2025-01-29", to: "2025-02-28" });
    expect(s.period.granularity).toBe("day");
    const f = byKey(s.figures);
    expect(f.warningsHandled).toMatchObject({ value: "2", previous: "0", mom: null, yearAgo: "0" });
    expect(f.casesFiled).toMatchObject({ value: "0", previous: "1", mom: -100 });
    expect(f.warningsHandled.trend).toHaveLength(31);
    expect(f.warningsHandled.trend[0]).toBe(1);
    expect(f.warningsHandled.trend[9]).toBe(1);
  });

  it("answers zeros, not errors, for an empty period", async () => {
    const { actor } = await makeUser(tree.city, "LEADER");
    const s = await summaryFor(actor, { from: "2030-01-01", to: "2030-01-31" }, TODAY);
    for (const f of s.figures) {
      expect(f.value).toMatch(/^0(\.00)?$/);
      expect(f.yoy).toBeNull();
      expect(f.mom).toBeNull();
    }
  });

  it("includes a unit's subtree only, and breaks the city down by child unit", async () => {
    const { actor } = await makeUser(tree.city, "LEADER");
    const b1 = tree.branches[0]!;
    const p1 = await summaryFor(actor, { period: "lastYear", unit: b1.precincts[0]!.code }, TODAY);
    expect(byKey(p1.figures)).toMatchObject({ warningsHandled: { value: "2" }, peopleDissuaded: { value: "2" }, lossStopped: { value: "2000.25" }, centerLossStopped: { value: "0.00" } });
    expect(p1.breadcrumb.map((u) => u.code)).toEqual([tree.city.code, b1.code, b1.precincts[0]!.code]);

    const ctx = await loadStatsContext(actor, { period: "lastYear" }, TODAY);
    const children = Object.fromEntries((await getChildBreakdown(ctx)).map((c) => [c.code, c.values]));
    expect(children[tree.center.code]).toMatchObject({ warningsHandled: "1", lossStopped: "300000.00", centerPeopleDissuaded: "1" });
    expect(children[b1.code]).toMatchObject({ warningsHandled: "2", peopleDissuaded: "3", casesSolved: "2", lossStopped: "12000.75" });
    expect(children[tree.branches[1]!.code]).toMatchObject({ warningsHandled: "1", outreachAudience: "80" });
  });

  it("answers 404 for a unit outside the jurisdiction", async () => {
    const { actor } = await makeUser(tree.branches[0]!, "INVESTIGATOR");
    const e = await summaryFor(actor, { unit: tree.branches[1]!.code }, TODAY).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(404);
    const own = await summaryFor(actor, { period: "lastYear" }, TODAY);
    expect(own.unit.code).toBe(tree.branches[0]!.code);
    expect(byKey(own.figures).casesSolved.value).toBe("2");
  });
});

describe("GET /api/v1/stats/summary", () => {
  const call = (key: string, qs: string) =>
    getSummary(new Request(`http://localhost/api/v1/stats/summary?${qs}`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });

  it("answers the figures for a key with stats:read, with no record-level data", async () => {
    const { key } = await makeApiKey(tree.city, ["stats:read"]);
    const res = await call(key, `from=2025-01-01&to=2025-12-31&unit=${tree.city.code}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.figures.find((f: Figure) => f.key === "casesSolved")).toMatchObject({ value: "2", yoy: 100 });
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/"id"|victim|phone|idNumber|嫌疑人/);
  });

  it.each([
    ["from=2025-02-30&to=2025-03-01", "from", "invalid_date"],
    ["from=2025-03-01", "to", "from_and_to_together"],
    ["from=2025-03-02&to=2025-03-01", "to", "before_from"],
    ["from=2020-01-01&to=2025-03-01", "to", "range_too_long"],
    ["unit=abc", "unit", "invalid_unit_code"],
    ["period=decade", "period", "invalid_value"],
    ["unitId=x", "", "unknown_keys"],
  ])("rejects %s with 422 (%s: %s)", async (qs, path, code) => {
    const { key } = await makeApiKey(tree.city, ["stats:read"]);
    const res = await call(key, qs);
    expect(res.status).toBe(422);
    expect((await res.json()).error.details).toContainEqual(expect.objectContaining({ path, code }));
  });

  it("answers 404 outside the key's unit and 403 without stats:read", async () => {
    const { key } = await makeApiKey(tree.branches[0]!, ["stats:read"]);
    expect((await call(key, `unit=${tree.branches[1]!.code}`)).status).toBe(404);
    const { key: other } = await makeApiKey(tree.city, ["warnings:read"]);
    expect((await call(other, "")).status).toBe(403);
  });
});
