import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { addDays, chinaToday } from "@/lib/time/china";
import { commitImportChunk, previewImportChunk } from "@/lib/publicity/import-counts";
import { checkTable, parseCsv } from "@/lib/publicity/import-rows";
import { MAX_CHUNK_ROWS } from "@/lib/publicity/schemas";
import type { Actor } from "@/lib/auth/actor";
import { makeUnitTree, makeUser } from "@/tests/factories";

// A year-scale upstream export: 100 k rows of (day, unit, count), checked the way the import
// screen does it — the whole file in the browser, then chunk by chunk on the server.
const DAYS = 9_100;
let actor: Actor;
let csv: string;
let unitIds: string[];

beforeAll(async () => {
  const tree = await makeUnitTree();
  const branch = tree.branches[0]!;
  const extra = [];
  for (const n of ["05", "06", "07"]) {
    extra.push(await getDb().unit.create({ data: { code: `${branch.code}${n}`, name: `扩展派出所${n}`, kind: "PRECINCT", parentId: branch.id, path: `${branch.path}/${branch.code}${n}` } }));
  }
  const units = [tree.city, tree.center, ...tree.branches, ...tree.branches.flatMap((b) => b.precincts), ...extra];
  unitIds = units.map((u) => u.id);
  actor = (await makeUser(tree.center, "DISPATCHER")).actor;
  const today = chinaToday();
  const lines = ["\uFEFF日期,单位代码,注册人数"];
  for (let d = 1; d <= DAYS; d++) {
    const day = addDays(today, -d);
    for (const u of units) lines.push(`${day},${u.code},${(d * 7 + u.code.length) % 50}`);
  }
  csv = lines.join("\r\n");
}, 60_000);

async function inChunks<T>(rows: { line: number; day: string; unitCode: string; count: string }[], send: (chunk: typeof rows) => Promise<T>) {
  const out: T[] = [];
  for (let i = 0; i < rows.length; i += MAX_CHUNK_ROWS) out.push(await send(rows.slice(i, i + MAX_CHUNK_ROWS)));
  return out;
}

describe("a 100 k-row import", () => {
  it("previews in a few seconds, commits, and a second import changes nothing", async () => {
    const started = Date.now();
    const { rows, header } = checkTable(parseCsv(csv));
    expect(header).toBe(true);
    expect(rows.length).toBeGreaterThanOrEqual(100_000);
    const raw = rows.map((r) => r.raw);
    const previews = await inChunks(raw, (chunk) => previewImportChunk(actor, { metric: "APP_REGISTRATIONS", rows: chunk }));
    const previewMs = Date.now() - started;
    expect(previews.reduce((n, p) => n + p.created, 0)).toBe(rows.length);
    expect(previews.flatMap((p) => p.errors)).toEqual([]);
    console.info(`preview of ${rows.length} rows: ${previewMs} ms`);
    expect(previewMs).toBeLessThan(15_000);

    const commits = await inChunks(raw, (chunk) => commitImportChunk(actor, { metric: "APP_REGISTRATIONS", rows: chunk, updateChanged: false }));
    expect(commits.reduce((n, c) => n + c.created, 0)).toBe(rows.length);
    const count = () => getDb().dailyCount.count({ where: { unitId: { in: unitIds }, metric: "APP_REGISTRATIONS" } });
    expect(await count()).toBe(rows.length);

    const again = await inChunks(raw, (chunk) => commitImportChunk(actor, { metric: "APP_REGISTRATIONS", rows: chunk, updateChanged: true }));
    expect(again.reduce((n, c) => n + c.unchanged, 0)).toBe(rows.length);
    expect(again.reduce((n, c) => n + c.created + c.updated, 0)).toBe(0);
    const versions = await getDb().dailyCount.aggregate({ where: { unitId: { in: unitIds } }, _max: { version: true } });
    expect(versions._max.version).toBe(1);
    console.info(`whole run: ${Date.now() - started} ms`);
  }, 120_000);
});
