// Creates accounts from the command line — how a production install gets its first admin (there
// are no default accounts in production).
//   npm run user -- create --username wangmin --name 王敏 --role ADMIN --unit 420300
// The password is read from NEW_USER_PASSWORD, or asked for on the terminal.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { resolveDatabase } from "./embedded-postgres";
import { AppError } from "../lib/errors";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { username: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "ADMIN" }, unit: { type: "string" } },
});
if (positionals[0] !== "create" || !values.username || !values.name || !values.unit) {
  console.error("usage: npm run user -- create --username NAME --name 显示名 --role ADMIN|AUDITOR|… --unit UNITCODE");
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (process.env.NEW_USER_PASSWORD) return process.env.NEW_USER_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const pw = await rl.question("password (≥ 12 characters, 3 classes): ");
  rl.close();
  return pw;
}

const db = await resolveDatabase();
process.env.DATABASE_URL = db.url;
process.env.AUTH_SECRET ??= "cli-does-not-sign-sessions-but-env-needs-32-bytes";
const { getDb } = await import("../lib/db");
const { createUser } = await import("../lib/users/commands");
const { systemActor } = await import("../lib/auth/system-actor");
let code = 0;
try {
  const root = await getDb().unit.findFirst({ where: { parentId: null }, orderBy: { createdAt: "asc" } });
  if (!root) throw new Error("no unit tree in this database: create the units first");
  const { id } = await createUser(systemActor(root), {
    username: values.username, displayName: values.name, role: values.role, unitCode: values.unit, password: await readPassword(),
  });
  console.log(`created user ${values.username} (${values.role}, ${values.unit}): ${id}`);
} catch (e) {
  code = 1;
  if (e instanceof AppError) console.error(`${e.code}: ${e.message}${e.details.map((d) => `\n  ${d.path}: ${d.code}`).join("")}`);
  else console.error((e as Error).message);
} finally {
  await getDb().$disconnect();
  await db.stop();
}
process.exit(code);
