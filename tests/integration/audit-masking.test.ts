// Free text in audit details is masked like every display (SECURITY.md G33): a reason or note that
// holds a phone, ID or card number is stored masked, so neither the auditor's pages nor the exports
// nor the 180 days of retention keep the full number; the hash chain still verifies.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { auditExportFile, exportAudit, AUDIT_COLUMNS } from "@/lib/audit/export";
import { getAuditRecord, listAudit } from "@/lib/audit/queries";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { writeAudit } from "@/lib/audit/write-audit";
import { dispatchWarning } from "@/lib/warnings/commands";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { revealWarning } from "@/lib/warnings/reveal";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { makeApiKey, makeUnitTree, makeUser, warningInput, type TestTree } from "@/tests/factories";

const PHONE = "13907191234";
const ID_NUMBER = "420302199001011237";
const CARD = "6222021234567890123";
const FULL = [PHONE, ID_NUMBER, CARD];

let tree: TestTree;
let dispatcher: Awaited<ReturnType<typeof makeUser>>;
let auditor: Awaited<ReturnType<typeof makeUser>>;
let warningId: string;

beforeAll(async () => {
  tree = await makeUnitTree();
  forgetRoutingTable();
  const feed = await makeApiKey(tree.city, ["warnings:ingest"]);
  dispatcher = await makeUser(tree.center, "DISPATCHER");
  auditor = await makeUser(tree.city, "AUDITOR");
  const [r] = await ingestWarnings(feed.actor, [warningInput()]);
  warningId = r!.id!;
});

const stored = async (action: string) =>
  getDb().auditLog.findFirstOrThrow({ where: { action, entityId: warningId }, orderBy: { id: "desc" }, select: { id: true, details: true } });

describe("audit details hold no full phone, ID or card number", () => {
  it("masks a dispatch note and a reveal reason as typed by the user", async () => {
    const w = await getDb().warning.findUniqueOrThrow({ where: { id: warningId } });
    await dispatchWarning(dispatcher.actor, { id: warningId, 
      unitCode: tree.branches[0]!.precincts[0]!.code, version: w.version,
      note: `当事人手机 ${PHONE}，身份证 ${ID_NUMBER}，转账卡号 ${CARD}`,
    });
    await revealWarning(dispatcher.actor, { id: warningId, field: "victimPhone", reason: `回拨 ${PHONE} 核实` });

    const dispatch = await stored("warning.dispatch");
    expect((dispatch.details as { note: string }).note).toBe("当事人手机 139****1234，身份证 4203**********1237，转账卡号 622202*********0123");
    const reveal = await stored("pii.reveal");
    expect((reveal.details as { reason: string }).reason).toBe("回拨 139****1234 核实");

    // What the auditor opens and exports.
    const record = await getAuditRecord(auditor.actor, { id: String(dispatch.id) });
    const listed = await listAudit(auditor.actor, { entityId: warningId });
    const labels = { sheet: "审计", headers: Object.fromEntries(AUDIT_COLUMNS.map((c) => [c, c])) as Record<(typeof AUDIT_COLUMNS)[number], string>, yesNo: (ok: boolean) => String(ok) };
    const csv = (await auditExportFile(await exportAudit(auditor.actor, { entityId: warningId, format: "csv" }), labels)).toString("utf8");
    for (const text of [JSON.stringify(record), JSON.stringify(listed.rows), csv]) {
      for (const full of FULL) expect(text).not.toContain(full);
    }
    expect(csv).toContain("139****1234");
    expect(record.hashValid).toBe(true);
  });

  it("masks nested values and a typed username, and the chain still verifies", async () => {
    await getDb().$transaction((tx) =>
      writeAudit(tx, { ip: "::ffff:10.1.2.3", requestId: "mask-test", name: PHONE }, {
        action: "auth.login", success: false, entityType: "Warning", entityId: warningId,
        details: { reason: "wrong-password", deep: { a: [{ b: { c: { d: { e: { f: { g: `卡 ${CARD}` } } } } } }] } },
      }),
    );
    const row = await getDb().auditLog.findFirstOrThrow({ where: { requestId: "mask-test" } });
    expect(row.actorName).toBe("139****1234");
    expect(row.ip).toBe("10.1.2.3");
    for (const full of FULL) expect(JSON.stringify(row.details)).not.toContain(full);
    const report = await verifyAuditChain(getDb());
    expect(report.intact).toBe(true);
    expect((await getAuditRecord(auditor.actor, { id: String(row.id) })).hashValid).toBe(true);
  });
});
