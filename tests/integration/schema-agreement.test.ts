// The migrations and prisma/schema.prisma must describe the same database. One database is built
// from the migrations (the run's test database), another from the schema alone; their catalogs
// (tables, columns, types, defaults, indexes, constraints, enums) must match.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { runPrisma } from "@/scripts/run-prisma";
import { withDatabase } from "@/lib/db-url";

const migratedUrl = process.env.DATABASE_URL!;
const fromSchemaUrl = withDatabase(migratedUrl, `${new URL(migratedUrl).pathname.slice(1)}_schema`);

async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

const CATALOG = `
  SELECT 'column' AS kind, table_name || '.' || column_name AS name,
         concat_ws(' ', data_type, character_maximum_length, numeric_precision, numeric_scale, is_nullable, column_default) AS def
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
     -- Tables only: a view (person_derived_source) is the migrations' own, as their functions are.
     AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
  UNION ALL
  SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
  UNION ALL
  SELECT 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
  UNION ALL
  SELECT 'enum', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
  ORDER BY 1, 2`;

/** Indexes Prisma's schema language cannot express, written by hand in a migration. */
const MIGRATION_ONLY_INDEXES = [
  "users_username_lower_key", "warning_transfers_one_open", "appeals_one_open",
  // NULLS FIRST with INCLUDE, and a partial index with INCLUDE (migration person_list_state).
  "person_labels_lastContactAt_idx", "persons_priorWarnedAt_idx",
  // The same for the derived labels, and the suspects' normalised numbers (migration person_derived_labels).
  "person_derived_labels_lastContactAt_idx", "suspects_person_id_number_idx", "suspects_person_mobile_idx",
  // DESC keys with INCLUDE (migrations contact_window, warning_contact_time).
  "contact_window_list_idx", "contact_window_kind_idx", "warning_contacts_contactId_receivedAt_idx",
  // The open queue, partial (migration person_link_rows).
  "warnings_open_queue_idx",
];

describe("migrations and schema", () => {
  beforeAll(async () => {
    const admin = withDatabase(migratedUrl, "postgres");
    const name = new URL(fromSchemaUrl).pathname.slice(1);
    await query(admin, `CREATE DATABASE "${name}"`);
    const sql = runPrisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"], fromSchemaUrl, { capture: true });
    const c = new pg.Client({ connectionString: fromSchemaUrl });
    await c.connect();
    await c.query(sql);
    await c.end();
  });

  afterAll(async () => {
    await query(withDatabase(migratedUrl, "postgres"), `DROP DATABASE IF EXISTS "${new URL(fromSchemaUrl).pathname.slice(1)}" WITH (FORCE)`);
  });

  it("describe the same tables, columns, indexes, constraints and enums", async () => {
    const [all, fromSchema] = await Promise.all([query<{ kind: string; name: string }>(migratedUrl, CATALOG), query(fromSchemaUrl, CATALOG)]);
    const migrated = all.filter((r) => !(r.kind === "index" && MIGRATION_ONLY_INDEXES.includes(r.name)));
    expect(migrated.length).toBeGreaterThan(100);
    expect(migrated).toEqual(fromSchema);
  });

  it("hold the hand-written expression indexes the schema cannot declare", async () => {
    const names = (await query<{ name: string }>(migratedUrl, CATALOG)).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(MIGRATION_ONLY_INDEXES));
  });
});
