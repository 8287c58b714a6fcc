// Demo cases (立案 → 破案 → 起诉 → 结案) with victims, approvals, transfers, freezes and a
// timeline. Suspects, gangs, seized items and recoveries are added by demo-case-results.ts.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseSource, CaseStatus, FraudType, Gender } from "@/lib/generated/prisma/enums";
import { maskBankCard, maskName } from "@/lib/pii";
import { CASE_TEAMS, OFFICER_OF_UNIT } from "./accounts";
import { branchOf, unitOf, userOf, type SeedContext, type SeedUnit, type SeedUser } from "./context";
import type { WarningRows } from "./demo-warnings";
import { addressIn, bankCard, FRAUD_TYPE_WEIGHTS, idNumberFor, mobile, personName, VICTIM_AGES } from "./people";
import { addMs, amountFen, chinaYear, DAY, HOUR, minBy, MINUTE, yuan, type Rng } from "./random";

const CASE_COUNT = 40;
const STOP_PAYMENT_DAYS = 2; // 紧急止付 holds 48 hours
const FREEZE_DAYS = 180; // 冻结 holds six months unless renewed

export const FRAUD_LABEL: Record<FraudType, string> = {
  REBATE_TASK: "刷单返利类",
  FAKE_INVESTMENT: "虚假投资理财类",
  FAKE_LOAN: "虚假网络贷款类",
  FAKE_CUSTOMER_SERVICE: "冒充电商物流客服类",
  IMPERSONATE_OFFICIAL: "冒充公检法类",
  IMPERSONATE_ACQUAINTANCE: "冒充领导熟人类",
  FAKE_CREDIT: "虚假征信类",
  ROMANCE: "网络婚恋交友类",
  GAME_TRADING: "网络游戏产品虚假交易类",
  ONLINE_SHOPPING: "虚假购物服务类",
  OTHER: "其他类型",
};

type Times = {
  reportedAt: Date;
  submittedAt?: Date;
  decidedAt?: Date;
  filedAt?: Date;
  investigatingAt?: Date;
  suspendedAt?: Date;
  solvedAt?: Date;
  prosecutedAt?: Date;
  closedAt?: Date;
};

/** A case as the later builders need it: its row, unit, team and milestones. */
export type PlannedCase = {
  row: Prisma.FraudCaseCreateManyInput & { id: string };
  unit: SeedUnit;
  branch: SeedUnit;
  investigator: SeedUser;
  chief: SeedUser;
  times: Times;
  lossFen: number;
  victims: (Prisma.CaseVictimCreateManyInput & { id: string })[];
  freezes: Prisma.FreezeRequestCreateManyInput[];
};

export type CaseRows = {
  planned: PlannedCase[];
  approvals: Prisma.CaseApprovalCreateManyInput[];
  transfers: Prisma.CaseTransferCreateManyInput[];
  events: Prisma.CaseEventCreateManyInput[];
};

/** Older cases are further along: the status mix by age in days. */
function statusForAge(rng: Rng, ageDays: number): CaseStatus {
  if (ageDays < 2) return rng.weighted([["REPORTED", 1], ["PENDING_APPROVAL", 1]] as const);
  if (ageDays < 7) return rng.weighted([["PENDING_APPROVAL", 2], ["FILED", 4], ["INVESTIGATING", 3], ["NOT_FILED", 1]] as const);
  if (ageDays < 30) return rng.weighted([["FILED", 2], ["INVESTIGATING", 5], ["SOLVED", 3], ["NOT_FILED", 1], ["SUSPENDED", 1]] as const);
  if (ageDays < 90) return rng.weighted([["INVESTIGATING", 3], ["SOLVED", 4], ["PROSECUTED", 2], ["SUSPENDED", 1], ["CLOSED", 1]] as const);
  return rng.weighted([["SOLVED", 2], ["PROSECUTED", 4], ["CLOSED", 4]] as const);
}

export function buildCases(ctx: SeedContext, defrauded: WarningRows["defrauded"]): CaseRows {
  const { rng, now } = ctx;
  const out: CaseRows = { planned: [], approvals: [], transfers: [], events: [] };
  const teamBranches = Object.keys(CASE_TEAMS).map((code) => unitOf(ctx, code));
  const branchWeights = teamBranches.map((b) => [b, ({ "420302": 5, "420303": 3, "420391": 2 } as Record<string, number>)[b.code] ?? 1.5] as const);
  const precinctsOf = (branch: SeedUnit) => [...ctx.units.values()].filter((u) => u.parentCode === branch.code);

  type Seed = { unit: SeedUnit; reportedAt: Date; source: CaseSource; fraudType: FraudType; warning?: WarningRows["defrauded"][number]["row"] };
  const seeds: Seed[] = defrauded.map(({ row, unit }) => ({
    // A precinct's defrauded victim is taken up by the branch's investigators.
    unit: branchOf(ctx, unit),
    reportedAt: minBy(addMs(row.resolvedAt as Date, rng.int(5, 40) * MINUTE), addMs(now, -MINUTE)),
    source: "WARNING",
    fraudType: row.fraudType,
    warning: row,
  }));
  // Ages in days, by bucket, so that every status shows up: the oldest closed, the newest awaiting approval.
  const ages = ([[0.05, 2, 3], [2, 7, 4], [7, 30, 6], [30, 90, 7], [90, ctx.historyDays, CASE_COUNT]] as const).flatMap(([min, max, n]) =>
    Array.from({ length: n }, () => min + (max - min) * rng.next()),
  );
  // The history's defrauded victims have their cases on top of the month's CASE_COUNT.
  const historic = defrauded.filter(({ row }) => now.getTime() - (row.receivedAt as Date).getTime() > 30 * DAY).length;
  for (const ageDays of ages) {
    if (seeds.length - historic >= CASE_COUNT) break;
    // The newest reports go to 茅箭区分局, so the demo investigator and chief have work to do.
    const branch = seeds.length - defrauded.length < 3 ? unitOf(ctx, "420302") : rng.weighted(branchWeights);
    seeds.push({
      unit: rng.chance(0.25) ? rng.pick(precinctsOf(branch)) : branch,
      reportedAt: addMs(now, -Math.floor(ageDays * DAY)),
      source: rng.weighted([["HOTLINE_110", 3], ["HOTLINE_96110", 2], ["WALK_IN", 3], ["ONLINE", 2]] as const),
      fraudType: rng.weighted(FRAUD_TYPE_WEIGHTS),
    });
  }
  seeds.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  const statuses = everyStatusOnce(seeds.map((s) => (now.getTime() - s.reportedAt.getTime()) / DAY), (age) => statusForAge(rng, age));

  const numbers = new Map<string, number>();
  for (const [index, seed] of seeds.entries()) {
    const { unit, reportedAt } = seed;
    const branch = branchOf(ctx, unit);
    const team = CASE_TEAMS[branch.code]!;
    const investigator = userOf(ctx, team.investigator);
    const chief = userOf(ctx, team.chief);
    const status = statuses[index]!;
    const times = milestones(rng, now, reportedAt, status);
    const key = `${unit.code}-${chinaYear(reportedAt)}`;
    numbers.set(key, (numbers.get(key) ?? 0) + 1);
    const caseId = rng.uuid(reportedAt);

    const victims = seed.warning ? [victimFromWarning(rng, caseId, seed.warning, reportedAt)] : newVictims(ctx, caseId, unit, seed.fraudType, reportedAt);
    const lossFen = victims.reduce((s, v) => s + Math.round(Number(v.lossAmount) * 100), 0);
    const first = victims[0]!;
    const row: PlannedCase["row"] = {
      id: caseId,
      caseNumber: `${key}-${String(numbers.get(key)).padStart(5, "0")}`,
      unitId: unit.id,
      status,
      source: seed.source,
      fraudType: seed.fraudType,
      summary: `${first.name}（${first.age ?? "年龄不详"}${first.age ? "岁" : ""}）遭遇${FRAUD_LABEL[seed.fraudType]}电信网络诈骗，` +
        `${victims.length > 1 ? `同案被害人${victims.length}名，` : ""}按对方指令先后转账${rng.int(1, 9)}笔，共计损失${yuan(lossFen)}元。`,
      lossAmount: yuan(lossFen),
      // A warning's victim paid while the warning was open; other victims some hours or days before reporting.
      lossAt: seed.warning
        ? minBy(addMs(seed.warning.receivedAt as Date, rng.int(0, 30) * MINUTE), seed.warning.resolvedAt as Date)
        : addMs(reportedAt, -rng.int(1, 72) * HOUR),
      reportedAt,
      submittedAt: times.submittedAt ?? null,
      submittedById: times.submittedAt ? investigator.id : null,
      filedAt: times.filedAt ?? null,
      approvedById: times.filedAt ? chief.id : null,
      solvedAt: times.solvedAt ?? null,
      prosecutedAt: times.prosecutedAt ?? null,
      closedAt: times.closedAt ?? null,
      createdById: investigator.id,
      // One bump per status change (filing is the approval itself, not a separate change).
      version: Object.keys(times).length - (times.filedAt ? 1 : 0),
      createdAt: reportedAt,
      updatedAt: latest(times),
    };
    const planned: PlannedCase = { row, unit, branch, investigator, chief, times, lossFen, victims, freezes: [] };
    out.planned.push(planned);
    if (seed.warning) seed.warning.caseId = caseId;
    addTimeline(ctx, out, planned, seed.warning?.id as string | undefined);
  }
  return out;
}

function latest(times: Times): Date {
  return Object.values(times).reduce((a: Date, b: Date) => (b > a ? b : a));
}

// How old (days) a case must be to have reached a status in the demo.
const MIN_AGE: Record<CaseStatus, number> = {
  REPORTED: 0, PENDING_APPROVAL: 0, NOT_FILED: 2, FILED: 2, INVESTIGATING: 2, SUSPENDED: 7, SOLVED: 7, PROSECUTED: 30, CLOSED: 30,
};

/** Statuses for cases of the given ages (oldest first), adjusted so each status occurs at least once. */
function everyStatusOnce(ages: number[], pick: (age: number) => CaseStatus): CaseStatus[] {
  const statuses = ages.map(pick);
  for (const wanted of Object.keys(MIN_AGE) as CaseStatus[]) {
    if (statuses.includes(wanted)) continue;
    const tally = (s: CaseStatus) => statuses.filter((x) => x === s).length;
    // Early stages take the newest eligible case, later ones the oldest, from a status that has plenty.
    const order = ages.map((_, k) => k);
    if (MIN_AGE[wanted] < 7) order.reverse();
    const i = order.find((k) => ages[k]! >= MIN_AGE[wanted] && tally(statuses[k]!) > 2);
    if (i !== undefined) statuses[i] = wanted;
  }
  return statuses;
}

/**
 * When each step happened. Each takes its own while (minutes to approve, weeks to solve), whatever
 * the case's age, but no more than a share of the time left before now, so all lie in the past: a
 * case reported last January is solved by spring, and last year's first months have solved cases
 * and recoveries to compare with.
 */
function milestones(rng: Rng, now: Date, reportedAt: Date, status: CaseStatus): Times {
  const after = (from: Date, share: number, min: number, max: number) => addMs(from, Math.min((now.getTime() - from.getTime()) * share, rng.int(min, max)));
  const t: Times = { reportedAt };
  if (status === "REPORTED") return t;
  t.submittedAt = after(reportedAt, 0.1, 10 * MINUTE, 240 * MINUTE);
  if (status === "PENDING_APPROVAL") return t;
  t.decidedAt = after(t.submittedAt, 0.1, 20 * MINUTE, 20 * HOUR);
  if (status === "NOT_FILED") return t;
  t.filedAt = t.decidedAt;
  if (status === "FILED") return t;
  t.investigatingAt = after(t.filedAt, 0.05, HOUR, 48 * HOUR);
  if (status === "INVESTIGATING") return t;
  if (status === "SUSPENDED") {
    t.suspendedAt = after(t.investigatingAt, 0.6, 30 * DAY, 120 * DAY);
    return t;
  }
  t.solvedAt = after(t.investigatingAt, 0.5, 5 * DAY, 75 * DAY);
  if (status === "SOLVED") return t;
  t.prosecutedAt = after(t.solvedAt, 0.5, 15 * DAY, 60 * DAY);
  if (status === "PROSECUTED") return t;
  t.closedAt = after(t.prosecutedAt, 0.5, 10 * DAY, 45 * DAY);
  return t;
}

function victimFromWarning(rng: Rng, caseId: string, w: WarningRows["defrauded"][number]["row"], at: Date) {
  const fen = w.amountAtRisk ? Math.round(Number(w.amountAtRisk) * 100 * (0.4 + 0.6 * rng.next())) : amountFen(rng, 2_000, 80_000);
  return {
    id: rng.uuid(at), caseId,
    name: w.victimName ?? personName(rng, w.victimGender ?? "UNKNOWN"),
    phone: w.victimPhone, idNumber: w.victimIdNumber ?? null, gender: w.victimGender ?? null, age: w.victimAge ?? null,
    address: w.victimAddress ?? null, lossAmount: yuan(fen), createdAt: at,
  };
}

function newVictims(ctx: SeedContext, caseId: string, unit: SeedUnit, fraudType: FraudType, at: Date) {
  const { rng, now } = ctx;
  const area = unit.kind === "PRECINCT" ? unit : rng.pick([...ctx.units.values()].filter((u) => u.parentCode === unit.code));
  const count = rng.weighted([[1, 8], [2, 1.5], [3, 0.5]] as const);
  return Array.from({ length: count }, () => {
    const [minAge, maxAge] = VICTIM_AGES[fraudType];
    const age = rng.int(Math.max(minAge, 16), Math.max(maxAge, 18));
    const gender: Gender = rng.chance(0.55) ? "FEMALE" : "MALE";
    return {
      id: rng.uuid(at), caseId,
      name: personName(rng, gender), phone: mobile(rng), idNumber: idNumberFor(rng, now, age, gender), gender, age,
      address: addressIn(rng, area), lossAmount: yuan(amountFen(rng, 1_500, 900_000)), createdAt: at,
    };
  });
}

/** Approvals, transfers, freezes and the timeline events that record them. */
function addTimeline(ctx: SeedContext, out: CaseRows, c: PlannedCase, warningId: string | undefined) {
  const { rng, now } = ctx;
  const { row, times, investigator, chief } = c;
  const event = (kind: string, at: Date, actorId: string | null, data: Prisma.InputJsonObject = {}) =>
    out.events.push({ id: rng.uuid(at), caseId: row.id, kind, at, actorId, data });

  event("created", times.reportedAt, investigator.id, { source: row.source, status: "REPORTED" });
  if (warningId) event("warning_linked", times.reportedAt, investigator.id, { warningId });
  for (const v of c.victims) event("victim_added", times.reportedAt, investigator.id, { name: maskName(v.name), lossAmount: String(v.lossAmount) });

  // Some reports come in at the branch through a precinct, handed over within hours (流转).
  if (c.unit.kind === "BRANCH" && row.source !== "WARNING" && rng.chance(0.2)) {
    const from = rng.pick([...ctx.units.values()].filter((u) => u.parentCode === c.unit.code));
    // Handed over before the filing request (or, for a fresh report, not long after it came in).
    const until = times.submittedAt ?? now;
    const at = addMs(times.reportedAt, Math.min(rng.int(20, 180) * MINUTE, (until.getTime() - times.reportedAt.getTime()) / 2));
    const actor = OFFICER_OF_UNIT[from.code] ? userOf(ctx, OFFICER_OF_UNIT[from.code]!) : investigator;
    out.transfers.push({ id: rng.uuid(at), caseId: row.id, fromUnitId: from.id, toUnitId: c.unit.id, reason: "涉案金额较大，移交分局刑侦大队侦办", actorId: actor.id, at });
    event("transferred", at, actor.id, { fromUnit: from.code, toUnit: c.unit.code });
  }

  // Emergency stop-payment right after the report, then a freeze once the case is filed.
  if (c.lossFen > 0 && (now.getTime() - times.reportedAt.getTime() < 2 * DAY || rng.chance(0.7))) {
    for (let k = 0, n = rng.chance(0.3) ? 2 : 1; k < n; k++) addFreezes(ctx, c, event);
  }

  if (times.submittedAt) {
    event("submitted", times.submittedAt, investigator.id, { from: "REPORTED", to: "PENDING_APPROVAL" });
    out.approvals.push({
      id: rng.uuid(times.submittedAt), caseId: row.id, requestedById: investigator.id, requestedAt: times.submittedAt,
      decidedById: times.decidedAt ? chief.id : null, decidedAt: times.decidedAt ?? null,
      decision: times.decidedAt ? (times.filedAt ? "APPROVED" : "REJECTED") : null,
      note: times.decidedAt ? (times.filedAt ? "符合立案条件，同意立案" : "经审查系经济纠纷，不属于电信网络诈骗，不予立案，已告知报案人") : null,
    });
  }
  if (times.decidedAt) {
    const to = times.filedAt ? "FILED" : "NOT_FILED";
    event(times.filedAt ? "approved" : "rejected", times.decidedAt, chief.id, { from: "PENDING_APPROVAL", to });
  }
  const steps: [keyof Times, CaseStatus, CaseStatus][] = [
    ["investigatingAt", "FILED", "INVESTIGATING"], ["suspendedAt", "INVESTIGATING", "SUSPENDED"],
    ["solvedAt", "INVESTIGATING", "SOLVED"], ["prosecutedAt", "SOLVED", "PROSECUTED"], ["closedAt", "PROSECUTED", "CLOSED"],
  ];
  for (const [field, from, to] of steps) {
    const at = times[field];
    if (at) event("status_changed", at, investigator.id, { from, to });
  }
}

function addFreezes(ctx: SeedContext, c: PlannedCase, event: (kind: string, at: Date, actorId: string | null, data?: Prisma.InputJsonObject) => void) {
  const { rng, now } = ctx;
  const { row, times, investigator } = c;
  const card = bankCard(rng);
  const accountName = personName(rng, rng.chance(0.7) ? "MALE" : "FEMALE");
  const requestedFen = Math.max(100, Math.round(c.lossFen * (0.3 + 0.7 * rng.next())));
  const requestedAt = addMs(times.reportedAt, Math.min(rng.int(10, 90) * MINUTE, (now.getTime() - times.reportedAt.getTime()) / 3));
  const expiresAt = addMs(requestedAt, STOP_PAYMENT_DAYS * DAY);
  // Sometimes the money had already moved on; never for the newest cases, whose stop-payments
  // are the live ones about to run out.
  const fresh = now.getTime() - times.reportedAt.getTime() < STOP_PAYMENT_DAYS * DAY;
  const failed = !fresh && rng.chance(0.2);
  const heldFen = failed ? 0 : rng.chance(0.6) ? requestedFen : Math.round(requestedFen * (0.2 + 0.6 * rng.next()));
  // The bank answers within the hour (or, for the newest cases, not yet).
  const answeredAt = addMs(requestedAt, rng.int(5, 40) * MINUTE);
  const executedAt = failed ? null : answeredAt;
  const live = expiresAt > now;
  const stop: Prisma.FreezeRequestCreateManyInput = {
    id: rng.uuid(requestedAt), caseId: row.id, kind: "STOP_PAYMENT",
    status: failed ? "FAILED" : live ? (heldFen === requestedFen ? "EXECUTED" : "PARTIAL") : "EXPIRED",
    bankName: card.bankName, accountName, accountNumber: card.number,
    amountRequested: yuan(requestedFen), amountHeld: yuan(heldFen),
    requestedAt, executedAt: executedAt && executedAt < now ? executedAt : null, expiresAt: failed ? null : expiresAt,
    requestedById: investigator.id, version: failed || !live ? 3 : 2, updatedAt: executedAt ?? requestedAt,
  };
  if (stop.status !== "FAILED" && !stop.executedAt) stop.status = "REQUESTED";
  c.freezes.push(stop);
  event("freeze_requested", requestedAt, investigator.id, { kind: "STOP_PAYMENT", bankName: card.bankName, account: maskBankCard(card.number), amount: yuan(requestedFen) });
  if (answeredAt < now && (stop.executedAt || failed)) {
    event("freeze_updated", answeredAt, investigator.id, { kind: "STOP_PAYMENT", status: stop.status, amountHeld: yuan(heldFen) });
  }

  // After filing, the held money is frozen for six months (released when the case closes).
  if (!failed && times.filedAt) {
    const at = addMs(times.filedAt, rng.int(1, 12) * HOUR);
    const executed = addMs(at, rng.int(1, 6) * HOUR);
    if (executed >= now) return;
    const freezeExpires = addMs(at, FREEZE_DAYS * DAY);
    const released = times.closedAt && times.closedAt > executed ? times.closedAt : null;
    const status = released ? "RELEASED" : freezeExpires < now ? "EXPIRED" : "EXECUTED";
    c.freezes.push({
      id: rng.uuid(at), caseId: row.id, kind: "FREEZE", status,
      bankName: card.bankName, accountName, accountNumber: card.number,
      amountRequested: yuan(heldFen), amountHeld: yuan(heldFen),
      requestedAt: at, executedAt: executed, expiresAt: freezeExpires, releasedAt: released,
      requestedById: investigator.id, version: released || status === "EXPIRED" ? 3 : 2, updatedAt: released ?? at,
    });
    event("freeze_requested", at, investigator.id, { kind: "FREEZE", bankName: card.bankName, account: maskBankCard(card.number), amount: yuan(heldFen) });
  }
}
