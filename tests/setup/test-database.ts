// A fresh database for a test run: on TEST_DATABASE_URL's server when given, else on an embedded
// PostgreSQL kept in .data/pg-test. A copy of the migrated template (CREATE DATABASE … TEMPLATE):
// the migrations run once per set of migrations and server, not once per database — a migration
// run is tens of seconds on a loaded machine, a copy well under one. Dropped at the end.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../scripts/embedded-postgres";
import { migrateDeploy } from "../../scripts/run-prisma";
import { withDatabase } from "../../lib/db-url";

export type TestDatabase = { url: string; drop: () => Promise<void> };

/**
 * TEST_PG_PORT lets several checkouts or developers run tests side by side (24330, 24340, …). The
 * tests' fixed ports stay below Linux's ephemeral range (32768–60999): inside it, a client
 * connection could be given one as its local port, and a server's start then failed now and then
 * ("port 54400 … is in use by another program").
 */
export const TEST_PG_PORT = Number(process.env.TEST_PG_PORT ?? 24330);
/** This checkout's share of the ports (its TEST_PG_PORT's last three digits), for the tests that start servers of their own. */
export const TEST_PORT_OFFSET = TEST_PG_PORT % 1000;
const testPort = TEST_PG_PORT;
export const TEST_CLUSTER = { dir: `.data/pg-test-${testPort}`, port: testPort } as const;

/** Held while a template is built or copied: creating databases is serialised per server, and quick. */
const TEMPLATE_LOCK = 7_961_300;
const MIGRATIONS = "prisma/migrations";

/** The template's name: a digest of every migration file, so a changed migration makes a new one. */
function templateName(): string {
  const h = createHash("sha256");
  for (const dir of readdirSync(MIGRATIONS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const file = path.join(MIGRATIONS, dir, "migration.sql");
    h.update(dir).update("\0").update(readFileSync(file)).update("\0");
  }
  return `template_${h.digest("hex").slice(0, 16)}`;
}

/** Creates `name` as a copy of the migrated template, building the template first when it is missing. */
async function createMigrated(admin: string, server: string, name: string): Promise<void> {
  const template = templateName();
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (!rowCount) {
      // Built under another name and renamed: a run stopped half-way leaves no half-migrated template.
      const building = `${template}_building`;
      await c.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${building}"`);
      migrateDeploy(withDatabase(server, building));
      await c.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
      // Templates of older migrations go.
      const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'template\\_%' AND datname <> $1 AND NOT datistemplate", [template]);
      for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    }
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await c.end(); // ends the session, and with it the advisory lock
  }
}

export async function createTestDatabase(prefix: string, cluster: { dir: string; port: number } = TEST_CLUSTER): Promise<TestDatabase> {
  let server: EmbeddedServer;
  if (process.env.TEST_DATABASE_URL) {
    server = { url: process.env.TEST_DATABASE_URL, stop: async () => {} };
  } else {
    server = await startEmbeddedPostgres({ ...cluster, database: "postgres", quiet: true });
  }
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`;
  const admin = withDatabase(server.url, "postgres");
  try {
    await createMigrated(admin, server.url, name);
  } catch (e) {
    await server.stop();
    throw e;
  }
  const drop = async () => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await c.end();
    }
    await server.stop();
  };
  return { url: withDatabase(server.url, name), drop };
}
