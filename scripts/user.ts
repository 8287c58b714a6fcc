// Creates accounts from the command line — how a production install gets its first administrator,
// auditor and security officer (there are no default accounts in production):
//   npm run user -- create --username wangmin --name 王敏 --role ADMIN --unit 420300
// Prints a one-time password alone on its last line; the account must change it at first sign-in.
//
// The command line is a trusted operator path (lib/auth/system-actor.ts): whoever runs it holds the
// server and its database, so its accounts need no second person's approval — the first auditor and
// security officer could not be made otherwise. Every account it makes is audited as "cli".
import { parseArgs } from "node:util";
import { runAsSystem } from "./cli";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { username: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "ADMIN" }, unit: { type: "string" } },
});
const { username, name, role, unit } = values;
if (positionals[0] !== "create" || !username || !name || !unit) {
  console.error("usage: npm run user -- create --username NAME --name 显示名 --role ADMIN|AUDITOR|SECURITY_OFFICER|… --unit UNITCODE");
  process.exit(2);
}

await runAsSystem(async (actor) => {
  const { createUser } = await import("../lib/users/commands");
  const { id, password } = await createUser(actor, { username, displayName: name, role, unitCode: unit });
  console.log(`created user ${username} (${role}, ${unit}): ${id}; its one-time password is shown only now:`);
  console.log(password);
});
