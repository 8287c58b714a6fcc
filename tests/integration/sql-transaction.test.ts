// sqlTransaction: the driver-level transaction the bulk paths use, on the same pool as Prisma. It
// must agree with Prisma about instants, leave nothing behind when the work fails, write audit
// records the chain accepts, and give its connection back either way.
import { afterAll, describe, expect, it } from "vitest";
import { getDb, sqlTransaction } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { verifyAuditChain } from "@/lib/audit/verify-chain";

const actor = { ip: "127.0.0.1", requestId: "sql-transaction-test" };
const zone = process.env.TZ;
afterAll(() => {
  process.env.TZ = zone;
});

describe("sqlTransaction", () => {
  it("reads and writes instants as Prisma does, whatever the process's time zone", async () => {
    process.env.TZ = "Asia/Shanghai";
    const at = new Date("2026-03-01T15:30:45.123Z");
    const read = await sqlTransaction(getDb(), async (sql) => {
      await writeAudit(sql, actor, { action: "test.sql", success: true, details: { at: at.toISOString() } });
      return sql.$queryRaw<{ at: Date; parsed: Date }[]>`
        SELECT at, (${at}::timestamptz AT TIME ZONE 'UTC') AS parsed FROM audit_log ORDER BY id DESC LIMIT 1`;
    });
    expect(read[0]!.parsed.toISOString()).toBe(at.toISOString());
    const stored = await getDb().auditLog.findFirstOrThrow({ where: { requestId: actor.requestId }, orderBy: { id: "desc" } });
    expect(read[0]!.at.getTime()).toBe(stored.at.getTime());
    expect(Math.abs(stored.at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("writes audit records the chain verifies, interleaved with Prisma's", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => {
      const entry = { action: "test.sql", success: i % 3 > 0, entityType: "Warning", details: { i, nested: { b: [1, "二"] } } };
      return i % 2 ? sqlTransaction(getDb(), (sql) => writeAudit(sql, actor, entry)) : getDb().$transaction((tx) => writeAudit(tx, actor, entry));
    }));
    expect(await verifyAuditChain(getDb())).toMatchObject({ intact: true });
  });

  it("rolls back everything when the work fails, and gives the connection back", async () => {
    const before = await getDb().auditLog.count({ where: { requestId: actor.requestId } });
    for (let i = 0; i < 30; i++) {
      const failed = await sqlTransaction(getDb(), async (sql) => {
        await writeAudit(sql, actor, { action: "test.sql", success: true });
        await sql.$executeRaw`SELECT 1 / 0`;
      }).catch((e: unknown) => e);
      expect(String(failed)).toMatch(/division by zero/);
    }
    // 30 failures on a pool of 20: a connection kept on failure would have exhausted it.
    expect(await sqlTransaction(getDb(), (sql) => sql.$queryRaw<{ one: number }[]>`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    expect(await getDb().auditLog.count({ where: { requestId: actor.requestId } })).toBe(before);
  });
});
