import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generateApiKey } from "@/lib/auth/api-keys";
import { addDays, chinaToday, dayToDate } from "@/lib/time/china";
import { commitImportChunk, previewImportChunk } from "@/lib/publicity/import-counts";
import { bulkUpsertCounts, setDailyCount } from "@/lib/publicity/counts";
import { POST as postCounts } from "@/app/api/v1/app-registrations/route";
import { makeUnitTree, makeUser, type TestTree } from "@/tests/factories";

let tree: TestTree;
beforeAll(async () => {
  tree = await makeUnitTree();
});

const today = chinaToday();
const day = (n: number) => addDays(today, -n);
const p = (i: 0 | 1, j: 0 | 1) => tree.branches[i]!.precincts[j]!;
const rows = (list: [string, string, string][]) => list.map(([d, unitCode, count], i) => ({ line: i + 2, day: d, unitCode, count }));

async function rejection(promise: Promise<unknown>) {
  const e = await promise.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const snapshot = async (unitIds: string[]) =>
  (await getDb().dailyCount.findMany({ where: { unitId: { in: unitIds } }, orderBy: [{ unitId: "asc" }, { metric: "asc" }, { day: "asc" }] }))
    .map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));

describe("importing daily counts", () => {
  it("previews per-row errors — unknown unit, bad date, negative count, duplicate day, future — and writes nothing", async () => {
    const { actor } = await makeUser(tree.center, "DISPATCHER");
    const before = await getDb().dailyCount.count();
    const preview = await previewImportChunk(actor, {
      metric: "APP_REGISTRATIONS",
      rows: rows([
        [day(3), p(0, 0).code, "12"],
        [day(3), "99999999", "5"],
        ["2025-02-30", p(0, 0).code, "5"],
        [day(4), p(0, 0).code, "-3"],
        [day(5), p(0, 1).code, "7"],
        [day(5), p(0, 1).code, "8"],
        [addDays(today, 1), p(0, 0).code, "1"],
        [day(6), p(0, 0).code, "abc"],
      ]),
    });
    expect(preview.created).toBe(1);
    expect(preview.errors).toEqual([
      { line: 3, errors: ["unknown_unit"] },
      { line: 4, errors: ["bad_date"] },
      { line: 5, errors: ["negative_count"] },
      { line: 6, errors: ["duplicate_day"] },
      { line: 7, errors: ["duplicate_day"] },
      { line: 8, errors: ["future_date"] },
      { line: 9, errors: ["bad_count"] },
    ].sort((a, b) => a.line - b.line));
    expect(await getDb().dailyCount.count()).toBe(before);
  });

  it("commits only valid rows, and re-importing the same file changes nothing", async () => {
    const { actor } = await makeUser(tree.center, "DISPATCHER");
    const file = rows([
      [day(10), p(1, 0).code, "40"],
      [day(10), p(1, 1).code, "22"],
      [day(11), p(1, 0).code, "35"],
      [day(11), "00000000", "9"],
    ]);
    const first = await commitImportChunk(actor, { metric: "APP_REGISTRATIONS", rows: file, updateChanged: false });
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0, conflict: 0 });
    expect(first.errors).toEqual([{ line: 5, errors: ["unknown_unit"] }]);
    const units = [p(1, 0).id, p(1, 1).id];
    const after = await snapshot(units);
    expect(after.map((r) => [r.count, r.source, r.version])).toEqual(expect.arrayContaining([[40, "IMPORT", 1], [35, "IMPORT", 1], [22, "IMPORT", 1]]));

    const again = await previewImportChunk(actor, { metric: "APP_REGISTRATIONS", rows: file });
    expect(again).toMatchObject({ created: 0, unchanged: [2, 3, 4], changed: [] });
    for (const updateChanged of [false, true]) {
      const second = await commitImportChunk(actor, { metric: "APP_REGISTRATIONS", rows: file, updateChanged });
      expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 3, conflict: 0 });
    }
    expect(await snapshot(units)).toEqual(after);
    expect(await getDb().auditLog.count({ where: { action: "publicity.counts.import", actorId: actor.id } })).toBe(3);
  });

  it("shows a changed count, keeps it unless the user confirms, then updates it with a new version", async () => {
    const { actor } = await makeUser(tree.center, "DISPATCHER");
    const unit = p(0, 1);
    await commitImportChunk(actor, { metric: "CONSULTATION_CALLS", rows: rows([[day(20), unit.code, "4"]]), updateChanged: false });
    const changed = rows([[day(20), unit.code, "6"]]);
    expect(await previewImportChunk(actor, { metric: "CONSULTATION_CALLS", rows: changed })).toMatchObject({ created: 0, changed: [{ line: 2, previous: 4, count: 6 }] });
    expect(await commitImportChunk(actor, { metric: "CONSULTATION_CALLS", rows: changed, updateChanged: false })).toMatchObject({ conflict: 1, updated: 0 });
    const where = { unitId_metric_day: { unitId: unit.id, metric: "CONSULTATION_CALLS" as const, day: dayToDate(day(20)) } };
    expect(await getDb().dailyCount.findUniqueOrThrow({ where })).toMatchObject({ count: 4, version: 1 });
    expect(await commitImportChunk(actor, { metric: "CONSULTATION_CALLS", rows: changed.map((r) => ({ ...r, previous: 4 })), updateChanged: true })).toMatchObject({ updated: 1 });
    expect(await getDb().dailyCount.findUniqueOrThrow({ where })).toMatchObject({ count: 6, version: 2 });
  });

  it("treats units outside the importer's jurisdiction as unknown", async () => {
    const { actor } = await makeUser(p(0, 0), "OFFICER");
    const preview = await previewImportChunk(actor, { metric: "APP_REGISTRATIONS", rows: rows([[day(2), p(0, 0).code, "3"], [day(2), p(1, 1).code, "3"]]) });
    expect(preview.created).toBe(1);
    expect(preview.errors).toEqual([{ line: 3, errors: ["unknown_unit"] }]);
  });

  it("rejects a malformed chunk as a whole (422) and never writes", async () => {
    const { actor } = await makeUser(tree.center, "DISPATCHER");
    const e = await rejection(commitImportChunk(actor, { metric: "APP_REGISTRATIONS", rows: [{ line: 1, day: day(1), unitCode: p(0, 0).code, count: "1", unitId: tree.city.id }], updateChanged: true }));
    expect(e.status).toBe(422);
    expect(e.details[0]).toMatchObject({ code: "unknown_keys" });
  });
});

describe("mutated batches (SECURITY.md C12)", () => {
  it("rejects bad items one by one and never fails the batch with a 5xx", async () => {
    const { actor } = await makeUser(p(1, 0), "OFFICER");
    const valid = { day: day(200), unitCode: p(1, 0).code, count: 3 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("day", "unitCode", "count", "extra"), fc.anything(), async (key, value) => {
        const result = await bulkUpsertCounts(actor, { metric: "CONSULTATION_CALLS", items: [valid, { ...valid, [key]: value }] }).catch((e: unknown) => e);
        expect(result).not.toBeInstanceOf(Error);
        const statuses = (result as Awaited<ReturnType<typeof bulkUpsertCounts>>).results.map((r) => r.status);
        // The mutated copy is either rejected, or (still valid) names the same unit and day: a duplicate.
        expect(statuses).toContain("rejected");
      }),
      { numRuns: 60 },
    );
  });
});

describe("counts entered by hand", () => {
  it("records a day once; correcting it needs the version it was read at", async () => {
    const { actor } = await makeUser(p(1, 1), "OFFICER");
    const input = { unitCode: p(1, 1).code, metric: "CONSULTATION_CALLS", day: day(30), count: "3" };
    await setDailyCount(actor, input);
    const again = await rejection(setDailyCount(actor, { ...input, count: "5" }));
    expect(again.details[0]).toMatchObject({ path: "day", code: "already_recorded" });
    await setDailyCount(actor, { ...input, count: "5", version: "1" });
    expect((await rejection(setDailyCount(actor, { ...input, count: "6", version: "1" }))).status).toBe(409);
    const row = await getDb().dailyCount.findFirstOrThrow({ where: { unitId: p(1, 1).id, metric: "CONSULTATION_CALLS", day: dayToDate(day(30)) } });
    expect(row).toMatchObject({ count: 5, version: 2, source: "MANUAL" });
    const outside = await rejection(setDailyCount(actor, { ...input, unitCode: p(0, 0).code }));
    expect(outside.details[0]).toMatchObject({ path: "unitCode", code: "unknown_unit" });
  });
});

describe("POST /api/v1/app-registrations", () => {
  async function apiKey(unit: { id: string }, scopes: string[]) {
    const k = generateApiKey();
    await getDb().apiKey.create({ data: { name: "upstream", prefix: k.prefix, keyHash: k.keyHash, unitId: unit.id, scopes } });
    return k.key;
  }
  const post = (key: string, body: unknown) =>
    postCounts(
      new Request("http://localhost/api/v1/app-registrations", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) }),
      { params: Promise.resolve({}) },
    );

  it("answers per item; a rejected item does not block the others; a replay changes nothing", async () => {
    const key = await apiKey(tree.branches[0]!, ["publicity:write"]);
    const body = {
      items: [
        { day: day(40), unitCode: p(0, 0).code, count: 11 },
        { day: day(40), unitCode: p(1, 0).code, count: 3 },
        { day: day(41), unitCode: p(0, 1).code, count: -1 },
        { day: day(41), unitCode: p(0, 0).code, count: 9 },
      ],
    };
    const res = await post(key, body);
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json.summary).toEqual({ created: 2, updated: 0, unchanged: 0, conflict: 0, rejected: 2 });
    expect(json.results.map((r: { status: string }) => r.status)).toEqual(["created", "rejected", "rejected", "created"]);
    expect(json.results[1].errors[0]).toMatchObject({ path: "unitCode", code: "unknown_unit" });
    expect(json.results[2].errors[0]).toMatchObject({ path: "count" });
    const replay = await (await post(key, body)).json();
    expect(replay.summary).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const changed = await (await post(key, { metric: "APP_REGISTRATIONS", items: [{ day: day(40), unitCode: p(0, 0).code, count: 12 }] })).json();
    expect(changed.results[0].status).toBe("updated");
  });

  it("refuses a batch over 5,000 items (422) and a key without the scope (403)", async () => {
    const key = await apiKey(tree.city, ["publicity:write"]);
    const items = Array.from({ length: 5001 }, (_, i) => ({ day: day(1 + (i % 300)), unitCode: p(0, 0).code, count: 1 }));
    const big = await post(key, { items });
    expect(big.status).toBe(422);
    const readOnly = await apiKey(tree.city, ["publicity:read"]);
    expect((await post(readOnly, { items: items.slice(0, 1) })).status).toBe(403);
  });
});
