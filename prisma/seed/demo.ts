// The demo dataset: the unit tree of 十堰市公安局, one account per role, a busy month of warnings,
// dissuasion, cases and publicity, and the history before it back to the start of last year (at
// least 13 months), generated deterministically relative to `now`. (The article's year, 2025 at
// full scale, is `npm run seed:city-year`, a dataset of its own.)
import { randomUUID } from "node:crypto";
import { copyLine, sqlTransaction, type Db, type DriverSql } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_STAFF } from "./accounts";
import type { SeedContext, SeedUnit, SeedUser } from "./context";
import { buildCaseResults } from "./demo-case-results";
import { buildCases } from "./demo-cases";
import { buildCounterIntercepts } from "./demo-intercepts";
import { buildPrevention } from "./demo-prevention";
import { buildWarnings } from "./demo-warnings";
import { buildRevisits } from "./demo-revisits";
import { seedAppFollowUps } from "./demo-app-followups";
import { buildTransfers } from "./demo-transfers";
import { loadVulnerable } from "./demo-vulnerable";
import { linkDemoContacts } from "./demo-links";
import { seedPartnerRequests } from "./demo-requests";
import { seedDemoCalls } from "./demo-calls";
import { createRng } from "./random";
import { UNIT_TREE } from "./units";

import { outboundSettings, startLadders, type LadderWarning } from "@/lib/outbound/ladder";
import { minDay, resolvePeriod } from "@/lib/stats/periods";
import { chinaToday, daysBetween } from "@/lib/time/china";
export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_STAFF, type DemoAccount } from "./accounts";

const SEED = 96110;
// Rows per COPY: the rollup triggers run once per statement, so big statements are cheap.
const CHUNK = 5000;

/**
 * Loads the demo dataset into an empty database (migrations applied). Everything goes in one
 * transaction: a failure leaves the database as it was.
 */
export async function loadDemoData(db: Db, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // On the driver with COPY: the history makes some 50,000 rows, which Prisma's createMany took
  // minutes to pass on a busy machine.
  await sqlTransaction(db, async (tx) => {
    const [units] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM units`;
    if (units!.n > 0) throw new Error("loadDemoData expects an empty database: units already exist");
    const ctx = createContext(now);
    await insert(tx, buildBase(ctx, passwordHash));

    const warnings = buildWarnings(ctx);
    const intercepts = buildCounterIntercepts(ctx);
    const cases = buildCases(ctx, warnings.defrauded); // sets caseId on the defrauded warnings
    const results = buildCaseResults(ctx, cases.planned, (c, kind, at, data) =>
      cases.events.push({ id: ctx.rng.uuid(at), caseId: c.row.id, kind, at, data, actorId: c.investigator.id }),
    );
    const prevention = buildPrevention(ctx, cases.planned);
    const transfers = buildTransfers(ctx, warnings.warnings);

    await insert(tx, {
      fraudCase: cases.planned.map((c) => c.row),
      caseVictim: cases.planned.flatMap((c) => c.victims),
      warning: warnings.warnings,
      warningTransition: warnings.transitions,
      dissuasionAction: [...warnings.actions, ...intercepts],
      slaBreach: warnings.breaches,
      warningTransfer: transfers.transfers,
      notification: transfers.notifications,
      caseApproval: cases.approvals,
      caseTransfer: cases.transfers,
      caseEvent: cases.events,
      freezeRequest: cases.planned.flatMap((c) => c.freezes),
      gang: results.gangs,
      suspect: results.suspects,
      caseSuspect: results.caseSuspects,
      gangCase: results.gangCases,
      seizedItem: results.seizedItems,
      fundRecovery: results.recoveries,
      publicityEvent: prevention.publicity,
      dailyCount: prevention.dailyCounts,
      disciplinaryMeasure: prevention.measures,
      preventionCampaign: prevention.campaigns,
      revisit: buildRevisits(ctx, warnings.warnings),
      appeal: prevention.appeals,
    });
    // The dissuasion ladder of the newest open 特高危 warnings: their SMS, 闪信 and robot calls go
    // out through the gateway simulator when `npm start` brings the worker up (lib/outbound).
    const fresh = await tx.$queryRaw<LadderWarning[]>`
      SELECT id::text AS id, "riskLevel"::text AS "riskLevel", "fraudType"::text AS "fraudType", "victimName", "victimGender"::text AS "victimGender", "victimPhone"
        FROM warnings WHERE "riskLevel" = 'CRITICAL' AND status = 'PENDING' ORDER BY "receivedAt" DESC LIMIT 3`;
    await startLadders(tx, fresh, now, await outboundSettings(tx));
    await loadVulnerable(tx, ctx);
    await linkDemoContacts(tx);
    await seedPartnerRequests(tx, now);
    await seedAppFollowUps(tx, now);
    await seedDemoCalls(tx, now);
    await tx.$executeRaw`INSERT INTO app_settings (key, value, "updatedAt") VALUES ('demo', 'true'::jsonb, now())`;
  });
}

/** Units and users get their ids up front, so every other row can point at them. */
export function createContext(now: Date): SeedContext {
  const rng = createRng(SEED);
  const units = new Map<string, SeedUnit>(UNIT_TREE.map((u) => [u.code, { ...u, id: rng.uuid(now) }]));
  const users = new Map<string, SeedUser>(
    [...DEMO_ACCOUNTS, ...DEMO_STAFF].map((a) => {
      const unit = units.get(a.unitCode);
      if (!unit) throw new Error(`demo account ${a.username} names an unknown unit ${a.unitCode}`);
      return [a.username, { id: a.id ?? rng.uuid(now), username: a.username, displayName: a.displayName, role: a.role, unitCode: a.unitCode, unitId: unit.id }];
    }),
  );
  return { rng, now, units, users, historyDays: historyDaysBefore(now) };
}

/** The preset periods whose 同比 and 环比 the demo's history holds (上年's 同比 would take a third year). */
export const COMPARED_PERIODS = ["week", "lastWeek", "month", "lastMonth", "quarter", "lastQuarter", "year"] as const;

/**
 * Days back to where each of those periods' 同比 and 环比 begins, as the statistics resolve them
 * (the year's: 1 January of last year; last quarter's in January to March: 1 October two years
 * back), and never fewer than 13 months (396 days).
 */
export function historyDaysBefore(now: Date): number {
  const today = chinaToday(now);
  const starts = COMPARED_PERIODS.flatMap((period) => {
    const p = resolvePeriod({ period }, today);
    return [p.yearAgo.from, p.previous.from];
  });
  return Math.max(396, daysBetween(starts.reduce(minDay), today));
}

function buildBase(ctx: SeedContext, passwordHash: string): Pick<Rows, "unit" | "user"> {
  const accounts = new Map([...DEMO_ACCOUNTS, ...DEMO_STAFF].map((a) => [a.username, a]));
  return {
    unit: [...ctx.units.values()].map((u) => ({
      id: u.id, code: u.code, name: u.name, kind: u.kind, path: u.path, population: u.population, addressKeywords: u.addressKeywords,
      parentId: u.parentCode ? ctx.units.get(u.parentCode)!.id : null,
    })),
    user: [...ctx.users.values()].map((u) => ({
      id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitId: u.unitId,
      grants: accounts.get(u.username)!.grants, passwordHash, isDemo: true,
    })),
  };
}

type Rows = {
  unit: Prisma.UnitCreateManyInput[];
  user: Prisma.UserCreateManyInput[];
  fraudCase: Prisma.FraudCaseCreateManyInput[];
  caseVictim: Prisma.CaseVictimCreateManyInput[];
  warning: Prisma.WarningCreateManyInput[];
  warningTransition: Prisma.WarningTransitionCreateManyInput[];
  dissuasionAction: Prisma.DissuasionActionCreateManyInput[];
  slaBreach: Prisma.SlaBreachCreateManyInput[];
  warningTransfer: Prisma.WarningTransferCreateManyInput[];
  notification: Prisma.NotificationCreateManyInput[];
  caseApproval: Prisma.CaseApprovalCreateManyInput[];
  caseTransfer: Prisma.CaseTransferCreateManyInput[];
  caseEvent: Prisma.CaseEventCreateManyInput[];
  freezeRequest: Prisma.FreezeRequestCreateManyInput[];
  gang: Prisma.GangCreateManyInput[];
  suspect: Prisma.SuspectCreateManyInput[];
  caseSuspect: Prisma.CaseSuspectCreateManyInput[];
  gangCase: Prisma.GangCaseCreateManyInput[];
  seizedItem: Prisma.SeizedItemCreateManyInput[];
  fundRecovery: Prisma.FundRecoveryCreateManyInput[];
  publicityEvent: Prisma.PublicityEventCreateManyInput[];
  dailyCount: Prisma.DailyCountCreateManyInput[];
  disciplinaryMeasure: Prisma.DisciplinaryMeasureCreateManyInput[];
  preventionCampaign: Prisma.PreventionCampaignCreateManyInput[];
  revisit: Prisma.RevisitCreateManyInput[];
  appeal: Prisma.AppealCreateManyInput[];
};

const TABLES: Record<keyof Rows, string> = {
  unit: "units", user: "users", fraudCase: "cases", caseVictim: "case_victims", warning: "warnings", warningTransition: "warning_transitions",
  dissuasionAction: "dissuasion_actions", slaBreach: "sla_breaches", warningTransfer: "warning_transfers", notification: "notifications", caseApproval: "case_approvals", caseTransfer: "case_transfers",
  caseEvent: "case_events", freezeRequest: "freeze_requests", gang: "gangs", suspect: "suspects", caseSuspect: "case_suspects",
  gangCase: "gang_cases", seizedItem: "seized_items", fundRecovery: "fund_recoveries", publicityEvent: "publicity_events",
  dailyCount: "daily_counts", disciplinaryMeasure: "disciplinary_measures", preventionCampaign: "prevention_campaigns", appeal: "appeals",
  revisit: "revisits",
};

/** A value in COPY's text format as Prisma would have stored it: arrays as array literals, JSON as text. */
function stored(v: unknown): unknown {
  if (Array.isArray(v)) return `{${v.map((x) => `"${String(x).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
  if (v !== null && typeof v === "object" && !(v instanceof Date)) return JSON.stringify(v);
  return v;
}

/**
 * Inserts each table's rows in the order given (parents before children) with COPY. The columns a
 * row leaves out take the table's default; the two defaults Prisma fills in itself (an `id`, an
 * `updatedAt`) are filled in here.
 */
async function insert(tx: DriverSql, rows: Partial<Rows>): Promise<void> {
  for (const [model, list] of Object.entries(rows) as [keyof Rows, Record<string, unknown>[]][]) {
    if (list.length === 0) continue;
    const table = TABLES[model];
    const columns = new Set((await tx.$queryRaw<{ c: string }[]>`SELECT column_name::text AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}`).map((r) => r.c));
    // Rows with the same columns go in one COPY.
    const groups = new Map<string, Record<string, unknown>[]>();
    for (const raw of list) {
      const row = { ...raw };
      if (columns.has("id") && row.id === undefined) row.id = randomUUID();
      if (columns.has("updatedAt") && row.updatedAt === undefined) row.updatedAt = row.createdAt ?? new Date();
      const key = Object.keys(row).filter((k) => row[k] !== undefined).sort().join(",");
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    for (const [key, group] of groups) {
      const cols = key.split(",");
      for (let i = 0; i < group.length; i += CHUNK) {
        await tx.copy(table, cols, group.slice(i, i + CHUNK).map((r) => copyLine(cols.map((c) => stored(r[c])))).join(""));
      }
    }
    // The row triggers of a table look up rows of the tables loaded before it. Autovacuum never
    // sees this transaction's rows, and a plan made without statistics scans them for every row
    // (the revisits alone took 55 s of a 68 s load): a big table is followed by fresh statistics.
    if (list.length >= CHUNK) await tx.$executeRaw`ANALYZE`;
  }
}