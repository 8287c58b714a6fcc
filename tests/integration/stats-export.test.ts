// The Excel export: a real workbook of every statistics table, formulas escaped, aggregates only,
// audited; and the summary read from the rollups equals a direct recount for random periods.
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db";
import { GET as getExport } from "@/app/api/v1/stats/export/route";
import { directFigures } from "@/lib/stats/recount";
import { summaryFor } from "@/lib/stats/summary";
import { makeApiKey, makeUnitTree, makeUser, type TestTree } from "@/tests/factories";
import { seedAction, seedCase, seedWarning } from "./stats-fixtures";

let tree: TestTree;
const VICTIM = "欧阳测试受害人";
beforeAll(async () => {
  tree = await makeUnitTree();
  const p = tree.branches[0]!.precincts[0]!;
  await getDb().unit.update({ where: { id: p.id }, data: { name: '=HYPERLINK("http://evil","点我")' } });
  for (let i = 0; i < 40; i++) {
    const at = new Date(Date.UTC(2025, i % 12, 1 + (i % 27), (i * 7) % 24));
    const unit = i % 3 === 0 ? tree.center.id : i % 3 === 1 ? p.id : tree.branches[1]!.precincts[1]!.id;
    const w = await seedWarning(unit, { receivedAt: at, resolvedAt: new Date(at.getTime() + 3_600_000), outcome: i % 4 === 0 ? "DISSUADED" : "FALSE_POSITIVE" });
    await seedAction(unit, { kind: i % 2 ? "HOTLINE_CALL" : "HOME_VISIT", result: "DISSUADED", occurredAt: at, amountProtected: `${i * 1000}.${i % 10}5`, warningId: w });
    if (i % 5 === 0) {
      const c = await seedCase(tree.branches[i % 2]!.id, { reportedAt: at, submittedAt: new Date(at.getTime() + 600_000), filedAt: new Date(at.getTime() + 7_200_000), solvedAt: i % 10 === 0 ? new Date(at.getTime() + 30 * 86_400_000) : undefined });
      await getDb().caseVictim.create({ data: { caseId: c, name: VICTIM, phone: "13912345678", lossAmount: "1000.00" } });
    }
  }
});

describe("the Excel export", () => {
  it("is a real .xlsx of every table, with formulas escaped, no personal data, and audited", async () => {
    const { key, actor } = await makeApiKey(tree.city, ["stats:read"]);
    const res = await getExport(new Request(`http://localhost/api/v1/stats/export?from=2025-01-01&to=2025-12-31&unit=${tree.city.code}`, { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="stats.xlsx"; filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["概览", "下级单位", "排名", "趋势数据", "分布数据"]);
    const cells = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().filter((v) => v !== undefined && v !== null));
    const texts = cells.filter((v): v is string => typeof v === "string");
    expect(texts).toContain(`'=HYPERLINK("http://evil","点我")`);
    expect(texts.some((s) => /^[=+\-@]/.test(s))).toBe(false);
    // Every label translated and filled in: no message key, no placeholder left.
    expect(texts.filter((s) => /^[a-z]+(\.[A-Za-z0-9_]+)+$/.test(s) || /\{\w+\}/.test(s))).toEqual([]);
    expect(wb.worksheets.some((ws) => { let f = false; ws.eachRow((r) => r.eachCell((c) => { if (c.formula) f = true; })); return f; })).toBe(false);
    expect(JSON.stringify(cells)).not.toMatch(new RegExp(`${VICTIM}|13912345678`));
    const overview = wb.getWorksheet("概览")!;
    const handled = overview.getSheetValues().find((r) => Array.isArray(r) && r[1] === "处置涉诈预警") as unknown[];
    expect(handled[2]).toBe(40);
    expect(await getDb().auditLog.count({ where: { action: "stats.export", actorId: actor.id, entityId: tree.city.code } })).toBe(1);
  });

  it("answers 422 for a bad query and writes no audit record", async () => {
    const { key, actor } = await makeApiKey(tree.city, ["stats:read"]);
    const res = await getExport(new Request("http://localhost/api/v1/stats/export?from=2025-01-01", { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(422);
    expect(await getDb().auditLog.count({ where: { action: "stats.export", actorId: actor.id } })).toBe(0);
  });
});

describe("the rollups against a direct recount", () => {
  it("give the same figures for random periods and units", async () => {
    const { actor } = await makeUser(tree.city, "LEADER");
    const units = [tree.city, tree.center, tree.branches[0]!, tree.branches[0]!.precincts[0]!, tree.branches[1]!.precincts[1]!];
    for (let i = 0; i < 12; i++) {
      const from = new Date(Date.UTC(2024, 10 + ((i * 5) % 14), 1 + ((i * 11) % 28))).toISOString().slice(0, 10);
      const to = new Date(Date.parse(`${from}T00:00:00Z`) + ((i * 37) % 400) * 86_400_000).toISOString().slice(0, 10);
      const unit = units[i % units.length]!;
      const s = await summaryFor(actor, { from, to, unit: unit.code });
      const direct = await directFigures(unit.path, { from, to });
      expect(Object.fromEntries(s.figures.map((f) => [f.key, Number(f.value)])), `${unit.code} ${from}…${to}`).toEqual(
        Object.fromEntries(Object.entries(direct).map(([k, v]) => [k, Number(v)])),
      );
    }
  });
});
