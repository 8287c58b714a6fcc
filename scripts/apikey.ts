// API keys from the command line, for setting up an upstream feed:
//   npm run apikey -- create --name 国家反诈中心推送 --unit 420300 --scope warnings:ingest --source NATIONAL [--scope warnings:read]
// Prints the key alone on its last line (it is shown once and stored only as a hash). A
// trusted operator path like scripts/user.ts: a key with a read scope made here needs no approval.
import { parseArgs } from "node:util";
import { runAsSystem } from "./cli";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: "string" }, unit: { type: "string" }, scope: { type: "string", multiple: true }, source: { type: "string", multiple: true }, days: { type: "string" } },
});
const { name, unit, scope, source, days } = values;
if (positionals[0] !== "create" || !name || !unit || !scope?.length) {
  console.error("usage: npm run apikey -- create --name NAME --unit UNITCODE --scope warnings:ingest --source NATIONAL [--scope …] [--source …] [--days N]");
  process.exit(2);
}

await runAsSystem(async (actor) => {
  const { createApiKey } = await import("../lib/api-keys/commands");
  const created = await createApiKey(actor, { name, unitCode: unit, scopes: scope, sources: source ?? [], ...(days ? { expiresInDays: days } : {}) });
  console.log(`created API key ${created.prefix} for ${unit} (${scope.join(", ")}${source?.length ? `; sources ${source.join(", ")}` : ""}); it is shown only now:`);
  console.log(created.key);
});
