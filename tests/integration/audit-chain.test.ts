import { describe, expect, it } from "vitest";
import { getDb, sqlTransaction } from "@/lib/db";
import { chainHash, chainedFieldsOf } from "@/lib/audit/hash";
import { auditAppend, writeAudit } from "@/lib/audit/write-audit";
import { verifyAuditChain } from "@/lib/audit/verify-chain";

const who = { ip: "127.0.0.1", requestId: "test", name: "chain-test" };

describe("audit trail", () => {
  it("chains concurrent appends into one intact line", async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        getDb().$transaction((tx) => writeAudit(tx, who, { action: "test.append", success: true, details: { i, nested: { z: 1, a: [i] } } })),
      ),
    );
    const report = await verifyAuditChain(getDb());
    expect(report.intact).toBe(true);
    expect(report.count).toBeGreaterThanOrEqual(30);
    // Each record is timed as it joins the chain: the chain's order is its time order.
    const times = (await getDb().auditLog.findMany({ where: { action: "test.append", requestId: "test" }, orderBy: { id: "asc" }, select: { at: true } })).map((r) => r.at.getTime());
    expect(times.length).toBeGreaterThanOrEqual(30);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("times a record when it joins the chain, not when the app made it (ingestion makes it early and sends it last)", async () => {
    const call = auditAppend({ ...who, requestId: "test-late" }, { action: "test.append", success: true });
    const made = Date.now();
    await sqlTransaction(getDb(), async (tx) => {
      await new Promise((r) => setTimeout(r, 300));
      await tx.$queryRaw`SELECT ${call}::text`;
    });
    const record = await getDb().auditLog.findFirstOrThrow({ where: { requestId: "test-late" } });
    expect(record.at.getTime()).toBeGreaterThanOrEqual(made + 250);
    expect(record.hash).toBe(chainHash(record.prevHash, chainedFieldsOf(record)));
  });

  it("hashes in the database exactly as the app verifies: Chinese, emoji, quotes, escapes, nulls, on either kind of transaction", async () => {
    const details = { 说明: "张三 \u{1F46E} \"引号\" \\ 反斜杠\n换行\t制表", n: 1.5, none: null, list: ["一", 2, { b: true, a: "é" }] };
    await getDb().$transaction((tx) => writeAudit(tx, { ...who, name: "调度员 王五" }, { action: "test.append", success: false, entityType: "Warning", details }));
    await sqlTransaction(getDb(), (tx) => writeAudit(tx, { ip: null, requestId: "test" }, { action: "test.append", success: true, details }));
    const rows = await getDb().auditLog.findMany({ where: { action: "test.append" }, orderBy: { id: "desc" }, take: 2 });
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.details).toEqual(details);
      expect(r.hash).toBe(chainHash(r.prevHash, chainedFieldsOf(r)));
    }
    expect(rows[0]!.prevHash).toBe(rows[1]!.hash);
    expect(rows[1]!.actorName).toBe("调度员 王五");
    expect((await verifyAuditChain(getDb())).intact).toBe(true);
  });

  it("writes nothing when the change it describes rolls back", async () => {
    const before = await getDb().auditLog.count({ where: { action: "test.rollback" } });
    await expect(
      getDb().$transaction(async (tx) => {
        await writeAudit(tx, who, { action: "test.rollback", success: true });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await getDb().auditLog.count({ where: { action: "test.rollback" } })).toBe(before);
  });
});
