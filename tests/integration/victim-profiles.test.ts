// Victim profiles (issue 17 item 3): the profile rollup agrees with a direct recount of the raw
// warnings for the city, both branches and a precinct after inserts, updates and deletes; a branch
// sees its own subtree only (404 elsewhere); the surge rule at its edges; the duty chief is
// notified once per fraud type and week.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { createRng } from "@/prisma/seed/random";
import { AppError } from "@/lib/errors";
import type { ContactChannel, FraudType, Gender, Prisma } from "@/lib/generated/prisma/client";
import { ageGroupOf, amountBandOf, AGE_GROUPS } from "@/lib/profiles/dimensions";
import { readProfileCounts, victimProfileFor, type ProfileCounts } from "@/lib/profiles/queries";
import { DEFAULT_SURGE_RULE, flagFraudSurges, fraudTypeSurges, judgeSurge, surgeKey } from "@/lib/profiles/surge";
import { GET as getProfiles } from "@/app/api/v1/stats/profiles/route";
import { GET as exportProfiles } from "@/app/api/v1/stats/profiles/export/route";
import { makeApiKey, makeUnitTree, makeUser, type TestTree } from "@/tests/factories";


const TYPES: FraudType[] = ["ROMANCE", "REBATE_TASK", "FAKE_INVESTMENT", "OTHER"];
const CHANNELS: ContactChannel[] = ["PHONE", "WECHAT", "URL", "APP"];
const GENDERS: (Gender | null)[] = ["MALE", "FEMALE", "UNKNOWN", null];

function warningRow(unitId: string, receivedAt: Date, w: Partial<Prisma.WarningCreateManyInput> = {}): Prisma.WarningCreateManyInput {
  const due = (m: number) => new Date(receivedAt.getTime() + m * 60_000);
  return {
    id: randomUUID(), unitId, source: "NATIONAL", externalId: `VP-${randomUUID()}`, riskLevel: "HIGH", fraudType: "ROMANCE",
    receivedAt, lastSeenAt: receivedAt, victimPhone: "13900000000", contactChannel: "PHONE", contactValue: "x", routedBy: "UNIT_CODE",
    ackDueAt: due(10), contactDueAt: due(30), resolveDueAt: due(1440), ...w,
  };
}

let tree: TestTree;
let units: string[];

/** The profile of a subtree counted from the raw warnings, keyed like readProfileCounts. */
async function recount(rootPath: string, from: string, to: string): Promise<ProfileCounts> {
  const rows = await getDb().warning.findMany({
    where: { unit: { OR: [{ path: rootPath }, { path: { startsWith: `${rootPath}/` } }] } },
    select: { receivedAt: true, victimAge: true, victimGender: true, fraudType: true, contactChannel: true, amountAtRisk: true },
  });
  const out = new Map<string, number>();
  const add = (k: string) => out.set(k, (out.get(k) ?? 0) + 1);
  for (const r of rows) {
    const china = new Date(r.receivedAt.getTime() + 8 * 3_600_000);
    const day = china.toISOString().slice(0, 10);
    if (day < from || day > to) continue;
    add(`age_fraud:${ageGroupOf(r.victimAge)}|${r.fraudType}`);
    add(`gender:${r.victimGender ?? "UNKNOWN"}`);
    add(`hour:${((china.getUTCDay() + 6) % 7) + 1}|${String(china.getUTCHours()).padStart(2, "0")}`);
    add(`channel:${r.contactChannel}`);
    add(`amount:${amountBandOf(r.amountAtRisk === null ? null : Number(r.amountAtRisk))}`);
  }
  return out;
}
const nonZero = (m: ProfileCounts) => new Map([...m].filter(([, v]) => v !== 0));

describe("the profile rollup", () => {
  beforeAll(async () => {
    tree = await makeUnitTree();
    units = [tree.city.id, tree.center.id, ...tree.branches.flatMap((b) => [b.id, ...b.precincts.map((p) => p.id)])];
    const r = createRng(1706);
    const db = getDb();
    // Nov 2025 – Feb 2026, times around China's midnight included; ages, amounts at the band edges.
    const base = Date.UTC(2025, 10, 1);
    const rows = Array.from({ length: 400 }, () =>
      warningRow(r.pick(units), new Date(base + r.int(0, 119 * 24 * 60) * 60_000), {
        fraudType: r.pick(TYPES), contactChannel: r.pick(CHANNELS), victimGender: r.pick(GENDERS),
        victimAge: r.chance(0.1) ? null : r.pick([12, 17, 18, 29, 30, 44, 45, 59, 60, 83]),
        amountAtRisk: r.chance(0.2) ? null : r.pick(["0", "999.99", "1000", "9999.99", "10000", "49999", "50000", "199999.99", "200000", "3500000"]),
      }));
    await db.warning.createMany({ data: rows.slice(0, 250) });
    for (const w of rows.slice(250)) await db.warning.create({ data: w });
    // Updates that move warnings between units, days, types and buckets; deletes.
    const ids = rows.map((w) => w.id!);
    for (let i = 0; i < 40; i++) {
      await db.warning.update({
        where: { id: r.pick(ids) },
        data: r.chance(0.5)
          ? { unitId: r.pick(units), fraudType: r.pick(TYPES), victimAge: r.int(10, 90) }
          : { receivedAt: new Date(base + r.int(0, 119 * 24 * 60) * 60_000), victimGender: r.pick(GENDERS), amountAtRisk: String(r.int(0, 300_000)), contactChannel: r.pick(CHANNELS) },
      });
    }
    await db.warning.updateMany({ where: { unitId: tree.branches[0]!.precincts[1]!.id }, data: { unitId: tree.branches[1]!.precincts[0]!.id } });
    await db.warning.deleteMany({ where: { id: { in: ids.slice(0, 30) } } });
    // A rolled-back write leaves no trace.
    await db.$transaction(async (tx) => {
      await tx.warning.create({ data: warningRow(tree.city.id, new Date(base + 86_400_000)) });
      throw new Error("rollback");
    }).catch(() => undefined);
  });

  it.each([
    ["the city", () => tree.city],
    ["branch 1", () => tree.branches[0]!],
    ["branch 2", () => tree.branches[1]!],
    ["a precinct", () => tree.branches[1]!.precincts[0]!],
  ])("equals a direct recount for %s (whole months and partial ones)", async (_, unit) => {
    for (const [from, to] of [["2025-11-01", "2026-02-28"], ["2025-11-17", "2026-01-09"], ["2025-12-31", "2026-01-01"]] as const) {
      const u = unit();
      expect(nonZero(await readProfileCounts(u.id, { from, to }))).toEqual(await recount(u.path, from, to));
    }
  });

  it("a branch sees its own subtree only: 404 for the other branch, its own figures by default", async () => {
    const { actor } = await makeUser(tree.branches[0]!, "LEADER");
    const e = await victimProfileFor(actor, { unit: tree.branches[1]!.code }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(404);
    const own = await victimProfileFor(actor, { from: "2025-11-01", to: "2026-02-28" });
    expect(own.unit.code).toBe(tree.branches[0]!.code);
    const expected = await recount(tree.branches[0]!.path, "2025-11-01", "2026-02-28");
    expect(own.total).toBe(AGE_GROUPS.reduce((s, a) => s + TYPES.reduce((t, ty) => t + (expected.get(`age_fraud:${a}|${ty}`) ?? 0), 0), 0));
    expect(own.heat).toHaveLength(7 * 24);
  });

  it("answers the API and the CSV with aggregates only; 404 outside the key's unit", async () => {
    const call = (route: typeof getProfiles, key: string, qs: string) =>
      route(new Request(`http://localhost/api/v1/stats/profiles?${qs}`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });
    const { key } = await makeApiKey(tree.branches[0]!, ["stats:read"]);
    const res = await call(getProfiles, key, "from=2025-11-01&to=2026-02-28");
    expect(res.status).toBe(200);
    const text = JSON.stringify(await res.json());
    expect(text).not.toMatch(/victimName|victimPhone|139\d{8}|"id"/);
    expect((await call(getProfiles, key, `unit=${tree.branches[1]!.code}`)).status).toBe(404);
    expect((await call(getProfiles, key, "from=2026-02-30&to=2026-03-01")).status).toBe(422);
    const csv = await call(exportProfiles, key, "from=2025-11-01&to=2026-02-28");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const body = await csv.text();
    expect(body).toMatch(/年龄段 × 诈骗类型|Age group/);
    // Every label translated: no message key (e.g. "ages.A20_29") reached the file.
    expect(body.split(/[\r\n,]/).filter((cell) => /^[a-z]+(\.[A-Za-z0-9_]+)+$/.test(cell))).toEqual([]);
    expect((await call(exportProfiles, key, `unit=${tree.branches[1]!.code}`)).status).toBe(404);
  });
});

describe("the surge rule", () => {
  const rule = DEFAULT_SURGE_RULE; // z 3, at least 10, 8 weeks

  it("flags at the threshold, not one below; the minimum count applies on a quiet baseline", () => {
    // Baseline 4 every week: mean 4, sd 0, Poisson floor √4 = 2 → threshold 4 + 3 × 2 = 10.
    expect(judgeSurge(9, Array(8).fill(4), rule).surging).toBe(false);
    expect(judgeSurge(10, Array(8).fill(4), rule)).toMatchObject({ threshold: 10, surging: true });
    // Nothing before: threshold 0 + 3 × 1 = 3, but at least 10 warnings are needed.
    expect(judgeSurge(9, Array(8).fill(0), rule).surging).toBe(false);
    expect(judgeSurge(10, Array(8).fill(0), rule).surging).toBe(true);
    // A noisy baseline: sd decides (mean 10, sd 6 → 10 + 18 = 28).
    const noisy = [4, 16, 4, 16, 4, 16, 4, 16];
    expect(judgeSurge(27, noisy, rule).surging).toBe(false);
    expect(judgeSurge(28, noisy, rule).surging).toBe(true);
  });

  describe("on the rollup, with notifications", () => {
    // Wednesday 2026-06-17, 12:00 China time: the window is 06-11 … 06-17.
    const NOW = new Date("2026-06-17T04:00:00Z");
    let t2: TestTree;

    beforeAll(async () => {
      t2 = await makeUnitTree();
      const p = t2.branches[0]!.precincts[0]!;
      const q = t2.branches[1]!.precincts[0]!;
      const rows: Prisma.WarningCreateManyInput[] = [];
      // ROMANCE: 4 a week for 8 weeks (at both branches), then 9 this week — one short.
      for (let w = 1; w <= 8; w++) {
        for (let i = 0; i < 4; i++) rows.push(warningRow(i % 2 ? p.id : q.id, new Date(NOW.getTime() - w * 7 * 86_400_000 - i * 3_600_000), { fraudType: "ROMANCE", victimAge: 65 }));
      }
      for (let i = 0; i < 9; i++) rows.push(warningRow(i % 2 ? p.id : q.id, new Date(NOW.getTime() - i * 3_600_000), { fraudType: "ROMANCE", victimAge: i < 6 ? 70 : 22 }));
      // FAKE_LOAN: nothing before, 9 this week (below the minimum of 10).
      for (let i = 0; i < 9; i++) rows.push(warningRow(p.id, new Date(NOW.getTime() - 2 * 86_400_000 - i * 60_000), { fraudType: "FAKE_LOAN", victimAge: 25 }));
      // Last week's surplus does not count: 8 days ago is the baseline.
      for (let i = 0; i < 5; i++) rows.push(warningRow(p.id, new Date(NOW.getTime() - 7 * 86_400_000 - 3_600_000 - i * 60_000), { fraudType: "GAME_TRADING" }));
      await getDb().warning.createMany({ data: rows });
    });

    it("flags a type reaching its threshold and names the most targeted age group", async () => {
      const { actor } = await makeUser(t2.city, "LEADER");
      expect(await fraudTypeSurges(actor, NOW)).toEqual([]);
      await getDb().warning.create({ data: warningRow(t2.branches[0]!.precincts[0]!.id, new Date(NOW.getTime() - 60_000), { fraudType: "ROMANCE", victimAge: 61 }) });
      await getDb().warning.create({ data: warningRow(t2.branches[0]!.precincts[0]!.id, new Date(NOW.getTime() - 60_000), { fraudType: "FAKE_LOAN", victimAge: 25 }) });
      const surges = await fraudTypeSurges(actor, NOW);
      expect(surges.map((s) => s.fraudType).sort()).toEqual(["FAKE_LOAN", "ROMANCE"]);
      expect(surges.find((s) => s.fraudType === "ROMANCE")).toMatchObject({ count: 10, mean: 4, sd: 0, threshold: 10, topAgeGroup: "60+", window: { from: "2026-06-11", to: "2026-06-17" } });
      expect(surges.find((s) => s.fraudType === "FAKE_LOAN")).toMatchObject({ count: 10, topAgeGroup: "18-29" });
      // One branch alone is below both thresholds for ROMANCE (it has half the baseline and the count).
      const { actor: b2 } = await makeUser(t2.branches[1]!, "LEADER");
      expect((await fraudTypeSurges(b2, NOW)).map((s) => s.fraudType)).toEqual([]);
      // Another branch's code is outside its jurisdiction.
      await expect(fraudTypeSurges({ ...b2, unitCode: t2.branches[0]!.code }, NOW)).rejects.toMatchObject({ status: 404 });
    });

    it("notifies the city's duty chiefs once per fraud type and week, no one else", async () => {
      const chief = await makeUser(t2.center, "DISPATCHER");
      const precinctDispatcher = await makeUser(t2.branches[0]!.precincts[0]!, "DISPATCHER");
      const leader = await makeUser(t2.city, "LEADER");
      const other = await makeUnitTree();
      const otherChief = await makeUser(other.center, "DISPATCHER");
      await flagFraudSurges(NOW);
      await flagFraudSurges(new Date(NOW.getTime() + 3_600_000));
      const mine = await getDb().notification.findMany({ where: { userId: chief.user.id, kind: "fraud_surge" } });
      expect(mine.map((n) => n.dedupeKey).sort()).toEqual([surgeKey(t2.city.code, "FAKE_LOAN", "2026-06-17"), surgeKey(t2.city.code, "ROMANCE", "2026-06-17")].sort());
      expect(mine.find((n) => n.dedupeKey.includes("ROMANCE"))?.data).toMatchObject({ fraudType: "ROMANCE", ageGroup: "60+", week: "2026-06-15" });
      for (const u of [precinctDispatcher, leader, otherChief]) {
        expect(await getDb().notification.count({ where: { userId: u.user.id, kind: "fraud_surge" } })).toBe(0);
      }
      const audits = await getDb().auditLog.count({ where: { action: "stats.surge.flagged", entityId: t2.city.code } });
      expect(audits).toBe(2);
    });
  });
});
