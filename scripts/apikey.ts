// API keys from the command line, for setting up an upstream feed:
//   npm run apikey -- create --name 国家反诈中心推送 --unit 420300 --scope warnings:ingest [--scope warnings:read]
// Prints the key alone on its last line (it is shown once and stored only as a hash).
import { parseArgs } from "node:util";
import { resolveDatabase } from "./embedded-postgres";
import { AppError } from "../lib/errors";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: "string" }, unit: { type: "string" }, scope: { type: "string", multiple: true }, days: { type: "string" } },
});
if (positionals[0] !== "create" || !values.name || !values.unit || !values.scope?.length) {
  console.error("usage: npm run apikey -- create --name NAME --unit UNITCODE --scope warnings:ingest [--scope …] [--days N]");
  process.exit(2);
}

const db = await resolveDatabase();
process.env.DATABASE_URL = db.url;
process.env.AUTH_SECRET ??= "cli-does-not-sign-sessions-but-env-needs-32-bytes";
const { getDb } = await import("../lib/db");
const { createApiKey } = await import("../lib/api-keys/commands");
const { systemActor } = await import("../lib/auth/system-actor");
let code = 0;
try {
  const root = await getDb().unit.findFirst({ where: { parentId: null }, orderBy: { createdAt: "asc" } });
  if (!root) throw new Error("no unit tree in this database");
  const created = await createApiKey(systemActor(root), { name: values.name, unitCode: values.unit, scopes: values.scope, ...(values.days ? { expiresInDays: values.days } : {}) });
  console.log(`created API key ${created.prefix} for ${values.unit} (${values.scope.join(", ")}); it is shown only now:`);
  console.log(created.key);
} catch (e) {
  code = 1;
  if (e instanceof AppError) console.error(`${e.code}: ${e.message}${e.details.map((d) => `\n  ${d.path}: ${d.code}`).join("")}`);
  else console.error((e as Error).message);
} finally {
  await getDb().$disconnect();
  await db.stop();
}
process.exit(code);
