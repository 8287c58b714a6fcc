import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
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
