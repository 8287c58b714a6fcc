// Audit retention job: deletes audit records older than the retention period (AppSetting
// "auditRetentionDays", never below 180 days) and records the cut in the trail. Run it daily as the
// database owner role (the app's role may not delete audit rows), e.g. from cron:
//   15 3 * * *  cd /srv/fanzha && DATABASE_URL=postgresql://fanzha_owner@… npx tsx --import ./scripts/server-only-off.mjs scripts/audit-retention.ts
import { resolveDatabase } from "./embedded-postgres";
import { createDb } from "../lib/db";
import { purgeAuditLog } from "../lib/audit/retention";

const server = await resolveDatabase();
process.env.AUTH_SECRET ??= "cli-does-not-sign-sessions-but-env-needs-32-bytes";
const db = createDb(server.url);
let code = 0;
try {
  const r = await purgeAuditLog(db);
  console.log(`kept ${r.keepDays} days (records from ${r.cutoff.toISOString()}); deleted ${r.deleted}; first record now ${r.firstKeptId ?? "none"}`);
} catch (e) {
  code = 1;
  console.error(`retention failed: ${(e as Error).message}`);
} finally {
  await db.$disconnect();
  await server.stop();
}
process.exit(code);
