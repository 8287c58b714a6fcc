import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { getAuditRecord, listAudit } from "@/lib/audit/queries";
import { AUDIT_COLUMNS, auditExportFile, exportAudit } from "@/lib/audit/export";
import { makeUnitTree, makeUser, type TestTree } from "@/tests/factories";
import { actionName, entityText, type AuditTranslator } from "@/lib/audit/display";
import zhAudit from "@/lib/i18n/messages/zh-CN/audit.json";
import { caseInStatus } from "./cases-fixtures";

// The export route translates its headers; outside a Next request the keys stand in for the texts.
const session = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("next-auth", () => ({ getServerSession: async () => (session.sid ? { sid: session.sid } : null) }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((key: string) => key, { has: () => true }) }));
const exportRoute = await import("@/app/(app)/audit/export/route");

let tree: TestTree;
let marker: string;
beforeAll(async () => {
  tree = await makeUnitTree();
  marker = `m${Date.now().toString(36)}`;
  const precinctA = tree.branches[0]!.precincts[0]!;
  const precinctB = tree.branches[1]!.precincts[0]!;
  const write = (unitId: string, name: string, action: string, success: boolean, details: Record<string, unknown> = {}) =>
    getDb().$transaction((tx) => writeAudit(tx, { ip: "10.1.2.3", requestId: marker, id: undefined, name, role: "OFFICER", unitId }, { action, success, entityType: "Warning", entityId: marker, details }));
  await write(precinctA.id, `${marker}a`, "warning.transition", true);
  await write(precinctA.id, `${marker}a`, "auth.login", false, { reason: "wrong-password" });
  await write(precinctB.id, `${marker}b`, "warning.transition", true, { note: "=HYPERLINK(\"http://evil\",\"x\")" });
  await write(precinctB.id, "=cmd|' /C calc'!A0", "pii.reveal", true, { field: "victimPhone" });
});

const cookieAs = async (user: { id: string; sessionVersion: number }) => {
  const s = await getDb().userSession.create({ data: { userId: user.id, sessionVersion: user.sessionVersion, expiresAt: new Date(Date.now() + 3_600_000) } });
  session.sid = s.id;
};
const get = (query: string) => exportRoute.GET(new Request(`http://localhost/audit/export?${query}`), { params: Promise.resolve({}) });

describe("audit trail queries", () => {
  it("filters by actor, action prefix, success, entity and unit subtree", async () => {
    const { actor } = await makeUser(tree.city, "AUDITOR");
    const ids = async (q: Record<string, string>) => (await listAudit(actor, { entityId: marker, ...q })).rows.map((r) => `${r.actorName}:${r.action}`);
    expect(await ids({})).toHaveLength(4);
    expect(await ids({ actor: `${marker}a` })).toEqual([`${marker}a:auth.login`, `${marker}a:warning.transition`]);
    expect(await ids({ action: "warning" })).toHaveLength(2);
    expect(await ids({ success: "false" })).toEqual([`${marker}a:auth.login`]);
    expect(await ids({ unit: tree.branches[1]!.code })).toHaveLength(2);
    expect(await ids({ entityType: "Case" })).toEqual([]);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(await ids({ from: today, to: today })).toHaveLength(4);
    expect(await ids({ to: "2020-01-01" })).toEqual([]);
  });

  it("rejects malformed and unknown filters (422), never a query", async () => {
    const { actor } = await makeUser(tree.city, "AUDITOR");
    for (const bad of [{ from: "yesterday" }, { success: "yes" }, { before: "-1" }, { action: "x' OR 1=1" }, { sort: "id" }]) {
      await expect(listAudit(actor, bad)).rejects.toMatchObject({ code: "VALIDATION" });
    }
  });

  it("shows a branch auditor only the records of their branch", async () => {
    const { actor } = await makeUser(tree.branches[0]!, "AUDITOR");
    const rows = (await listAudit(actor, { entityId: marker })).rows;
    expect(rows.map((r) => r.actorName)).toEqual([`${marker}a`, `${marker}a`]);
    const other = (await listAudit((await makeUser(tree.city, "AUDITOR")).actor, { entityId: marker, unit: tree.branches[1]!.code })).rows[0]!;
    await expect(getAuditRecord(actor, { id: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("pages by keyset, newest first", async () => {
    const { actor } = await makeUser(tree.city, "AUDITOR");
    const unitId = tree.branches[0]!.precincts[1]!.id;
    for (let i = 0; i < 55; i++) {
      await getDb().$transaction((tx) => writeAudit(tx, { ip: null, requestId: marker, name: "pager", unitId }, { action: "test.page", success: true, details: { i } }));
    }
    const first = await listAudit(actor, {});
    expect(first.rows.length).toBe(50);
    const second = await listAudit(actor, { before: first.next! });
    expect(BigInt(second.rows[0]!.id)).toBeLessThan(BigInt(first.rows.at(-1)!.id));
  });

  it("opens the full record and checks its hash", async () => {
    const { actor } = await makeUser(tree.city, "AUDITOR");
    const [row] = (await listAudit(actor, { entityId: marker, action: "pii.reveal" })).rows;
    const record = await getAuditRecord(actor, { id: row!.id });
    expect(record).toMatchObject({ action: "pii.reveal", requestId: marker, hashValid: true, details: { field: "victimPhone" } });
    expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

/** The zh-CN `audit` messages as next-intl would translate them (no request here). */
const zh: AuditTranslator = Object.assign(
  (key: string, values: Record<string, string> = {}) => {
    const text = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], zhAudit.audit);
    if (typeof text !== "string") throw new Error(`no message audit.${key}`);
    return text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
  },
  { has: (key: string) => typeof key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], zhAudit.audit) === "string" },
);

describe("audit trail as people read it", () => {
  it("names actions in Chinese, records by case and warning number, and IPs plainly", async () => {
    const branch = tree.branches[0]!;
    const precinct = branch.precincts[0]!;
    const c = await caseInStatus(branch, "REPORTED", null);
    const victim = await getDb().caseVictim.create({ data: { caseId: c.id, name: "王秀兰" } });
    const suspect = await getDb().suspect.create({ data: { unitId: branch.id, name: "李大明", status: "WANTED" } });
    const tag = `lbl${Date.now().toString(36)}`;
    const write = (action: string, entityType: string, entityId: string) =>
      getDb().$transaction((tx) => writeAudit(tx, { ip: "::ffff:127.0.0.1", requestId: tag, name: tag, role: "INVESTIGATOR", unitId: precinct.id }, { action, success: true, entityType, entityId }));
    await write("case.create", "FraudCase", c.id);
    await write("case.victim.add", "CaseVictim", victim.id);
    await write("case.suspect.add", "Suspect", suspect.id);
    await write("auth.login", "User", (await makeUser(precinct, "OFFICER", { username: `${tag}u` })).user.id);
    await write("authz.denied", "Warning", "00000000-0000-7000-8000-000000000000");
    await write("warning.merge", "Warning", "not-a-uuid");

    const { actor } = await makeUser(tree.city, "AUDITOR");
    const rows = (await listAudit(actor, { actor: tag })).rows;
    const shown = Object.fromEntries(rows.map((r) => [r.action, { action: actionName(zh, r.action), entity: entityText(zh, r), ip: r.ip }]));
    expect(shown["case.create"]).toEqual({ action: "受理案件", entity: `案件 ${c.caseNumber}`, ip: "127.0.0.1" });
    expect(shown["case.victim.add"]!.entity).toBe(`受害人 · 案件 ${c.caseNumber}`);
    expect(shown["case.suspect.add"]!.entity).toBe("嫌疑人 · 李**");
    expect(shown["auth.login"]).toMatchObject({ action: "登录", entity: `用户 · ${tag}u` });
    expect(shown["authz.denied"]).toMatchObject({ action: "越权访问被拒绝", entity: "预警 00000000-0000-7000-8000-000000000000" });
    expect(shown["warning.merge"]).toMatchObject({ action: "预警 · warning.merge", entity: "预警 not-a-uuid" });
    for (const r of rows) expect(JSON.stringify(r)).not.toContain("::ffff:");

    // The picker: one action exactly, or a group by its prefix with the dot (auth. is not authz.).
    const actions = async (action: string) => (await listAudit(actor, { actor: tag, action })).rows.map((r) => r.action).sort();
    expect(await actions("case.create")).toEqual(["case.create"]);
    expect(await actions("case.")).toEqual(["case.create", "case.suspect.add", "case.victim.add"]);
    expect(await actions("auth.")).toEqual(["auth.login"]);

    // The export carries the names and labels next to the codes.
    const headers = Object.fromEntries(AUDIT_COLUMNS.map((col) => [col, col])) as Record<(typeof AUDIT_COLUMNS)[number], string>;
    const csv = (await auditExportFile(await exportAudit(actor, { actor: tag, format: "csv" }), { sheet: "审计", headers, yesNo: String, actionName: (a) => actionName(zh, a), entity: (r) => entityText(zh, r) })).toString("utf8");
    expect(csv).toContain(`受理案件,case.create,案件 ${c.caseNumber}`);
    expect(csv).not.toContain("::ffff:");
  });
});

describe("audit export", () => {
  const labels = { sheet: "审计", headers: Object.fromEntries(AUDIT_COLUMNS.map((c) => [c, c])) as Record<(typeof AUDIT_COLUMNS)[number], string>, yesNo: (ok: boolean) => (ok ? "成功" : "失败") };

  it("escapes spreadsheet formulas in CSV and xlsx, and audits the export", async () => {
    const { actor } = await makeUser(tree.city, "AUDITOR");
    const csv = (await auditExportFile(await exportAudit(actor, { entityId: marker, format: "csv" }), labels)).toString("utf8");
    expect(csv).toContain(`'=cmd|' /C calc'!A0`);
    expect(csv).not.toMatch(/(^|,)=cmd/m);
    expect(csv).toContain(`"'{""note"":""=HYPERLINK`.replace(`'{`, `{`));
    const xlsx = await auditExportFile(await exportAudit(actor, { entityId: marker, format: "xlsx" }), labels);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const values = wb.worksheets[0]!.getSheetValues().flat().filter((v): v is string => typeof v === "string");
    expect(values).toContain("'=cmd|' /C calc'!A0");
    expect(values.some((v) => v.startsWith("="))).toBe(false);
    expect(await getDb().auditLog.count({ where: { action: "audit.export", actorId: actor.id } })).toBe(2);
  });

  it("serves the auditor and refuses the admin (三员分立)", async () => {
    const auditor = await makeUser(tree.city, "AUDITOR");
    await cookieAs(auditor.user);
    const ok = await get(`entityId=${marker}&format=csv`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/csv");
    expect(await ok.text()).toContain(`${marker}a`);
    expect((await get(`format=pdf`)).status).toBe(422);
    const admin = await makeUser(tree.city, "ADMIN");
    await cookieAs(admin.user);
    expect((await get(`entityId=${marker}`)).status).toBe(403);
    expect(await getDb().auditLog.count({ where: { action: "authz.denied", actorId: admin.user.id } })).toBe(1);
  });
});
