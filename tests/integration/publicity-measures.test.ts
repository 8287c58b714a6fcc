import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addDays, chinaToday, dayToDate } from "@/lib/time/china";
import { createMeasure, getMeasure, listMeasures, revealMeasureField, updateMeasure } from "@/lib/publicity/measures";
import { measureAggregates } from "@/lib/publicity/measure-aggregates";
import { exportMeasures, measuresWorkbook, type ExportLabels } from "@/lib/publicity/measures-export";
import { createCampaign, listCampaigns, updateCampaign } from "@/lib/publicity/campaigns";
import { makeUnitTree, makeUser, type TestTree } from "@/tests/factories";

let tree: TestTree;
beforeAll(async () => {
  tree = await makeUnitTree();
});

const today = chinaToday();
const p = (i: 0 | 1, j: 0 | 1) => tree.branches[i]!.precincts[j]!;
const ID = "420302199001011237"; // a valid GB 11643 number
const measure = (over: Record<string, string> = {}) => ({
  personName: "王小明", personIdNumber: ID, measure: "RESTRICT_CALLS", startsOn: addDays(today, -80), endsOn: addDays(today, 3),
  reason: "名下电话卡被用于实施诈骗，限制通话功能", ...over,
});
const labels: ExportLabels = {
  sheet: "措施",
  headers: { unit: "单位", person: "姓名", idNumber: "身份证号", measure: "措施", startsOn: "开始", endsOn: "结束", state: "状态", reason: "事由", caseNumber: "案件" },
  measure: (k) => k,
  state: (s) => s,
};

async function rejection(promise: Promise<unknown>) {
  const e = await promise.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("art. 38 measures", () => {
  it("validates the ID checksum, end after start, and an end date for timed measures", async () => {
    const { actor } = await makeUser(p(0, 0), "OFFICER");
    const e = await rejection(createMeasure(actor, measure({ personIdNumber: "420302199001011234", endsOn: addDays(today, -90) })));
    expect(e.details).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: "personIdNumber", code: "invalid_id_number" }),
      expect.objectContaining({ path: "endsOn", code: "before_start" }),
    ]));
    const e2 = await rejection(createMeasure(actor, measure({ measure: "ADMIN_DETENTION", endsOn: "" })));
    expect(e2.details[0]).toMatchObject({ path: "endsOn", code: "required" });
    const e3 = await rejection(createMeasure(actor, measure({ caseNumber: "420302-2026-99999" })));
    expect(e3.details[0]).toMatchObject({ path: "caseNumber", code: "unknown_case" });
  });

  it("lists masked identities, flags those ending within 7 days, and reveals one value with an audited reason", async () => {
    const { actor } = await makeUser(p(0, 0), "OFFICER");
    const { id } = await createMeasure(actor, measure());
    await createMeasure(actor, measure({ personName: "李四", endsOn: addDays(today, 60) }));
    const list = await listMeasures(actor, {});
    const row = list.items.find((m) => m.id === id)!;
    expect(row).toMatchObject({ personName: "王**", personIdNumber: "4203**********1237", state: "ending", daysLeft: 3 });
    expect(JSON.stringify(list)).not.toContain(ID);
    expect(JSON.stringify(list)).not.toContain("王小明");
    expect((await listMeasures(actor, { state: "ending" })).items.map((m) => m.id)).toEqual([id]);
    expect((await rejection(revealMeasureField(actor, { id, field: "personIdNumber", reason: "x" }))).status).toBe(422);
    expect(await revealMeasureField(actor, { id, field: "personIdNumber", reason: "核查身份用于执行" })).toBe(ID);
    expect(await getDb().auditLog.count({ where: { action: "pii.reveal", entityId: id } })).toBe(1);
  });

  it("keeps other precincts' measures out of reach (404) and leadership out of the register", async () => {
    const { actor: owner } = await makeUser(p(1, 0), "OFFICER");
    const { id } = await createMeasure(owner, measure());
    const { actor: other } = await makeUser(p(1, 1), "OFFICER");
    expect((await rejection(getMeasure(other, { id }))).status).toBe(404);
    expect((await rejection(revealMeasureField(other, { id, field: "personName", reason: "越权查看" }))).status).toBe(404);
    expect((await rejection(updateMeasure(other, { ...measure(), id, version: "1" }))).status).toBe(404);
    const { actor: leader } = await makeUser(tree.city, "LEADER");
    expect((await rejection(listMeasures(leader, {}))).status).toBe(403);
    expect((await rejection(revealMeasureField(leader, { id, field: "personName", reason: "领导查看" }))).status).toBe(403);
    expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: leader.id } })).toBe(2);
    const agg = await measureAggregates(leader, {});
    const branchRow = agg.rows.find((r) => r.code === tree.branches[1]!.code)!;
    expect(branchRow.values).toMatchObject({ RESTRICT_CALLS: 1, activeNow: 1, endingSoon: 1, total: 1 });
    expect(JSON.stringify(agg)).not.toMatch(/王|4203/);
  });

  it("keeps the identity on edit when left blank, and detects a stale version", async () => {
    const { actor } = await makeUser(p(0, 1), "DISPATCHER");
    const { id } = await createMeasure(actor, measure());
    await updateMeasure(actor, { ...measure({ personName: "", personIdNumber: "", endsOn: addDays(today, 30) }), id, version: "1" });
    const stored = await getDb().disciplinaryMeasure.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ personName: "王小明", personIdNumber: ID, version: 2, endsOn: dayToDate(addDays(today, 30)) });
    expect((await rejection(updateMeasure(actor, { ...measure(), id, version: "1" }))).status).toBe(409);
  });

  it("exports the filter as .xlsx with masked identities and escaped formulas, and audits the export", async () => {
    const { actor } = await makeUser(tree.branches[0]!, "DISPATCHER");
    await createMeasure(actor, measure({ unitCode: tree.branches[0]!.code, reason: "=HYPERLINK(\"http://evil\")出租银行卡" }));
    const exported = await exportMeasures(actor, { unit: tree.branches[0]!.code });
    const body = await measuresWorkbook(exported, labels);
    const rows = exported.length;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const cells = sheet.getSheetValues().flat().map(String);
    expect(rows).toBeGreaterThan(0);
    expect(cells).toContain("'=HYPERLINK(\"http://evil\")出租银行卡");
    expect(cells.join(" ")).not.toContain(ID);
    expect(cells).toContain("4203**********1237");
    expect(await getDb().auditLog.count({ where: { action: "publicity.measures.export", actorId: actor.id } })).toBe(1);
  });
});

describe("无诈 campaigns", () => {
  it("creates and advances a campaign; the certification date is required only when certified", async () => {
    const { actor } = await makeUser(p(0, 0), "OFFICER");
    const base = { kind: "COMMUNITY", name: "测试社区“无诈社区”创建", status: "PLANNED" };
    const { id } = await createCampaign(actor, base);
    const e = await rejection(updateCampaign(actor, { ...base, id, version: "1", status: "CERTIFIED", startedOn: addDays(today, -100) }));
    expect(e.details[0]).toMatchObject({ path: "certifiedOn", code: "required" });
    const e2 = await rejection(updateCampaign(actor, { ...base, id, version: "1", status: "IN_PROGRESS" }));
    expect(e2.details[0]).toMatchObject({ path: "startedOn", code: "required" });
    await updateCampaign(actor, { ...base, id, version: "1", status: "CERTIFIED", startedOn: addDays(today, -100), certifiedOn: addDays(today, -5) });
    const list = await listCampaigns(actor, {});
    expect(list.items.find((c) => c.id === id)).toMatchObject({ status: "CERTIFIED", version: 2 });
    expect(list.byStatus.CERTIFIED).toBeGreaterThanOrEqual(1);
    const { actor: outsider } = await makeUser(p(1, 0), "OFFICER");
    expect((await listCampaigns(outsider, {})).items.map((c) => c.id)).not.toContain(id);
    expect((await rejection(updateCampaign(outsider, { ...base, id, version: "2" }))).status).toBe(404);
  });
});
