// Logical backup and restore of the platform's database (SECURITY.md F27), for installations
// whose PostgreSQL has no version-matched pg_dump at hand (the embedded PostgreSQL 18 ships only
// the server). A backup is a folder: manifest.json (schema version, row counts, audit-chain head)
// and one gzipped COPY file per table, all read in one REPEATABLE READ snapshot, so the folder is
// consistent while the app keeps writing. A restore builds the schema from the migrations, loads
// the tables with triggers off (the rows are already consistent, rollups included), sets the
// sequences, and proves the result: the same row counts and the same audit-chain head.
import { createReadStream, createWriteStream, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { pgConfigFromUrl } from "../../lib/db-url";
import { migrateDeploy } from "../run-prisma";

export const MANIFEST = "manifest.json";
const FORMAT = "fanzha-backup/1";

export type DatabaseFacts = {
  /** The migrations applied, in order: the schema version. */
  migrations: string[];
  /** Rows per table (every table of the public schema but Prisma's own). */
  rows: Record<string, number>;
  /** The hash of the newest audit record: the chain's head. */
  auditHead: string | null;
};

export type Manifest = DatabaseFacts & { format: typeof FORMAT; createdAt: string; durationMs: number };

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const fileOf = (table: string) => `${table}.copy.gz`;
/** Tables a database holds only once the platform is in use. */
const PLATFORM_DATA = ["units", "users", "audit_log"];

async function withClient<T>(url: string, body: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConfigFromUrl(url));
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

async function tablesOf(c: pg.Client): Promise<string[]> {
  const { rows } = await c.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** Row counts, schema version and audit head, read through `c` (inside its snapshot, if any). */
async function factsOf(c: pg.Client): Promise<DatabaseFacts> {
  const migrations = (await c.query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  )).rows.map((r) => r.name);
  const rows: Record<string, number> = {};
  for (const t of await tablesOf(c)) rows[t] = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(t)}`)).rows[0]!.n);
  const head = await c.query<{ hash: string }>(`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
  return { migrations, rows, auditHead: head.rows[0]?.hash ?? null };
}

export function databaseFacts(url: string): Promise<DatabaseFacts> {
  return withClient(url, factsOf);
}

/** Writes a consistent backup of the database at `url` into the folder `dir` (created). */
export async function backupDatabase(url: string, dir: string): Promise<Manifest> {
  const started = Date.now();
  mkdirSync(dir, { recursive: true });
  return withClient(url, async (c) => {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const facts = await factsOf(c);
      for (const table of Object.keys(facts.rows)) {
        await pipeline(c.query(copyTo(`COPY ${ident(table)} TO STDOUT`)), createGzip(), createWriteStream(path.join(dir, fileOf(table))));
      }
      const manifest: Manifest = { format: FORMAT, createdAt: new Date().toISOString(), durationMs: Date.now() - started, ...facts };
      writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      return manifest;
    } finally {
      await c.query("COMMIT");
    }
  });
}

export function readManifest(dir: string): Manifest {
  const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), "utf8")) as Manifest;
  if (manifest.format !== FORMAT) throw new Error(`${dir} is not a backup of this platform (format ${String(manifest.format)})`);
  return manifest;
}

/**
 * Restores the backup in `dir` into the empty database at `url` (migrated here first) and checks
 * it against the manifest; throws, leaving the tables empty, when anything differs. Needs a role
 * that may turn triggers off (the database owner as superuser, as for pg_restore --disable-triggers).
 */
export async function restoreDatabase(url: string, dir: string): Promise<{ manifest: Manifest; facts: DatabaseFacts }> {
  const manifest = readManifest(dir);
  migrateDeploy(url);
  return withClient(url, async (c) => {
    const before = await factsOf(c);
    // Migrations seed configuration (SLA policies); the platform's own data starts with units.
    const filled = PLATFORM_DATA.filter((t) => (before.rows[t] ?? 0) > 0);
    if (filled.length) throw new Error(`the target database is not empty (${filled.join(", ")}): restore into a new database`);
    if (before.migrations.join() !== manifest.migrations.join()) {
      throw new Error(`schema versions differ: backup ${manifest.migrations.at(-1)}, this code ${before.migrations.at(-1)}; restore with the release that made the backup`);
    }
    await c.query("BEGIN");
    try {
      // The rows are a consistent snapshot: no triggers (rollups, audit guard) and no FK checks.
      await c.query("SET LOCAL session_replication_role = replica");
      await c.query(`TRUNCATE ${Object.keys(before.rows).map(ident).join(", ")}`);
      for (const table of Object.keys(manifest.rows)) {
        await pipeline(createReadStream(path.join(dir, fileOf(table))), createGunzip(), c.query(copyFrom(`COPY ${ident(table)} FROM STDIN`)));
      }
      // Serial columns continue after the restored rows.
      const serials = await c.query<{ t: string; col: string }>(`
        SELECT table_name AS t, column_name AS col FROM information_schema.columns
         WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`);
      for (const { t, col } of serials.rows) {
        await c.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${ident(col)}) FROM ${ident(t)}), 0) + 1, false)`, [ident(t), col]);
      }
      const facts = await factsOf(c);
      const differs = Object.keys(manifest.rows).filter((t) => facts.rows[t] !== manifest.rows[t]);
      if (differs.length || facts.auditHead !== manifest.auditHead) {
        throw new Error(`the restored data does not match the manifest: ${differs.length ? `rows of ${differs.join(", ")}` : "audit-chain head"}`);
      }
      await c.query("COMMIT");
      return { manifest, facts };
    } catch (e) {
      await c.query("ROLLBACK");
      throw e;
    }
  });
}
