// Writes the SQL migration that takes the committed schema (git HEAD) to prisma/schema.prisma.
// Usage: npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { resolveDatabase } from "./embedded-postgres";
import { runPrisma } from "./run-prisma";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}

const EMPTY = `datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n`;
let committed: string;
try {
  committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
} catch {
  committed = EMPTY;
}
const old = path.join(mkdtempSync(path.join(tmpdir(), "schema-")), "schema.prisma");
writeFileSync(old, committed);

const db = await resolveDatabase();
try {
  const sql = runPrisma(
    ["migrate", "diff", "--from-schema-datamodel", old, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    db.url,
    { capture: true },
  );
  if (!sql.trim() || sql.includes("This is an empty migration")) {
    console.log("schema unchanged: no migration written");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma/migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`wrote ${dir}/migration.sql`);
  }
} finally {
  await db.stop();
}
process.exit(0);
