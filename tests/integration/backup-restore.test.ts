// SECURITY.md F27: a backup taken while the app writes, restored into a new database, has the
// same row counts and the same audit-chain head, and the restored chain verifies; a restore
// never lands on a database that holds data.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { writeAudit } from "@/lib/audit/write-audit";
import { loadDemoData } from "@/prisma/seed/demo";
import { backupDatabase, databaseFacts, restoreDatabase } from "@/scripts/backup/dump";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/test-database";

let source: TestDatabase;
let target: TestDatabase;
let db: Db;
const dir = mkdtempSync(path.join(tmpdir(), "fanzha-backup-"));

beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase("bk_src"), createTestDatabase("bk_dst")]);
  db = createDb(source.url);
  await loadDemoData(db);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  await Promise.all([source?.drop(), target?.drop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores the same rows and the same audit-chain head, taken while the app writes", async () => {
    // The app keeps appending to the audit trail during the backup: the snapshot is one moment.
    let writing = true;
    let appended = 0;
    const writer = (async () => {
      for (; writing; appended++) {
        await db.$transaction((tx) => writeAudit(tx, { ip: null, requestId: `backup-test-${appended}` }, { action: "test.write", success: true }));
      }
    })();
    const settle = async (n: number) => {
      while (appended < n) await new Promise((r) => setTimeout(r, 5));
    };
    await settle(3);
    const manifest = await backupDatabase(source.url, dir);
    await settle(appended + 1);
    writing = false;
    await writer;

    expect(manifest.rows.warnings!).toBeGreaterThan(100);
    expect(manifest.rows.audit_log!).toBeGreaterThan(0);
    expect(manifest.auditHead).toMatch(/^[0-9a-f]{64}$/);
    const now = await databaseFacts(source.url);
    expect(now.rows.audit_log!).toBeGreaterThan(manifest.rows.audit_log!);
    expect({ ...now.rows, audit_log: 0 }).toEqual({ ...manifest.rows, audit_log: 0 });

    const { facts } = await restoreDatabase(target.url, dir);
    expect(facts).toEqual({ migrations: manifest.migrations, rows: manifest.rows, auditHead: manifest.auditHead });

    const restored = createDb(target.url);
    try {
      expect(await verifyAuditChain(restored)).toEqual({ intact: true, count: manifest.rows.audit_log, headHash: manifest.auditHead });
      // The restored database takes new writes: audit ids continue after the restored ones.
      const last = await restored.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
      const [seq] = await restored.$queryRaw<{ next: bigint }[]>`SELECT nextval(pg_get_serial_sequence('audit_log', 'id')) AS next`;
      expect(seq!.next).toBe(last.id + 1n);
      // The statistics came back with the records they summarise.
      expect(await restored.$queryRaw`SELECT metric, sum(value)::text AS v FROM stat_daily GROUP BY 1 ORDER BY 1`).toEqual(
        await db.$queryRaw`SELECT metric, sum(value)::text AS v FROM stat_daily GROUP BY 1 ORDER BY 1`,
      );
    } finally {
      await restored.$disconnect();
    }
  }, 120_000);

  it("refuses a database that holds data, and changes nothing there", async () => {
    const before = await databaseFacts(source.url);
    await expect(restoreDatabase(source.url, dir)).rejects.toThrow(/not empty/);
    expect(await databaseFacts(source.url)).toEqual(before);
  });
});
