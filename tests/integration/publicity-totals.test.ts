import { beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaToday } from "@/lib/time/china";
import { createEvent } from "@/lib/publicity/events";
import { commitImportChunk } from "@/lib/publicity/import-counts";
import { createMeasure } from "@/lib/publicity/measures";
import { createCampaign } from "@/lib/publicity/campaigns";
import { unitTotals } from "@/lib/publicity/totals";
import { makeUnitTree, makeUser, type TestTree } from "@/tests/factories";

// One small world with known figures, then the per-unit totals leadership reads.
let tree: TestTree;
const today = chinaToday();
const from = addDays(today, -30);

beforeAll(async () => {
  tree = await makeUnitTree();
  const [b0, b1] = tree.branches as [TestTree["branches"][0], TestTree["branches"][0]];
  const { actor: center } = await makeUser(tree.center, "DISPATCHER");
  const event = (unitCode: string, audienceCount: number, appRegistrations: number, daysAgo: number) =>
    createEvent(center, { unitCode, kind: "COMMUNITY", targetGroup: "RESIDENTS", title: "进社区宣传", occurredOn: addDays(today, -daysAgo), audienceCount, appRegistrations, materialsCount: 10 });
  await event(b0.precincts[0]!.code, 100, 20, 2);
  await event(b0.precincts[1]!.code, 50, 5, 3);
  await event(b0.code, 30, 0, 4); // the branch's own event
  await event(b1.precincts[0]!.code, 200, 40, 5);
  await event(b1.precincts[0]!.code, 999, 99, 60); // before the period
  await event(tree.center.code, 10_000, 100, 1); // city-wide online work
  const rows = [
    [1, b0.precincts[0]!.code, "7"], [2, b0.precincts[0]!.code, "8"], [1, b1.precincts[1]!.code, "5"], [45, b1.precincts[1]!.code, "100"],
  ].map(([d, unitCode, count], i) => ({ line: i + 1, day: addDays(today, -(d as number)), unitCode: unitCode as string, count: count as string }));
  await commitImportChunk(center, { metric: "APP_REGISTRATIONS", rows, updateChanged: false });
  await commitImportChunk(center, { metric: "CONSULTATION_CALLS", rows: rows.slice(0, 1).map((r) => ({ ...r, count: "3" })), updateChanged: false });
  await createMeasure(center, { unitCode: b1.code, personName: "赵六", measure: "FINE", startsOn: addDays(today, -10), reason: "非法买卖电话卡" });
  await createCampaign(center, { unitCode: b0.precincts[0]!.code, kind: "COMMUNITY", name: "无诈社区", status: "CERTIFIED", startedOn: addDays(today, -200), certifiedOn: addDays(today, -20) });
  await createCampaign(center, { unitCode: b1.precincts[0]!.code, kind: "SCHOOL", name: "无诈校园", status: "IN_PROGRESS", startedOn: addDays(today, -50) });
});

describe("per-unit totals", () => {
  it("rolls each branch's subtree up, keeps the center apart, and sums to the total", async () => {
    const { actor: leader } = await makeUser(tree.city, "LEADER");
    const t = await unitTotals(leader, { from, to: today });
    const row = (code: string) => t.rows.find((r) => r.code === code)!.values;
    expect(row(tree.branches[0]!.code)).toMatchObject({ events: 3, audience: 180, eventRegistrations: 25, materials: 30, appRegistrations: 15, consultations: 3, measures: 0, campaignsCertified: 1, campaignsActive: 0 });
    expect(row(tree.branches[1]!.code)).toMatchObject({ events: 1, audience: 200, eventRegistrations: 40, appRegistrations: 5, consultations: 0, measures: 1, campaignsActive: 1 });
    expect(row(tree.center.code)).toMatchObject({ events: 1, audience: 10_000 });
    expect(t.total).toMatchObject({ events: 5, audience: 10_380, appRegistrations: 20, consultations: 3, measures: 1 });
    expect(t.rows.some((r) => r.own)).toBe(false);
  });

  it("drills into a branch: its precincts, and its own records as a separate row", async () => {
    const { actor: leader } = await makeUser(tree.city, "LEADER");
    const t = await unitTotals(leader, { unit: tree.branches[0]!.code, from, to: today });
    expect(t.rows.map((r) => [r.code, r.own, r.values.events])).toEqual([
      [tree.branches[0]!.code, true, 1],
      [tree.branches[0]!.precincts[0]!.code, false, 1],
      [tree.branches[0]!.precincts[1]!.code, false, 1],
    ]);
    expect(t.total.audience).toBe(180);
  });

  it("never counts outside the actor's jurisdiction", async () => {
    const { actor: officer } = await makeUser(tree.branches[1]!.precincts[0]!, "OFFICER");
    const t = await unitTotals(officer, { from, to: today });
    expect(t.root.code).toBe(tree.branches[1]!.precincts[0]!.code);
    expect(t.total).toMatchObject({ events: 1, audience: 200, campaignsActive: 1 });
    await expect(unitTotals(officer, { unit: tree.branches[0]!.code })).rejects.toMatchObject({ status: 404 });
  });
});
