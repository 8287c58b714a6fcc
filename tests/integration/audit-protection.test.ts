// The audit trail is append-only (migration audit_protection), kept ≥ 180 days by a retention job
// that leaves the chain verifiable, and `npm run audit:verify` names the first broken link.
// Tampering happens in a database of its own, never in the run's shared one.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, getDb, type Db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { GENESIS_HASH, chainHash } from "@/lib/audit/hash";
import { MIN_RETENTION_DAYS, purgeAuditLog } from "@/lib/audit/retention";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/test-database";

const DAY = 86_400_000;
const who = { ip: "127.0.0.1", requestId: "protection-test", name: "protection-test" };

/**
 * Appends n records; with `at`, records of that time: the database stamps a record's time itself
 * (audit_append), so an old one is written here as the chain defines it (hash = sha256(previous ‖
 * canonical record)).
 */
async function append(db: Db, n: number, at?: Date) {
  for (let i = 0; i < n; i++) {
    if (!at) {
      await db.$transaction((tx) => writeAudit(tx, who, { action: "test.protect", success: true, details: { i } }));
      continue;
    }
    const [last] = await db.$queryRaw<{ hash: string }[]>`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const record = { at, actorId: null, actorName: who.name, role: null, unitId: null, ip: who.ip, action: "test.protect", entityType: null, entityId: null, success: true, requestId: who.requestId, details: { i } };
    await db.$executeRaw`
      INSERT INTO audit_log (at, "actorName", ip, action, success, "requestId", details, "prevHash", hash)
      VALUES (${at.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${who.name}, ${who.ip}, 'test.protect', true, ${who.requestId}, ${JSON.stringify({ i })}::jsonb, ${prevHash}, ${chainHash(prevHash, record)})`;
  }
}

/** `npm run audit:verify` against a database: its output line and exit code. */
function verifyCli(url: string) {
  const r = spawnSync("node_modules/.bin/tsx", ["--import", "./scripts/server-only-off.mjs", "scripts/audit-verify.ts"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  return { out: r.stdout.trim(), code: r.status };
}

describe("in the app's database", () => {
  it("refuses to UPDATE or DELETE a young audit record", async () => {
    await getDb().$transaction((tx) => writeAudit(tx, who, { action: "test.protect", success: true }));
    const row = await getDb().auditLog.findFirstOrThrow({ where: { action: "test.protect" }, orderBy: { id: "desc" } });
    await expect(getDb().$executeRaw`UPDATE audit_log SET success = false WHERE id = ${row.id}`).rejects.toThrow(/append-only/);
    await expect(getDb().auditLog.update({ where: { id: row.id }, data: { details: { forged: true } } })).rejects.toThrow(/append-only/);
    await expect(getDb().$executeRaw`DELETE FROM audit_log WHERE id = ${row.id}`).rejects.toThrow(/younger than 180 days/);
    await expect(getDb().auditLog.deleteMany({ where: { action: "test.protect" } })).rejects.toThrow(/younger than 180 days/);
    expect(await getDb().auditLog.findUnique({ where: { id: row.id } })).toEqual(row);
  });
});

describe("in a database of its own", () => {
  let own: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    own = await createTestDatabase("auditprot");
    db = createDb(own.url);
  }, 120_000);
  afterAll(async () => {
    await db?.$disconnect();
    await own?.drop();
  });

  it("retention deletes only records older than 180 days, oldest first, and the chain still verifies", async () => {
    const now = Date.now();
    await append(db, 5, new Date(now - 400 * DAY));
    await append(db, 3, new Date(now - (MIN_RETENTION_DAYS + 2) * DAY));
    await append(db, 4, new Date(now - (MIN_RETENTION_DAYS - 2) * DAY));
    await append(db, 2);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true, count: 14 });

    // A shorter configured period is raised to 180 days.
    const r = await purgeAuditLog(db, { keepDays: 30 });
    expect(r).toMatchObject({ deleted: 8, keepDays: MIN_RETENTION_DAYS });
    const left = await db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(left.every((x) => x.at.getTime() >= now - MIN_RETENTION_DAYS * DAY)).toBe(true);
    expect(left.filter((x) => x.action === "test.protect")).toHaveLength(6);
    expect(left.at(-1)).toMatchObject({ action: "audit.retention", details: expect.objectContaining({ deleted: 8, firstKeptId: String(left[0]!.id) }) });
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true, count: 7 });
    expect(verifyCli(own.url)).toEqual({ out: expect.stringMatching(/^intact, 7 records/), code: 0 });
    // Run again: nothing is old enough, nothing goes.
    expect((await purgeAuditLog(db)).deleted).toBe(0);
  });

  it("the verifier names the first altered record, removed record and cut head", async () => {
    await append(db, 5);
    const rows = await db.auditLog.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    const victim = rows.at(-3)!.id;
    await db.$executeRaw`ALTER TABLE audit_log DISABLE TRIGGER USER`;
    try {
      await db.$executeRaw`UPDATE audit_log SET details = '{"i": 99}' WHERE id = ${victim}`;
      expect(await verifyAuditChain(db)).toMatchObject({ intact: false, brokenAt: victim, reason: "hash" });
      expect(verifyCli(own.url)).toEqual({ out: expect.stringMatching(new RegExp(`^BROKEN at record ${victim} \\(record altered\\)`)), code: 1 });

      await db.$executeRaw`DELETE FROM audit_log WHERE id >= ${victim} - 1 AND id <= ${victim}`;
      expect(await verifyAuditChain(db)).toMatchObject({ intact: false, brokenAt: victim + 1n, reason: "prev-hash" });

      // Cutting the head outside the retention job: the first record is no longer vouched for.
      await db.$executeRaw`DELETE FROM audit_log WHERE id < ${victim}`;
      expect(await verifyAuditChain(db)).toMatchObject({ intact: false, brokenAt: victim + 1n, reason: "head" });
      expect(verifyCli(own.url).out).toMatch(/outside the retention job/);
    } finally {
      await db.$executeRaw`ALTER TABLE audit_log ENABLE TRIGGER USER`;
    }
  });

  it("gives the app role of a production install SELECT and INSERT on audit rows, nothing more (the migration's grants)", async () => {
    // Roles are cluster-wide: this one lives in the test cluster only.
    const admin = new pg.Client({ connectionString: own.url });
    await admin.connect();
    try {
      await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fanzha_app') THEN CREATE ROLE fanzha_app LOGIN PASSWORD 'fanzha-app-test'; END IF; END $$`);
      // What README's default privileges give the app on every table …
      await admin.query("GRANT USAGE ON SCHEMA public TO fanzha_app");
      await admin.query("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fanzha_app");
      await admin.query("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO fanzha_app");
      // … and the migration's grant block, taken verbatim from the migration file.
      const sql = readFileSync("prisma/migrations/20261129040000_audit_protection/migration.sql", "utf8");
      const grantBlock = sql.slice(sql.indexOf("DO E'")).replace(/\\073/g, ";");
      await admin.query(grantBlock);
    } finally {
      await admin.end();
    }
    const url = new URL(own.url);
    url.username = "fanzha_app";
    url.password = "fanzha-app-test";
    const app = createDb(url.toString());
    try {
      await app.$transaction((tx) => writeAudit(tx, who, { action: "test.app-role", success: true }));
      const row = await app.auditLog.findFirstOrThrow({ where: { action: "test.app-role" } });
      await expect(app.$executeRaw`UPDATE audit_log SET success = false WHERE id = ${row.id}`).rejects.toThrow(/permission denied/);
      await expect(app.$executeRaw`DELETE FROM audit_log WHERE id = ${row.id}`).rejects.toThrow(/permission denied/);
      await expect(app.$executeRaw`TRUNCATE audit_log`).rejects.toThrow(/permission denied/);
      // Everything else stays writable for the app.
      expect(await app.appSetting.upsert({ where: { key: "test.app-role" }, create: { key: "test.app-role", value: 1 }, update: { value: 2 } })).toBeTruthy();
    } finally {
      await app.$disconnect();
    }
  });
});
