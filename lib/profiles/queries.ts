// Victim profiles (issue 17 item 3) for a period and unit, read from the profile rollup only:
// whole months from profile_monthly, the days at either end from profile_daily, each one unit's
// rows (the table counts every warning at each ancestor). Aggregates only: no record, no PII.
import "server-only";
import { readFromReplica } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { splitByMonths, type DayRange } from "@/lib/stats/periods";
import { loadStatsContext, unitRefs, type StatsContext, type UnitRef } from "@/lib/stats/summary";
import { statsQuerySchema, type StatsQuery } from "@/lib/stats/schemas";
import {
  AGE_GROUPS, AMOUNT_BANDS, CHANNELS, GENDERS, HOURS, PROFILE_FRAUD_TYPES, WEEKDAYS,
  type AgeGroup, type AmountBand, type ProfileDim,
} from "@/lib/profiles/dimensions";
import type { ContactChannel, FraudType, Gender } from "@/lib/generated/prisma/enums";

export type ProfileCounts = Map<string, number>;

/** Counts per "dim:key" over the unit's subtree and the range. */
export async function readProfileCounts(unitId: string, range: DayRange, dims?: readonly ProfileDim[]): Promise<ProfileCounts> {
  const { months, days } = splitByMonths(range);
  const dimFilter = (alias: string) => (dims ? Prisma.sql` AND ${Prisma.raw(alias)}.dim = ANY(${dims as string[]}::text[])` : Prisma.empty);
  const parts: Prisma.Sql[] = [
    ...(months ? [Prisma.sql`SELECT m.dim, m.key, m.count FROM profile_monthly m WHERE m."unitId" = ${unitId}::uuid AND m.month BETWEEN ${months.from}::date AND ${months.to}::date${dimFilter("m")}`] : []),
    ...days.map((d) => Prisma.sql`SELECT p.dim, p.key, p.count FROM profile_daily p WHERE p."unitId" = ${unitId}::uuid AND p.day BETWEEN ${d.from}::date AND ${d.to}::date${dimFilter("p")}`),
  ];
  const rows = await readFromReplica((db) => db.$queryRaw<{ dim: string; key: string; n: number }[]>`
    SELECT dim, key, sum(count)::int AS n FROM (${Prisma.join(parts, " UNION ALL ")}) x GROUP BY dim, key`);
  return new Map(rows.map((r) => [`${r.dim}:${r.key}`, r.n]));
}

export type VictimProfile = {
  unit: UnitRef;
  breadcrumb: UnitRef[];
  range: DayRange;
  total: number;
  /** Rows: age groups; one count per fraud type. */
  ageByFraud: { age: AgeGroup; total: number; byType: Record<FraudType, number> }[];
  gender: { gender: Gender; count: number }[];
  /** 7 × 24 cells, Monday first; China time. */
  heat: { weekday: number; hour: number; count: number }[];
  channel: { channel: ContactChannel; count: number }[];
  amount: { band: AmountBand; count: number }[];
};

export function buildProfile(c: ProfileCounts): Omit<VictimProfile, "unit" | "breadcrumb" | "range"> {
  const n = (dim: ProfileDim, key: string) => c.get(`${dim}:${key}`) ?? 0;
  const ageByFraud = AGE_GROUPS.map((age) => {
    const byType = Object.fromEntries(PROFILE_FRAUD_TYPES.map((t) => [t, n("age_fraud", `${age}|${t}`)])) as Record<FraudType, number>;
    return { age, total: Object.values(byType).reduce((s, v) => s + v, 0), byType };
  });
  return {
    total: ageByFraud.reduce((s, r) => s + r.total, 0),
    ageByFraud,
    gender: GENDERS.map((gender) => ({ gender, count: n("gender", gender) })),
    heat: WEEKDAYS.flatMap((weekday) => HOURS.map((hour) => ({ weekday, hour, count: n("hour", `${weekday}|${String(hour).padStart(2, "0")}`) }))),
    channel: CHANNELS.map((channel) => ({ channel, count: n("channel", channel) })).sort((a, b) => b.count - a.count),
    amount: AMOUNT_BANDS.map((band) => ({ band, count: n("amount", band) })),
  };
}

export async function getVictimProfile(ctx: StatsContext): Promise<VictimProfile> {
  const counts = await readProfileCounts(ctx.scope.unit.id, ctx.period.current);
  const { unit, breadcrumb } = unitRefs(ctx);
  return { unit, breadcrumb, range: ctx.period.current, ...buildProfile(counts) };
}

export async function victimProfileFor(actor: Pick<Actor, "scopePath">, query: StatsQuery): Promise<VictimProfile> {
  return getVictimProfile(await loadStatsContext(actor, query));
}

/** GET /api/v1/stats/profiles: the victim profile of a period and unit (aggregates only). */
export const victimProfile = command({
  name: "stats.profiles", permission: "stats:read",
  summary: "Victim profiles of a period and unit: age × fraud type, gender, weekday × hour, channel, amount band (aggregates only)",
  input: statsQuerySchema, audit: false,
  run: ({ actor, input }) => victimProfileFor(actor, input),
});

/** The profile as CSV rows (dimension, bucket, count), audited as "stats.export" like the workbook. */
export const exportVictimProfile = command({
  name: "stats.profiles.export", permission: "stats:read",
  summary: "Victim profiles of a period and unit as CSV (aggregates only; audited)",
  input: statsQuerySchema, audit: ["stats.export"],
  async run({ actor, input, tx }): Promise<VictimProfile> {
    const ctx = await loadStatsContext(actor, input);
    await writeAudit(tx, actor, {
      action: "stats.export", success: true, entityType: "stats", entityId: ctx.scope.unit.code,
      details: { view: "profiles", from: ctx.period.current.from, to: ctx.period.current.to },
    });
    return getVictimProfile(ctx);
  },
});
