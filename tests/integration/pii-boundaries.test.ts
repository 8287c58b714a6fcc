// Personal data at the edges a hostile tester's round found open: numbers as people write them in
// audit details (G33), a write scope that reads appeals (G30), the printable request document (B10).
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { dispatchWarning } from "@/lib/warnings/commands";
import { listAudit } from "@/lib/audit/queries";
import { AUDIT_COLUMNS, auditExportFile, exportAudit } from "@/lib/audit/export";
import { createApiKey } from "@/lib/api-keys/commands";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { createMeasure } from "@/lib/publicity/measures";
import { registerAppeal } from "@/lib/appeals/commands";
import { createCase } from "@/lib/cases/create-case";
import { requestFromCase } from "@/lib/requests/create";
import { getPartnerRequestDocument } from "@/lib/requests/queries";
import { luhnCheckDigit } from "@/lib/pii";
import { addDays, chinaToday } from "@/lib/time/china";
import { makeApiKey, makeUnitTree, makeUser, warningInput, type TestTree } from "@/tests/factories";
import { bankCard, caseInput } from "./cases-fixtures";

let tree: TestTree;
beforeAll(async () => {
  tree = await makeUnitTree();
  forgetRoutingTable();
});

describe("audit details are masked like every display, free text included (SECURITY.md G33, A11)", () => {
  it("a dispatch note's landline, grouped mobile and 15-digit card are masked in the auditor's trail and export", async () => {
    const feed = await makeApiKey(tree.city, ["warnings:ingest"]);
    const dispatcher = await makeUser(tree.center, "DISPATCHER");
    const auditor = await makeUser(tree.city, "AUDITOR");
    const [r] = await ingestWarnings(feed.actor, [warningInput()]);
    const w = await getDb().warning.findUniqueOrThrow({ where: { id: r!.id! } });
    // Numbers the platform itself accepts: a landline (isValidPhone), a mobile as people write it
    // (normalizePhone takes spaces), a 15-digit bank card (isValidBankCard: 12–19 digits, Luhn).
    const landline = "0719-8123456";
    const grouped = "139 0719 1234";
    const partial = `62220212345678`;
    const card15 = `${partial}${luhnCheckDigit(partial)}`;
    await dispatchWarning(dispatcher.actor, {
      id: w.id, unitCode: tree.branches[0]!.precincts[0]!.code, version: w.version,
      note: `家属座机 ${landline}，本人另一手机 ${grouped}，转账卡 ${card15}`,
    });
    const listed = await listAudit(auditor.actor, { entityId: w.id, action: "warning.dispatch" });
    const labels = { sheet: "审计", headers: Object.fromEntries(AUDIT_COLUMNS.map((c) => [c, c])) as Record<(typeof AUDIT_COLUMNS)[number], string>, yesNo: (ok: boolean) => String(ok) };
    const csv = (await auditExportFile(await exportAudit(auditor.actor, { entityId: w.id, format: "csv" }), labels)).toString("utf8");
    const shown = JSON.stringify(listed.rows.map((x) => x.details));
    // The auditor holds no PII permission: none of the full numbers may reach them.
    for (const text of [shown, csv]) {
      expect(text).not.toContain(landline);
      expect(text).not.toContain(grouped);
      expect(text).not.toContain(card15);
    }
  });
});

describe("an API key that reads personal data waits for the security officer's approval (SECURITY.md G30)", () => {
  it("a publicity:write key, which reads appeals, is refused until approved", async () => {
    const branch = tree.branches[0]!;
    const officer = await makeUser(branch.precincts[0]!, "OFFICER");
    const admin = await makeUser(tree.city, "ADMIN");
    const today = chinaToday();
    const m = await createMeasure(officer.actor, {
      unitCode: branch.precincts[0]!.code, personName: "王小明", personIdNumber: "420302199001011237", measure: "RESTRICT_CALLS",
      startsOn: addDays(today, -20), endsOn: addDays(today, 30), reason: "名下电话卡被用于实施诈骗",
    });
    const a = await registerAppeal(officer.actor, {
      measureId: m.id, appellantName: "王小明", appellantPhone: "13812345678", appellantIdNumber: "420302199001011237",
      grounds: "该卡已挂失，本人住址 十堰市茅箭区测试路 8 号", evidence: ["挂失证明"], receivedOn: today,
    });
    // The key reads appeals (measure managers do): its creation waits for the security officer,
    // and until then the key is refused.
    const created = await createApiKey(admin.actor, { name: `宣传推送${randomInt(0, 1e6)}`, unitCode: branch.code, scopes: ["publicity:write"] });
    expect(created.pending).toBe(true);
    expect(await authenticateApiKey(created.key, { ip: "127.0.0.1", requestId: "00000000-0000-4000-8000-000000000001" })).toBeNull();
    void a;
  });
});

describe("full values only with a reason (SECURITY.md B10)", () => {
  it("the printable request document gives the full account and holder only with a reason, audited with it", async () => {
    const investigator = await makeUser(tree.branches[1]!, "INVESTIGATOR");
    const { id: caseId } = await createCase(investigator.actor, caseInput({ accounts: [] }));
    const account = bankCard();
    const r = await requestFromCase(investigator.actor, {
      id: caseId, kind: "STOP_PAYMENT", partnerName: "中国工商银行", target: account, holderName: "李四光", amount: "1000.00", approverName: "刘局长",
    });
    // Without a reason: refused on the field, nothing given.
    const refused = await getPartnerRequestDocument(investigator.actor, { id: r.id } as never).catch((e: AppError) => e);
    expect(refused instanceof AppError ? refused.details.map((d) => d.path) : refused).toEqual(["reason"]);
    // With one: the full values, and the opening audited with its reason.
    const doc = await getPartnerRequestDocument(investigator.actor, { id: r.id, reason: "打印协查文书送达银行" });
    expect([doc.targetFull, doc.holderNameFull]).toEqual([account, "李四光"]);
    const audit = await getDb().auditLog.findFirst({ where: { entityId: r.id, action: "request.document" }, orderBy: { id: "desc" }, select: { details: true } });
    expect(audit?.details).toMatchObject({ reason: "打印协查文书送达银行" });
  });
});
