// `npm run db:backup -- DIR`: a consistent backup of the app's database (DATABASE_URL, else the
// embedded development database) into the folder DIR, while the app keeps running.
// `npm run db:restore -- DIR [--into=URL]`: restores it into an empty database — URL, else a new
// database on the embedded cluster — and checks row counts and the audit-chain head.
// What the folder holds and why: scripts/backup/dump.ts. Operations: README "Backup and restore".
import { resolveDatabase, ensureDatabase } from "./embedded-postgres";
import { withDatabase } from "../lib/db-url";
import { backupDatabase, restoreDatabase } from "./backup/dump";

const [command, dir] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const into = process.argv.find((a) => a.startsWith("--into="))?.slice("--into=".length);
if ((command !== "backup" && command !== "restore") || !dir) {
  console.error("usage: npm run db:backup -- DIR  |  npm run db:restore -- DIR [--into=postgresql://…]");
  process.exit(2);
}

const server = await resolveDatabase();
let code = 0;
try {
  if (command === "backup") {
    const m = await backupDatabase(server.url, dir);
    const rows = Object.values(m.rows).reduce((a, b) => a + b, 0);
    console.log(`backup written to ${dir}: ${Object.keys(m.rows).length} tables, ${rows.toLocaleString("en")} rows, schema ${m.migrations.at(-1)}, audit head ${m.auditHead ?? "(empty)"} in ${(m.durationMs / 1000).toFixed(1)} s`);
  } else {
    let target = into;
    if (!target) {
      const name = `fanzha_restore_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
      await ensureDatabase(withDatabase(server.url, "postgres"), name);
      target = withDatabase(server.url, name);
    }
    const { facts } = await restoreDatabase(target, dir);
    const rows = Object.values(facts.rows).reduce((a, b) => a + b, 0);
    console.log(`restored ${rows.toLocaleString("en")} rows into ${new URL(target).pathname.slice(1)}; row counts and audit head ${facts.auditHead ?? "(empty)"} match the backup`);
    console.log(into ? "start the app with DATABASE_URL set to it" : `start the app on it: DATABASE_URL='${target}' npm start`);
  }
} catch (e) {
  console.error(`${command} failed: ${e instanceof Error ? e.message : String(e)}`);
  code = 1;
} finally {
  await server.stop();
}
process.exit(code);
