// `npm run audit:verify`: walks the audit hash chain and prints "intact, N records" or the first
// broken link. Exit code 1 when broken.
import { resolveDatabase } from "./embedded-postgres";
import { createDb } from "../lib/db";
import { verifyAuditChain } from "../lib/audit/verify-chain";

const REASONS = {
  hash: "record altered",
  "prev-hash": "link to the previous record broken (a record was removed or altered)",
  head: "the first records were removed outside the retention job",
} as const;

const server = await resolveDatabase();
const db = createDb(server.url);
const report = await verifyAuditChain(db);
await db.$disconnect();
await server.stop();
if (report.intact) {
  console.log(`intact, ${report.count} records${report.headHash ? ` (head ${report.headHash})` : ""}`);
  process.exit(0);
}
console.log(`BROKEN at record ${report.brokenAt} (${REASONS[report.reason]}); ${report.count} records before it verified`);
process.exit(1);
