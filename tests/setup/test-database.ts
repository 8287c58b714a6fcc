// A fresh database for a test run: on TEST_DATABASE_URL's server when given, else on an embedded
// PostgreSQL kept in .data/pg-test. Migrated on creation, dropped at the end.
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../scripts/embedded-postgres";
import { migrateDeploy } from "../../scripts/run-prisma";
import { withDatabase } from "../../lib/db-url";

export type TestDatabase = { url: string; drop: () => Promise<void> };

/** TEST_PG_PORT lets several checkouts or developers run tests side by side. */
const testPort = Number(process.env.TEST_PG_PORT ?? 54330);
export const TEST_CLUSTER = { dir: `.data/pg-test-${testPort}`, port: testPort } as const;

export async function createTestDatabase(prefix: string, cluster: { dir: string; port: number } = TEST_CLUSTER): Promise<TestDatabase> {
  let server: EmbeddedServer;
  if (process.env.TEST_DATABASE_URL) {
    server = { url: process.env.TEST_DATABASE_URL, stop: async () => {} };
  } else {
    server = await startEmbeddedPostgres({ ...cluster, database: "postgres", quiet: true });
  }
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`;
  const admin = withDatabase(server.url, "postgres");
  const exec = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await exec(`CREATE DATABASE "${name}"`);
  const url = withDatabase(server.url, name);
  const drop = async () => {
    await exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await server.stop();
  };
  try {
    migrateDeploy(url);
  } catch (e) {
    await drop();
    throw e;
  }
  return { url, drop };
}
