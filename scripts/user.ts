// Creates accounts from the command line — how a production install gets its first admin (there
// are no default accounts in production).
//   npm run user -- create --username wangmin --name 王敏 --role ADMIN --unit 420300
// The password is read from NEW_USER_PASSWORD, or asked for on the terminal.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { runAsSystem } from "./cli";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { username: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "ADMIN" }, unit: { type: "string" } },
});
const { username, name, role, unit } = values;
if (positionals[0] !== "create" || !username || !name || !unit) {
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

await runAsSystem(async (actor) => {
  const { createUser } = await import("../lib/users/commands");
  const { id } = await createUser(actor, {
    username, displayName: name, role, unitCode: unit, password: await readPassword(),
  });
  console.log(`created user ${username} (${role}, ${unit}): ${id}`);
});
