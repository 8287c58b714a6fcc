// City-year cases: filed exactly as planned per year (立案数 by filedAt), solved exactly as
// planned (破案 by solvedAt) out of the open filed cases, then prosecuted and closed; reports that
// were not filed; a victim, the filing approval and stop-payment/freeze requests per case. A
// half-year backlog filed before the span gives the first year's solved cases something to solve.
import type { CaseSource, CaseStatus, FraudType } from "@/lib/generated/prisma/enums";
import { CASE_TEAMS } from "./accounts";
import type { SeedUnit } from "./context";
import { chinaDayOf, type CityYearCtx, dayStart, fastMobile, perDay, timeOn, uuidAt } from "./city-year-context";
import type { Col } from "./city-year-load";
import { allocate, daysBetween } from "./city-year-plan";
import { addressIn, bankCard, FRAUD_TYPE_WEIGHTS, idNumberFor, personName, VICTIM_AGES } from "./people";
import { amountFen, yuan } from "./random";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BACKLOG = 3_100;
const SOURCES: readonly (readonly [CaseSource, number])[] = [["WARNING", 32], ["HOTLINE_110", 22], ["HOTLINE_96110", 14], ["WALK_IN", 22], ["ONLINE", 10]];
const SUMMARY: Partial<Record<FraudType, string>> = {
  REBATE_TASK: "受害人被诱导参与刷单返利任务，多次转账后无法提现",
  FAKE_INVESTMENT: "受害人在虚假投资平台充值后平台无法出金",
  FAKE_LOAN: "受害人申请网络贷款被要求缴纳保证金、解冻费",
  FAKE_CUSTOMER_SERVICE: "嫌疑人冒充电商客服以退款理赔为由诱导转账",
  IMPERSONATE_OFFICIAL: "嫌疑人冒充公检法称受害人涉嫌洗钱，要求转账至“安全账户”",
  IMPERSONATE_ACQUAINTANCE: "嫌疑人冒充领导熟人以急需用钱为由借款",
  ROMANCE: "受害人经网络婚恋结识嫌疑人，被诱导投资充值",
};

export type PlannedCase = {
  id: string; unit: SeedUnit; filedAt: Date | null; solvedAt: Date | null; victimId: string; fraudType: FraudType;
};

export const CASE_COLS: readonly Col[] = [
  ["id", "uuid"], ["caseNumber", "text"], ["unitId", "uuid"], ["status", '"CaseStatus"'], ["source", '"CaseSource"'], ["fraudType", '"FraudType"'],
  ["summary", "text"], ["lossAmount", "numeric"], ["lossAt", "timestamp"], ["reportedAt", "timestamp"], ["submittedAt", "timestamp"],
  ["submittedById", "uuid"], ["filedAt", "timestamp"], ["approvedById", "uuid"], ["solvedAt", "timestamp"], ["prosecutedAt", "timestamp"],
  ["closedAt", "timestamp"], ["createdById", "uuid"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"],
];

export async function generateCases(ctx: CityYearCtx): Promise<{ cases: PlannedCase[]; linkCase: (branchCode: string, day: string) => string | null }> {
  const { rng, now, writer } = ctx;
  type Draft = PlannedCase & { reportedAt: Date; submittedAt: Date | null; source: CaseSource; notFiled: boolean; pending: boolean };
  const drafts: Draft[] = [];
  const team = (u: SeedUnit) => CASE_TEAMS[u.code] ?? CASE_TEAMS["420302"]!;

  function draft(day: string, kind: "filed" | "notFiled" | "pending"): Draft {
    const unit = rng.weighted(ctx.branchWeights);
    const filedAt = kind === "filed" ? timeOn(rng, day, true) : null;
    const anchor = filedAt ?? timeOn(rng, day, true);
    const approvalHours = 0.3 + rng.next() ** 2 * 40;
    const submittedAt = kind === "pending" && rng.chance(0.5) ? null : new Date(anchor.getTime() - (filedAt ? approvalHours * HOUR : 0));
    const reportedAt = new Date((submittedAt ?? anchor).getTime() - (0.1 + rng.next() ** 2 * 36) * HOUR);
    return {
      id: uuidAt(rng, reportedAt), unit, filedAt, solvedAt: null, victimId: uuidAt(rng, reportedAt), fraudType: rng.weighted(FRAUD_TYPE_WEIGHTS),
      reportedAt, submittedAt, source: rng.weighted(SOURCES), notFiled: kind === "notFiled", pending: kind === "pending",
    };
  }

  // Filed: the backlog, then every day of the span exactly as planned; a few reports not filed.
  const backlogDays = daysBetween("2023-07-01", "2023-12-31");
  const backlog = allocate(BACKLOG, backlogDays.map(() => 1));
  backlogDays.forEach((d, i) => { for (let k = 0; k < backlog[i]!; k++) drafts.push(draft(d, "filed")); });
  const filedPerDay = perDay(ctx, (t) => t.casesFiled);
  ctx.days.forEach((d, i) => {
    for (let k = 0; k < filedPerDay[i]!; k++) drafts.push(draft(d, "filed"));
    if (rng.chance(0.9)) drafts.push(draft(d, "notFiled"));
    if (i >= ctx.days.length - 5) for (let k = 0; k < rng.int(2, 6); k++) drafts.push(draft(d, "pending"));
  });

  // Solved: each day's planned number, picked from cases filed at least a week earlier.
  const filed = drafts.filter((c) => c.filedAt).sort((a, b) => a.filedAt!.getTime() - b.filedAt!.getTime());
  const pool: Draft[] = [];
  let next = 0;
  const solvedPerDay = perDay(ctx, (t) => t.casesSolved);
  ctx.days.forEach((d, i) => {
    const cutoff = dayStart(d).getTime() - 7 * DAY;
    while (next < filed.length && filed[next]!.filedAt!.getTime() <= cutoff) pool.push(filed[next++]!);
    for (let k = 0; k < solvedPerDay[i]!; k++) {
      if (pool.length === 0) throw new Error(`no open case to solve on ${d}`);
      const j = rng.int(0, pool.length - 1);
      const c = pool[j]!;
      pool[j] = pool[pool.length - 1]!;
      pool.pop();
      c.solvedAt = timeOn(rng, d, true);
    }
  });

  const cases = writer.table("cases", CASE_COLS);
  const victims = writer.table("case_victims", [
    ["id", "uuid"], ["caseId", "uuid"], ["name", "text"], ["phone", "text"], ["idNumber", "text"], ["gender", '"Gender"'], ["age", "int2"],
    ["address", "text"], ["lossAmount", "numeric"], ["createdAt", "timestamp"],
  ], [cases]);
  const approvals = writer.table("case_approvals", [
    ["id", "uuid"], ["caseId", "uuid"], ["requestedById", "uuid"], ["requestedAt", "timestamp"], ["decidedById", "uuid"], ["decidedAt", "timestamp"],
    ["decision", '"ApprovalDecision"'], ["note", "text"],
  ], [cases]);
  const freezes = writer.table("freeze_requests", [
    ["id", "uuid"], ["caseId", "uuid"], ["kind", '"FreezeKind"'], ["status", '"FreezeStatus"'], ["bankName", "text"], ["accountName", "text"],
    ["accountNumber", "text"], ["amountRequested", "numeric"], ["amountHeld", "numeric"], ["requestedAt", "timestamp"], ["executedAt", "timestamp"],
    ["expiresAt", "timestamp"], ["requestedById", "uuid"], ["updatedAt", "timestamp"],
  ], [cases]);

  const seq = new Map<string, number>();
  const byBranchDay = new Map<string, string[]>();
  for (const c of drafts) {
    const year = chinaDayOf(c.reportedAt).slice(0, 4);
    const n = (seq.get(`${c.unit.code}-${year}`) ?? 0) + 1;
    seq.set(`${c.unit.code}-${year}`, n);
    const prosecutedAt = c.solvedAt && rng.chance(0.75) ? later(c.solvedAt, rng.int(15, 120) * DAY, now) : null;
    const closedAt = prosecutedAt && rng.chance(0.4) ? later(prosecutedAt, rng.int(30, 200) * DAY, now) : null;
    const status: CaseStatus = closedAt ? "CLOSED" : prosecutedAt ? "PROSECUTED" : c.solvedAt ? "SOLVED" : c.notFiled ? "NOT_FILED"
      : c.pending ? (c.submittedAt ? "PENDING_APPROVAL" : "REPORTED")
      : now.getTime() - c.filedAt!.getTime() > 400 * DAY && rng.chance(0.15) ? "SUSPENDED" : now.getTime() - c.filedAt!.getTime() < 3 * DAY ? "FILED" : "INVESTIGATING";
    const loss = amountFen(rng, 2_000, 800_000);
    const users = team(c.unit);
    const investigator = ctx.users.get(users.investigator)!.id;
    const chief = ctx.users.get(users.chief)!.id;
    const updatedAt = closedAt ?? prosecutedAt ?? c.solvedAt ?? c.filedAt ?? c.submittedAt ?? c.reportedAt;
    await cases.add([
      c.id, `${c.unit.code}-${year}-${String(n).padStart(5, "0")}`, c.unit.id, status, c.source, c.fraudType,
      SUMMARY[c.fraudType] ?? "受害人遭遇电信网络诈骗被骗钱款", yuan(loss), new Date(c.reportedAt.getTime() - rng.int(1, 72) * HOUR), c.reportedAt,
      c.submittedAt, c.submittedAt ? investigator : null, c.filedAt, c.filedAt ? chief : null, c.solvedAt, prosecutedAt, closedAt, investigator, c.reportedAt, updatedAt,
    ]);
    const gender = rng.chance(0.55) ? "FEMALE" : "MALE";
    const [minAge, maxAge] = VICTIM_AGES[c.fraudType];
    const age = rng.int(minAge, maxAge);
    const precinct = rng.pick(ctx.precincts.filter((p) => p.parentCode === c.unit.code));
    await victims.add([c.victimId, c.id, personName(rng, gender), fastMobile(rng), idNumberFor(rng, now, age, gender), gender, age, addressIn(rng, precinct), yuan(loss), c.reportedAt]);
    if (c.submittedAt && (c.filedAt || c.notFiled)) {
      const decidedAt = c.filedAt ?? new Date(c.submittedAt.getTime() + rng.int(1, 24) * HOUR);
      await approvals.add([uuidAt(rng, c.submittedAt), c.id, investigator, c.submittedAt, chief, decidedAt, c.filedAt ? "APPROVED" : "REJECTED", c.filedAt ? null : "经审查不符合立案条件"]);
    }
    if (c.filedAt && rng.chance(0.4)) {
      const card = bankCard(rng);
      const requestedAt = new Date(c.reportedAt.getTime() + rng.int(10, 120) * 60_000);
      const held = rng.chance(0.6) ? Math.round(loss * (0.1 + 0.8 * rng.next())) : 0;
      const fstatus = held ? (held < loss ? "PARTIAL" : "EXECUTED") : rng.pick(["FAILED", "EXPIRED", "RELEASED"] as const);
      await freezes.add([
        uuidAt(rng, requestedAt), c.id, rng.chance(0.6) ? "STOP_PAYMENT" : "FREEZE", fstatus, card.bankName, personName(rng, "UNKNOWN"), card.number,
        yuan(loss), yuan(held), requestedAt, held ? new Date(requestedAt.getTime() + rng.int(5, 90) * 60_000) : null,
        new Date(requestedAt.getTime() + 48 * HOUR), investigator, requestedAt,
      ]);
    }
    if (c.source === "WARNING" && c.filedAt) {
      const key = `${c.unit.code}|${chinaDayOf(c.reportedAt)}`;
      byBranchDay.set(key, [...(byBranchDay.get(key) ?? []), c.id]);
    }
  }
  await Promise.all([cases.flush(), victims.flush(), approvals.flush(), freezes.flush()]);
  ctx.progress("cases");
  return {
    cases: drafts,
    linkCase: (branchCode, day) => byBranchDay.get(`${branchCode}|${day}`)?.pop() ?? null,
  };
}

const later = (d: Date, ms: number, limit: Date): Date | null => (d.getTime() + ms <= limit.getTime() ? new Date(d.getTime() + ms) : null);
