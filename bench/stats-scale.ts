// Grows the city-year dataset to `scale` times its records for the 10× benchmark: N−1 more cities,
// each a copy of 十堰's unit tree (codes prefixed X1, X2, …) holding a copy of all of 十堰's
// records (new ids, remapped units and references), inserted with plain INSERT … SELECT so the
// rollup triggers maintain the statistics exactly as for any other write. 十堰's own figures do not
// change, so the same overview is measured before and after on a database ten times the size.
import pg from "pg";
import { pgConfigFromUrl } from "../lib/db-url";
import { dropSecondaryIndexes, endFastMode, loadMode } from "../prisma/seed/city-year-load";

/** Columns copied as they are; the id, unit and reference columns are remapped per copy. */
const COPIES: { table: string; keep: string[]; remap: Record<string, string> }[] = [
  { table: "units", keep: ["kind", "population", "addressKeywords", "active"], remap: {} },
  { table: "cases", keep: ["status", "source", "fraudType", "summary", "lossAmount", "lossAt", "reportedAt", "submittedAt", "filedAt", "solvedAt", "prosecutedAt", "closedAt", "createdAt", "updatedAt"], remap: { caseNumber: `$p || "caseNumber"` } },
  { table: "warnings", keep: ["source", "riskLevel", "fraudType", "status", "outcome", "priority", "receivedAt", "lastSeenAt", "repeatCount", "victimPhone", "victimAge", "victimGender", "contactChannel", "contactValue", "amountAtRisk", "routedBy", "ackDueAt", "contactDueAt", "resolveDueAt", "acknowledgedAt", "firstContactAt", "resolvedAt", "slaDueAt", "createdAt", "updatedAt"], remap: { externalId: `"externalId" || '-' || $p`, caseId: "ref" } },
  { table: "sla_breaches", keep: ["step", "dueAt", "breachedAt"], remap: { warningId: "ref" } },
  { table: "dissuasion_actions", keep: ["kind", "result", "occurredAt", "durationSeconds", "amountProtected", "fraudType", "personFound", "appRegistered", "createdAt", "updatedAt"], remap: { warningId: "ref" } },
  { table: "gangs", keep: ["name", "dismantledAt", "createdAt", "updatedAt"], remap: {} },
  { table: "suspects", keep: ["name", "gender", "status", "arrestedAt", "detainedAt", "prosecutedAt", "createdAt", "updatedAt"], remap: { gangId: "ref" } },
  { table: "seized_items", keep: ["type", "quantity", "seizedAt", "disposition", "createdAt", "updatedAt"], remap: { caseId: "ref" } },
  { table: "fund_recoveries", keep: ["amount", "recoveredAt", "method", "returnedAmount", "returnedAt", "createdAt", "updatedAt"], remap: { caseId: "ref" } },
  { table: "publicity_events", keep: ["kind", "targetGroup", "title", "occurredOn", "audienceCount", "appRegistrations", "materialsCount", "createdAt", "updatedAt"], remap: {} },
  { table: "daily_counts", keep: ["day", "metric", "count", "source", "updatedAt"], remap: {} },
];

const q = (c: string) => `"${c}"`;

/** The INSERT … SELECT copying one table into copy `p` (a code prefix such as 'X1'). */
function copySql(t: (typeof COPIES)[number]): string {
  // A copy's id is a digest of the original id and the prefix: references map without lookups.
  const newId = (col: string) => `CASE WHEN ${q(col)} IS NULL THEN NULL ELSE md5(${q(col)}::text || $p)::uuid END`;
  if (t.table === "units") {
    return `INSERT INTO units (id, code, name, "parentId", path, kind, population, "addressKeywords", active, "updatedAt")
      SELECT ${newId("id")}, $p || code, name || '（' || $p || '）', ${newId("parentId")},
             (SELECT string_agg($p || s, '/') FROM unnest(string_to_array(path, '/')) s), kind, population, "addressKeywords", active, now()
      FROM units WHERE path = '420300' OR starts_with(path, '420300/')`;
  }
  const cols = ["id", "unitId", ...Object.keys(t.remap), ...t.keep];
  const exprs = [newId("id"), newId("unitId"), ...Object.entries(t.remap).map(([c, e]) => (e === "ref" ? newId(c) : e.replace(/\$p/g, "$p"))), ...t.keep.map(q)];
  return `INSERT INTO ${q(t.table)} (${cols.map(q).join(", ")}) SELECT ${exprs.join(", ")} FROM ${q(t.table)} x
    WHERE x."unitId" IN (SELECT id FROM units WHERE path = '420300' OR starts_with(path, '420300/'))`;
}

export async function scaleDataset(url: string, scale: number, log: (msg: string) => void): Promise<void> {
  const client = new pg.Client(pgConfigFromUrl(url));
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM units WHERE kind = 'CITY' AND code LIKE 'X%'`);
    const have = rows[0]!.n;
    if (have >= scale - 1) {
      log(`already ${have + 1}× the city-year data`);
      return;
    }
    // The same bulk path as the generator: foreign keys unchecked where allowed (every reference
    // is remapped consistently), secondary indexes rebuilt at the end, rollup triggers firing.
    const fast = await loadMode([client], log);
    const dropped = await dropSecondaryIndexes(client);
    for (let k = have + 1; k < scale; k++) {
      const started = Date.now();
      await client.query("BEGIN");
      for (const t of COPIES) {
        const res = await client.query(copySql(t).replace(/\$p/g, `'X${k}'`));
        if (t.table === "warnings" || t.table === "dissuasion_actions") log(`copy ${k}: ${t.table} ${res.rowCount?.toLocaleString("en")} rows`);
      }
      await client.query("COMMIT");
      log(`copy ${k} of ${scale - 1}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    if (fast) await endFastMode([client]);
    log(`rebuilding ${dropped.length} indexes…`);
    for (const def of dropped) await client.query(def);
    await client.query("VACUUM ANALYZE");
    const size = await client.query<{ s: string; w: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s, (SELECT count(*) FROM warnings)::text AS w`);
    log(`database ${size.rows[0]!.s}, ${Number(size.rows[0]!.w).toLocaleString("en")} warnings`);
  } finally {
    await client.end();
  }
}
