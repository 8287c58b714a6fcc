// A direct recount of every rollup metric from the raw tables, written independently of the
// triggers' contribution functions (its own SQL, its own time-zone conversion). Tests compare the
// rollups with it; `npm run seed:city-year` uses it to prove its calibration. It scans raw tables:
// never call it on a request path.
import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { chinaDayEnd, chinaDayStart } from "@/lib/time/china";

export type RecountRow = { unitId: string; day: string; metric: string; value: string };

/** China-local calendar day of a timestamp column (stored as UTC without a zone). */
const cn = (col: string) => `((${col} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date`;

/** One SELECT per metric family: unit, day, metric, value — before grouping. */
const SOURCES: string[] = [
  `SELECT "unitId", ${cn(`"receivedAt"`)}, 'w.recv.' || "riskLevel", 1 FROM warnings`,
  `SELECT "unitId", ${cn(`"receivedAt"`)}, 'w.fraud.' || "fraudType", 1 FROM warnings`,
  `SELECT "unitId", ${cn(`"receivedAt"`)}, 'w.ack_ok', 1 FROM warnings WHERE "acknowledgedAt" <= "ackDueAt"`,
  `SELECT "unitId", ${cn(`"receivedAt"`)}, 'w.contacted', 1 FROM warnings WHERE "firstContactAt" IS NOT NULL`,
  `SELECT "unitId", ${cn(`"receivedAt"`)}, 'w.cohort.' || outcome, 1 FROM warnings WHERE status = 'RESOLVED' AND outcome IS NOT NULL`,
  `SELECT "unitId", ${cn(`"receivedAt"`)}, 'w.f.ack', 1 FROM warnings WHERE "acknowledgedAt" IS NOT NULL`,
  `SELECT "unitId", ${cn(`"receivedAt"`)}, 'w.f.contact', 1 FROM warnings WHERE "acknowledgedAt" IS NOT NULL AND "firstContactAt" IS NOT NULL`,
  `SELECT "unitId", ${cn(`"receivedAt"`)}, 'w.f.resolved', 1 FROM warnings WHERE "acknowledgedAt" IS NOT NULL AND "firstContactAt" IS NOT NULL AND status = 'RESOLVED'`,
  `SELECT "unitId", ${cn(`"receivedAt"`)}, 'w.f.dissuaded', 1 FROM warnings WHERE "acknowledgedAt" IS NOT NULL AND "firstContactAt" IS NOT NULL AND status = 'RESOLVED' AND outcome = 'DISSUADED'`,
  `SELECT "unitId", ${cn(`"resolvedAt"`)}, 'w.resolved', 1 FROM warnings WHERE status = 'RESOLVED' AND "resolvedAt" IS NOT NULL`,
  `SELECT "unitId", ${cn(`"resolvedAt"`)}, 'w.out.' || outcome, 1 FROM warnings WHERE status = 'RESOLVED' AND "resolvedAt" IS NOT NULL AND outcome IS NOT NULL`,
  `SELECT "unitId", ${cn(`"dueAt"`)}, 'b.' || step, 1 FROM sla_breaches`,
  `SELECT "unitId", ${cn(`"occurredAt"`)}, 'a.kind.' || kind, 1 FROM dissuasion_actions`,
  `SELECT "unitId", ${cn(`"occurredAt"`)}, 'a.protected', "amountProtected" FROM dissuasion_actions`,
  `SELECT "unitId", ${cn(`"answeredAt"`)}, 'pr.protected', "amountProtected" FROM partner_requests WHERE "answeredAt" IS NOT NULL`,
  `SELECT "unitId", ${cn(`"occurredAt"`)}, 'a.intercept', 1 FROM dissuasion_actions WHERE kind = 'COUNTER_INTERCEPT' AND result = 'DISSUADED' AND "warningId" IS NULL`,
  `SELECT "unitId", ${cn(`"reportedAt"`)}, 'c.reported', 1 FROM cases`,
  `SELECT "unitId", ${cn(`"filedAt"`)}, 'c.filed', 1 FROM cases WHERE "filedAt" IS NOT NULL`,
  `SELECT "unitId", ${cn(`"filedAt"`)}, 'c.fraud.' || "fraudType", 1 FROM cases WHERE "filedAt" IS NOT NULL`,
  `SELECT "unitId", ${cn(`"solvedAt"`)}, 'c.solved', 1 FROM cases WHERE "solvedAt" IS NOT NULL`,
  `SELECT "unitId", ${cn(`"prosecutedAt"`)}, 'c.prosecuted', 1 FROM cases WHERE "prosecutedAt" IS NOT NULL`,
  `SELECT "unitId", ${cn(`"submittedAt"`)}, 'c.submit.n', 1 FROM cases WHERE "submittedAt" IS NOT NULL`,
  `SELECT "unitId", ${cn(`"submittedAt"`)}, 'c.submit.min', round(extract(epoch FROM "submittedAt" - "reportedAt") / 60, 2) FROM cases WHERE "submittedAt" IS NOT NULL`,
  `SELECT "unitId", ${cn(`"filedAt"`)}, 'c.approve.n', 1 FROM cases WHERE "filedAt" IS NOT NULL AND "submittedAt" IS NOT NULL`,
  `SELECT "unitId", ${cn(`"filedAt"`)}, 'c.approve.min', round(extract(epoch FROM "filedAt" - "submittedAt") / 60, 2) FROM cases WHERE "filedAt" IS NOT NULL AND "submittedAt" IS NOT NULL`,
  `SELECT "unitId", ${cn(`"dismantledAt"`)}, 'g.dismantled', 1 FROM gangs WHERE "dismantledAt" IS NOT NULL`,
  `SELECT "unitId", ${cn(`"arrestedAt"`)}, 's.arrested', 1 FROM suspects WHERE "arrestedAt" IS NOT NULL`,
  `SELECT "unitId", ${cn(`"seizedAt"`)}, 'si.' || type, quantity FROM seized_items`,
  `SELECT "unitId", ${cn(`"recoveredAt"`)}, 'fr.amount', amount FROM fund_recoveries`,
  `SELECT "unitId", "occurredOn", 'p.events', 1 FROM publicity_events`,
  `SELECT "unitId", "occurredOn", 'p.audience', "audienceCount" FROM publicity_events`,
  `SELECT "unitId", "occurredOn", 'p.app', "appRegistrations" FROM publicity_events`,
  `SELECT "unitId", day, 'd.' || metric, count FROM daily_counts`,
  `SELECT "unitId", "dueOn", 'r.due', 1 FROM revisits WHERE status <> 'CANCELLED'`,
  `SELECT "unitId", "dueOn", 'r.done', 1 FROM revisits WHERE status = 'DONE'`,
  `SELECT "unitId", "dueOn", 'r.ontime', 1 FROM revisits WHERE status = 'DONE' AND ${cn(`"doneAt"`)} <= "dueOn"`,
  `SELECT "unitId", ${cn(`"createdAt"`)}, 'app.warned', 1 FROM app_followups`,
  `SELECT "unitId", ${cn(`"createdAt"`)}, 'app.installed', 1 FROM app_followups WHERE outcome = 'INSTALLED'`,
];

/** Every non-zero (unit, day, metric) of the given units, recounted from the raw records. */
export async function recountDaily(unitIds: readonly string[]): Promise<RecountRow[]> {
  const selects = SOURCES.map((s) => Prisma.sql`${Prisma.raw(s)} ${Prisma.raw(/ WHERE /.test(s) ? "AND" : "WHERE")} "unitId" = ANY(${unitIds as string[]}::uuid[])`);
  return getDb().$queryRaw<RecountRow[]>`
    SELECT "unitId"::text AS "unitId", day::text AS day, metric, sum(value)::text AS value
    FROM (${Prisma.join(selects, " UNION ALL ")}) AS raw ("unitId", day, metric, value)
    WHERE day IS NOT NULL
    GROUP BY 1, 2, 3 HAVING sum(value) <> 0`;
}

/**
 * The figures of lib/stats/figures.ts counted straight from the raw records (same definitions,
 * separate SQL) for a unit's subtree and a range of China-local days.
 */
export async function directFigures(unitPath: string, range: { from: string; to: string }): Promise<Record<string, string>> {
  // China-local midnight of `from`, and of the day after `to`, as UTC timestamps.
  const lo = chinaDayStart(range.from).toISOString();
  const hi = chinaDayEnd(range.to).toISOString();
  const inRange = (col: string) => Prisma.sql`${Prisma.raw(col)} >= ${lo}::timestamp AND ${Prisma.raw(col)} < ${hi}::timestamp`;
  const [row] = await getDb().$queryRaw<Record<string, string>[]>`
    WITH u AS (SELECT id, kind = 'CENTER' AS center FROM units WHERE path = ${unitPath} OR starts_with(path, ${`${unitPath}/`})),
    w AS (
      SELECT count(*) FILTER (WHERE outcome = 'DISSUADED') AS dissuaded,
             count(*) FILTER (WHERE outcome = 'DISSUADED' AND u.center) AS center_dissuaded, count(*) AS handled
      FROM warnings x JOIN u ON u.id = x."unitId" WHERE x.status = 'RESOLVED' AND ${inRange(`x."resolvedAt"`)}
    ),
    a AS (
      SELECT count(*) FILTER (WHERE kind = 'HOTLINE_CALL') AS hotline,
             count(*) FILTER (WHERE kind = 'COUNTER_INTERCEPT' AND result = 'DISSUADED' AND "warningId" IS NULL) AS intercepts,
             count(*) FILTER (WHERE kind = 'COUNTER_INTERCEPT' AND result = 'DISSUADED' AND "warningId" IS NULL AND u.center) AS center_intercepts,
             coalesce(sum("amountProtected"), 0) AS protected,
             coalesce(sum("amountProtected") FILTER (WHERE u.center), 0) AS center_protected
      FROM dissuasion_actions x JOIN u ON u.id = x."unitId" WHERE ${inRange(`x."occurredAt"`)}
    ),
    pr AS (
      SELECT coalesce(sum("amountProtected"), 0) AS protected, coalesce(sum("amountProtected") FILTER (WHERE u.center), 0) AS center_protected
      FROM partner_requests x JOIN u ON u.id = x."unitId" WHERE ${inRange(`x."answeredAt"`)}
    )
    SELECT
      (SELECT count(*) FROM cases x JOIN u ON u.id = x."unitId" WHERE ${inRange(`x."filedAt"`)})::text AS "casesFiled",
      (SELECT count(*) FROM cases x JOIN u ON u.id = x."unitId" WHERE ${inRange(`x."solvedAt"`)})::text AS "casesSolved",
      (SELECT count(*) FROM gangs x JOIN u ON u.id = x."unitId" WHERE ${inRange(`x."dismantledAt"`)})::text AS "gangsDismantled",
      (SELECT count(*) FROM suspects x JOIN u ON u.id = x."unitId" WHERE ${inRange(`x."arrestedAt"`)})::text AS "suspectsArrested",
      (SELECT coalesce(sum(quantity), 0) FROM seized_items x JOIN u ON u.id = x."unitId" WHERE x.type <> 'CASH' AND ${inRange(`x."seizedAt"`)})::text AS "itemsSeized",
      (SELECT (w.dissuaded + a.intercepts)::text FROM w, a) AS "peopleDissuaded",
      (SELECT (a.protected + pr.protected)::text FROM a, pr) AS "lossStopped",
      (SELECT (w.center_dissuaded + a.center_intercepts)::text FROM w, a) AS "centerPeopleDissuaded",
      (SELECT (a.center_protected + pr.center_protected)::text FROM a, pr) AS "centerLossStopped",
      (SELECT coalesce(sum(amount), 0) FROM fund_recoveries x JOIN u ON u.id = x."unitId" WHERE ${inRange(`x."recoveredAt"`)})::text AS "fundsRecovered",
      (SELECT coalesce(sum(count), 0) FROM daily_counts x JOIN u ON u.id = x."unitId" WHERE x.metric = 'APP_REGISTRATIONS' AND x.day BETWEEN ${range.from}::date AND ${range.to}::date)::text AS "appRegistrations",
      (SELECT handled::text FROM w) AS "warningsHandled",
      (SELECT hotline::text FROM a) AS "hotlineCalls",
      (SELECT coalesce(sum(count), 0) FROM daily_counts x JOIN u ON u.id = x."unitId" WHERE x.metric = 'CONSULTATION_CALLS' AND x.day BETWEEN ${range.from}::date AND ${range.to}::date)::text AS "consultationCalls",
      (SELECT coalesce(sum("audienceCount"), 0) FROM publicity_events x JOIN u ON u.id = x."unitId" WHERE x."occurredOn" BETWEEN ${range.from}::date AND ${range.to}::date)::text AS "outreachAudience",
      (SELECT count(*) FROM app_followups x JOIN u ON u.id = x."unitId" WHERE ${inRange(`x."createdAt"`)})::text AS "appWarned",
      (SELECT count(*) FROM app_followups x JOIN u ON u.id = x."unitId" WHERE x.outcome = 'INSTALLED' AND ${inRange(`x."createdAt"`)})::text AS "appInstalled"`;
  return row!;
}
