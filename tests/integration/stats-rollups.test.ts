// The rollups agree with a direct recount of the raw records after random inserts, updates and
// deletes on every source table — bulk statements, cascades, rolled-back transactions and
// concurrent writers included.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { createRng, type Rng } from "@/prisma/seed/random";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActionKind, ActionResult, SeizedItemType, SlaStep, WarningOutcome } from "@/lib/generated/prisma/enums";
import { recountDaily } from "@/lib/stats/recount";
import { makeUnitTree, type TestTree } from "@/tests/factories";
import { seedCase } from "./stats-fixtures";

let tree: TestTree;
let units: string[];
beforeAll(async () => {
  tree = await makeUnitTree();
  units = [tree.city.id, tree.center.id, ...tree.branches.flatMap((b) => [b.id, ...b.precincts.map((p) => p.id)])];
});


// Times around China's midnight at a month and year boundary, where a wrong conversion shows.
const BASE = Date.UTC(2025, 11, 30, 12);
const when = (r: Rng) => new Date(BASE + r.int(0, 72 * 60) * 60_000);
const maybe = <T,>(r: Rng, v: T): T | null => (r.chance(0.5) ? v : null);
const OUTCOMES: WarningOutcome[] = ["DISSUADED", "ALREADY_DEFRAUDED", "UNREACHABLE", "FALSE_POSITIVE"];
const KINDS: ActionKind[] = ["HOTLINE_CALL", "SMS", "HOME_VISIT", "COUNTER_INTERCEPT"];
const RESULTS: ActionResult[] = ["CONNECTED", "DISSUADED", "UNANSWERED", "REFUSED"];
const ITEMS: SeizedItemType[] = ["SIM_CARD", "BANK_CARD", "POS", "CASH"];
const STEPS: SlaStep[] = ["ACK", "CONTACT", "RESOLVE"];
const money = (r: Rng) => `${r.int(0, 500_000)}.${String(r.int(0, 99)).padStart(2, "0")}`;

function warningRow(r: Rng): Prisma.WarningCreateManyInput {
  const receivedAt = when(r);
  const resolved = r.chance(0.6);
  const due = (m: number) => new Date(receivedAt.getTime() + m * 60_000);
  return {
    id: randomUUID(), unitId: r.pick(units), source: "NATIONAL", externalId: `SR-${randomUUID()}`,
    riskLevel: r.pick(["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const), fraudType: r.pick(["ROMANCE", "REBATE_TASK", "OTHER"] as const),
    receivedAt, lastSeenAt: receivedAt, victimPhone: "13900000000", contactChannel: "PHONE", contactValue: "x", routedBy: "UNIT_CODE",
    ackDueAt: due(10), contactDueAt: due(r.int(20, 300)), resolveDueAt: due(r.int(100, 3000)),
    acknowledgedAt: maybe(r, due(r.int(1, 20))), firstContactAt: maybe(r, due(r.int(2, 60))),
    status: resolved ? "RESOLVED" : r.pick(["PENDING", "ACKNOWLEDGED", "IN_PROGRESS"] as const),
    outcome: resolved ? r.pick(OUTCOMES) : null, resolvedAt: resolved ? due(r.int(5, 2000)) : null,
  };
}

async function randomStep(r: Rng): Promise<void> {
  const db = getDb();
  const ids = async (table: string) =>
    (await db.$queryRaw<{ id: string }[]>`SELECT id::text FROM ${Prisma.raw(table)} WHERE "unitId" = ANY(${units}::uuid[]) ORDER BY random() LIMIT 5`).map((x) => x.id);
  switch (r.int(0, 13)) {
    case 0:
      await db.warning.createMany({ data: Array.from({ length: r.int(1, 25) }, () => warningRow(r)) });
      break;
    case 1: {
      for (const id of await ids("warnings")) {
        const row = warningRow(r);
        await db.warning.updateMany({ where: { id }, data: r.chance(0.5) ? { status: row.status, outcome: row.outcome, resolvedAt: row.resolvedAt, acknowledgedAt: row.acknowledgedAt } : { unitId: r.pick(units), receivedAt: row.receivedAt, firstContactAt: row.firstContactAt } });
      }
      break;
    }
    case 2: // one statement moving many warnings between units
      await db.warning.updateMany({ where: { unitId: r.pick(units) }, data: { unitId: r.pick(units), version: { increment: 1 } } });
      break;
    case 3: {
      const victims = await ids("warnings");
      await db.dissuasionAction.deleteMany({ where: { warningId: { in: victims } } });
      await db.slaBreach.deleteMany({ where: { warningId: { in: victims } } });
      await db.warning.deleteMany({ where: { id: { in: victims } } });
      break;
    }
    case 4: {
      const ws = await ids("warnings");
      await db.dissuasionAction.createMany({
        data: Array.from({ length: r.int(1, 15) }, () => ({
          unitId: r.pick(units), warningId: ws.length && r.chance(0.6) ? r.pick(ws) : null, kind: r.pick(KINDS), result: r.pick(RESULTS),
          occurredAt: when(r), amountProtected: r.chance(0.5) ? money(r) : "0",
        })),
      });
      break;
    }
    case 5:
      for (const id of await ids("dissuasion_actions")) {
        await db.dissuasionAction.updateMany({ where: { id }, data: r.chance(0.5) ? { amountProtected: money(r), occurredAt: when(r) } : { kind: r.pick(KINDS), result: r.pick(RESULTS), unitId: r.pick(units), warningId: null } });
      }
      break;
    case 6:
      await db.dissuasionAction.deleteMany({ where: { id: { in: await ids("dissuasion_actions") } } });
      break;
    case 7: {
      const caseId = await seedCase(r.pick(units), { reportedAt: when(r), submittedAt: when(r), filedAt: maybe(r, when(r)) ?? undefined, solvedAt: maybe(r, when(r)) ?? undefined });
      await db.seizedItem.createMany({ data: Array.from({ length: r.int(0, 4) }, () => ({ caseId, unitId: r.pick(units), type: r.pick(ITEMS), quantity: r.int(1, 300), seizedAt: when(r) })) });
      await db.fundRecovery.createMany({ data: Array.from({ length: r.int(0, 3) }, () => ({ caseId, unitId: r.pick(units), amount: money(r), recoveredAt: when(r), method: "FROZEN_FUNDS" as const })) });
      break;
    }
    case 8:
      for (const id of await ids("cases")) {
        await db.fraudCase.updateMany({ where: { id }, data: { filedAt: maybe(r, when(r)), solvedAt: maybe(r, when(r)), prosecutedAt: maybe(r, when(r)), unitId: r.pick(units) } });
      }
      await db.seizedItem.updateMany({ where: { unitId: r.pick(units) }, data: { quantity: { increment: r.int(1, 9) }, seizedAt: when(r) } });
      break;
    case 9: // a case's seized items and recoveries go with it (ON DELETE CASCADE)
      await db.fraudCase.deleteMany({ where: { id: { in: (await ids("cases")).slice(0, 2) } } });
      break;
    case 10:
      await db.gang.createMany({ data: Array.from({ length: r.int(1, 4) }, () => ({ unitId: r.pick(units), name: "团伙", dismantledAt: maybe(r, when(r)) })) });
      await db.suspect.createMany({ data: Array.from({ length: r.int(1, 6) }, () => ({ unitId: r.pick(units), name: "某某", arrestedAt: maybe(r, when(r)) })) });
      await db.gang.updateMany({ where: { unitId: r.pick(units) }, data: { dismantledAt: when(r) } });
      await db.suspect.deleteMany({ where: { id: { in: await ids("suspects") } } });
      break;
    case 11: {
      await db.publicityEvent.createMany({ data: Array.from({ length: r.int(1, 4) }, () => ({ unitId: r.pick(units), kind: "LECTURE" as const, targetGroup: "RESIDENTS" as const, title: "讲座", occurredOn: new Date(Date.UTC(2025, 11, r.int(28, 34))), audienceCount: r.int(0, 900), appRegistrations: r.int(0, 50) })) });
      await db.publicityEvent.updateMany({ where: { unitId: r.pick(units) }, data: { audienceCount: { increment: 7 } } });
      const day = new Date(Date.UTC(2025, 11, r.int(29, 33)));
      const unitId = r.pick(units);
      const metric = r.pick(["APP_REGISTRATIONS", "CONSULTATION_CALLS"] as const);
      await db.dailyCount.upsert({ where: { unitId_metric_day: { unitId, metric, day } }, create: { unitId, metric, day, count: r.int(0, 99) }, update: { count: r.int(0, 99) } });
      break;
    }
    case 12: {
      const ws = await ids("warnings");
      for (const warningId of ws.slice(0, 2)) {
        await db.slaBreach.createMany({ data: [{ warningId, step: r.pick(STEPS), unitId: r.pick(units), dueAt: when(r) }], skipDuplicates: true });
      }
      await db.slaBreach.deleteMany({ where: { warningId: { in: ws.slice(2, 3) } } });
      break;
    }
    case 13: // a failed transaction leaves the rollups as they were
      await db.$transaction(async (tx) => {
        await tx.warning.createMany({ data: [warningRow(r), warningRow(r)] });
        throw new Error("rolled back");
      }).catch(() => {});
      break;
  }
}

async function expectRollupsAgree() {
  const db = getDb();
  const recount = await recountDaily(units);
  const daily = await db.$queryRaw<{ unitId: string; day: string; metric: string; value: string }[]>`
    SELECT "unitId"::text AS "unitId", day::text AS day, metric, value::text AS value FROM stat_daily
    WHERE "unitId" = ANY(${units}::uuid[]) AND value <> 0`;
  const key = (x: { unitId: string; day: string; metric: string; value: string }) => `${x.unitId} ${x.day} ${x.metric} ${Number(x.value).toFixed(2)}`;
  expect(daily.map(key).sort()).toEqual(recount.map(key).sort());

  const monthly = await db.$queryRaw<{ k: string }[]>`
    SELECT "unitId"::text || ' ' || month::text || ' ' || metric || ' ' || value::text AS k FROM stat_monthly
    WHERE "unitId" = ANY(${units}::uuid[]) AND value <> 0`;
  const expected = new Map<string, number>();
  for (const x of recount) {
    const k = `${x.unitId} ${x.day.slice(0, 8)}01 ${x.metric}`;
    expected.set(k, Math.round(((expected.get(k) ?? 0) + Number(x.value)) * 100) / 100);
  }
  const want = [...expected].filter(([, v]) => v !== 0).map(([k, v]) => `${k} ${v.toFixed(2)}`);
  expect(monthly.map((m) => m.k).sort()).toEqual(want.sort());
  return recount.length;
}

describe("rollups", () => {
  it("agree with a direct recount after random inserts, updates and deletes", async () => {
    const seed = Number(process.env.STATS_SEED ?? Date.now() % 1_000_000);
    const r = createRng(seed);
    for (let i = 0; i < 160; i++) {
      await randomStep(r).catch((e: unknown) => {
        throw new Error(`step ${i} with STATS_SEED=${seed}: ${String(e)}`);
      });
      if (i % 40 === 39) expect(await expectRollupsAgree(), `STATS_SEED=${seed}`).toBeGreaterThan(0);
    }
  }, 120_000);

  it("stay exact under concurrent writers on the same units and days", async () => {
    const r = createRng(7);
    await Promise.all(
      Array.from({ length: 6 }, (_, w) =>
        (async () => {
          const mine = createRng(100 + w);
          // Writers race each other (one deletes what another updates): a step that fails on
          // such a race rolls back as a whole, and the rollups must still agree.
          // A deadlock, though, would be the rollups' fault: it fails the test.
          for (let i = 0; i < 12; i++) {
            await randomStep(mine.chance(0.5) ? mine : r).catch((e: unknown) => {
              if ((e as { code?: string }).code === "P2034" || /deadlock/i.test(String(e))) throw e;
            });
          }
        })(),
      ),
    );
    await expectRollupsAgree();
  }, 120_000);
});
