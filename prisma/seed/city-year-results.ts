// What the city-year cases yield: gangs dismantled and suspects arrested exactly as planned per
// year, seized items (every type but cash adding up to the year's count) and recovered funds (to
// the fen), each attached to a case solved in the same year and dated on its day of solving.
import type { SeizedItemType } from "@/lib/generated/prisma/enums";
import type { SeedUnit } from "./context";
import type { PlannedCase } from "./city-year-cases";
import { chinaDayOf, chinaYearOf, type CityYearCtx, dayStart, fastMobile, perDay, timeOn, uuidAt } from "./city-year-context";
import { splitAmount, splitCount } from "./city-year-plan";
import { idNumberFor, personName, SUSPECT_REGIONS } from "./people";
import { yuan } from "./random";

const DAY = 86_400_000;
const ITEM_TYPES: readonly (readonly [SeizedItemType, number])[] = [["SIM_CARD", 45], ["BANK_CARD", 30], ["PHONE", 9], ["POS", 4], ["GOIP", 3], ["COMPUTER", 3], ["OTHER", 6]];
const GANG_KINDS = ["电信网络诈骗团伙", "“两卡”犯罪团伙", "跑分洗钱团伙", "GOIP设备窝点团伙", "引流推广团伙"] as const;
const STORAGE = ["涉案财物管理中心", "分局物证室", "刑侦大队保管室"] as const;

export async function generateResults(ctx: CityYearCtx, cases: readonly PlannedCase[]): Promise<void> {
  const { rng, writer, now } = ctx;
  const solved = cases.filter((c) => c.solvedAt).sort((a, b) => a.solvedAt!.getTime() - b.solvedAt!.getTime());
  const solvedByBranch = new Map<string, PlannedCase[]>();
  for (const c of solved) solvedByBranch.set(c.unit.code, [...(solvedByBranch.get(c.unit.code) ?? []), c]);
  const solvedByYear = new Map<number, PlannedCase[]>();
  for (const c of solved) solvedByYear.set(chinaYearOf(c.solvedAt!), [...(solvedByYear.get(chinaYearOf(c.solvedAt!)) ?? []), c]);

  /** A case of the branch solved in the 90 days before `at`, if any. */
  function recentCase(branch: SeedUnit, at: Date): PlannedCase | null {
    const list = solvedByBranch.get(branch.code) ?? [];
    const window = list.filter((c) => c.solvedAt! <= at && c.solvedAt!.getTime() > at.getTime() - 90 * DAY);
    return window.length ? rng.pick(window) : null;
  }

  const gangs = writer.table("gangs", [["id", "uuid"], ["unitId", "uuid"], ["name", "text"], ["note", "text"], ["dismantledAt", "timestamp"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"]]);
  const gangCases = writer.table("gang_cases", [["gangId", "uuid"], ["caseId", "uuid"]], [gangs]);
  const suspects = writer.table("suspects", [
    ["id", "uuid"], ["unitId", "uuid"], ["name", "text"], ["idNumber", "text"], ["phone", "text"], ["gender", '"Gender"'], ["status", '"SuspectStatus"'],
    ["gangId", "uuid"], ["arrestedAt", "timestamp"], ["detainedAt", "timestamp"], ["prosecutedAt", "timestamp"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"],
  ], [gangs]);
  const caseSuspects = writer.table("case_suspects", [["caseId", "uuid"], ["suspectId", "uuid"], ["addedAt", "timestamp"]], [suspects]);

  // Gangs, each with the cases it is linked to; remembered per branch for their members.
  type Gang = { id: string; branch: SeedUnit; at: Date; caseIds: string[] };
  const recentGangs = new Map<string, Gang[]>();
  const gangsPerDay = perDay(ctx, (t) => t.gangs, { noise: 0.4 });
  const suspectsPerDay = perDay(ctx, (t) => t.suspects, { noise: 0.4 });
  for (let i = 0; i < ctx.days.length; i++) {
    const day = ctx.days[i]!;
    for (let k = 0; k < gangsPerDay[i]!; k++) {
      const branch = rng.weighted(ctx.branchWeights);
      const at = timeOn(rng, day, true);
      const id = uuidAt(rng, at);
      const linked = new Set<string>();
      for (let n = rng.int(1, 3); n > 0; n--) {
        const c = recentCase(branch, at);
        if (c) linked.add(c.id);
      }
      const leader = personName(rng, rng.chance(0.8) ? "MALE" : "FEMALE");
      await gangs.add([id, branch.id, `${leader.slice(0, 1)}某某等${rng.pick(GANG_KINDS)}`, null, at, at, at]);
      for (const caseId of linked) await gangCases.add([id, caseId]);
      const g: Gang = { id, branch, at, caseIds: [...linked] };
      recentGangs.set(branch.code, [g, ...(recentGangs.get(branch.code) ?? [])].slice(0, 6));
    }
    for (let k = 0; k < suspectsPerDay[i]!; k++) await suspect(timeOn(rng, day));
    if (i % 30 === 29) ctx.progress(`gangs and suspects ${day}`);
  }
  // A few still at large.
  for (let k = 0; k < Math.round(cases.length * 0.03); k++) await suspect(null);

  async function suspect(at: Date | null) {
    const branch = rng.weighted(ctx.branchWeights);
    const gang = at && rng.chance(0.8) ? (recentGangs.get(branch.code) ?? []).find((g) => g.at <= at && at.getTime() - g.at.getTime() < 20 * DAY) ?? null : null;
    const gender = rng.chance(0.82) ? "MALE" : "FEMALE";
    const age = rng.int(18, 56);
    const detainedAt = at && rng.chance(0.85) ? new Date(at.getTime() + rng.int(2, 36) * 3_600_000) : null;
    const prosecutedAt = detainedAt && rng.chance(0.5) && detainedAt.getTime() + 40 * DAY < now.getTime() ? new Date(detainedAt.getTime() + rng.int(30, 40) * DAY) : null;
    const status = !at ? "WANTED" : prosecutedAt ? "PROSECUTED" : detainedAt ? "DETAINED" : rng.chance(0.5) ? "ARRESTED" : "RELEASED";
    const created = at ?? new Date(now.getTime() - rng.int(1, 600) * DAY);
    const id = uuidAt(rng, created);
    await suspects.add([
      id, branch.id, personName(rng, gender), rng.chance(0.9) ? idNumberFor(rng, now, age, gender, SUSPECT_REGIONS) : null, rng.chance(0.7) ? fastMobile(rng) : null,
      gender, status, gang?.id ?? null, at, detainedAt, prosecutedAt, created, prosecutedAt ?? detainedAt ?? created,
    ]);
    const caseId = gang?.caseIds.length ? rng.pick(gang.caseIds) : at ? recentCase(branch, at)?.id : null;
    if (caseId) await caseSuspects.add([caseId, id, at ?? created]);
  }

  // Seized items and recovered funds, per year, dated on the day their case was solved.
  const items = writer.table("seized_items", [
    ["id", "uuid"], ["caseId", "uuid"], ["unitId", "uuid"], ["type", '"SeizedItemType"'], ["quantity", "int4"], ["seizedAt", "timestamp"],
    ["storage", "text"], ["disposition", '"Disposition"'], ["createdAt", "timestamp"], ["updatedAt", "timestamp"],
  ]);
  const recoveries = writer.table("fund_recoveries", [
    ["id", "uuid"], ["caseId", "uuid"], ["unitId", "uuid"], ["amount", "numeric"], ["recoveredAt", "timestamp"], ["method", '"RecoveryMethod"'],
    ["victimId", "uuid"], ["returnedAmount", "numeric"], ["returnedAt", "timestamp"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"],
  ]);
  const sameDay = (d: Date) => {
    const end = dayStart(chinaDayOf(d)).getTime() + DAY - 1;
    return new Date(Math.min(end, d.getTime() + rng.int(0, 4 * 3_600_000)));
  };
  for (const [y, { targets }] of ctx.years) {
    const pool = solvedByYear.get(y) ?? [];
    if (pool.length === 0) throw new Error(`no case solved in ${y} to attach seizures to`);
    const n = Math.min(targets.itemsSeized, Math.round(pool.length * 0.9));
    for (const quantity of splitCount(rng, targets.itemsSeized, n)) {
      const c = rng.pick(pool);
      const at = sameDay(c.solvedAt!);
      await items.add([uuidAt(rng, at), c.id, c.unit.id, rng.weighted(ITEM_TYPES), quantity, at, rng.pick(STORAGE), rng.pick(["HELD", "CONFISCATED", "TRANSFERRED"] as const), at, at]);
    }
    for (let k = Math.round(pool.length * 0.05); k > 0; k--) {
      const c = rng.pick(pool);
      const at = sameDay(c.solvedAt!);
      await items.add([uuidAt(rng, at), c.id, c.unit.id, "CASH", rng.int(1, 40), at, STORAGE[0], "HELD", at, at]);
    }
    const amounts = splitAmount(rng, targets.fundsRecoveredFen, Math.round(pool.length * 0.55), 500, 400_000);
    for (const fen of amounts) {
      const c = rng.pick(pool);
      const at = sameDay(c.solvedAt!);
      const returnedAt = rng.chance(0.85) && at.getTime() + 30 * DAY < now.getTime() ? new Date(at.getTime() + rng.int(3, 30) * DAY) : null;
      await recoveries.add([
        uuidAt(rng, at), c.id, c.unit.id, yuan(fen), at, rng.weighted([["FROZEN_FUNDS", 6], ["VOLUNTARY", 2], ["SEIZED_CASH", 1], ["COURT_ORDER", 1]] as const),
        c.victimId, returnedAt ? yuan(fen) : "0", returnedAt, at, returnedAt ?? at,
      ]);
    }
  }
  await Promise.all([gangs.flush(), gangCases.flush(), suspects.flush(), caseSuspects.flush(), items.flush(), recoveries.flush()]);
  ctx.progress("seizures and recoveries");
}
