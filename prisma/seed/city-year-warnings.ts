// The city-year warnings, planned by the China-local day they are resolved on (so 处置预警 and
// 避免受骗 land exactly on their targets), with their SLA clocks, breaches and dissuasion
// actions: the center's 96110 calls, precinct home visits, robot calls and SMS, the dissuading
// action that carries 止损, and standalone counter interceptions.
import type { ActionKind, ActionResult, RiskLevel, WarningOutcome, WarningSource } from "@/lib/generated/prisma/enums";
import { DEFAULT_SLA, REPEAT_BUMP, RISK_WEIGHT } from "@/lib/warnings/sla";
import { OFFICER_OF_UNIT } from "./accounts";
import type { SeedUnit } from "./context";
import { chinaYearOf, type CityYearCtx, dayStart, fastMobile, perDay, timeOn, uuidAt } from "./city-year-context";
import { COLS } from "./city-year-load";
import { allocate, dayWeight, splitAmount } from "./city-year-plan";
import { addressIn, BANKS, fraudContact, FRAUD_TYPE_WEIGHTS, idNumberFor, personName, VICTIM_AGES } from "./people";
import { amountFen, yuan } from "./random";

const MIN = 60_000;
const SOURCES: readonly (readonly [WarningSource, number])[] = [
  ["NATIONAL", 34], ["PROVINCIAL", 22], ["BANK", 8], ["CARRIER", 14], ["LOCAL_MODEL", 16], ["HOTLINE", 4], ["WALK_IN", 2],
];
const PREFIX: Record<WarningSource, string> = { NATIONAL: "GJFZ", PROVINCIAL: "HBST", BANK: "YHFK", CARRIER: "YYS", LOCAL_MODEL: "SYMX", HOTLINE: "96110", WALK_IN: "LFDJ" };
const RISK_ORDINARY = [["CRITICAL", 3], ["HIGH", 12], ["MEDIUM", 30], ["LOW", 55]] as const;
const RISK_DISSUADED = [["CRITICAL", 30], ["HIGH", 45], ["MEDIUM", 20], ["LOW", 5]] as const;
const AMOUNT_AT_RISK: Record<RiskLevel, readonly [number, number]> = { CRITICAL: [30_000, 800_000], HIGH: [5_000, 200_000], MEDIUM: [1_000, 50_000], LOW: [200, 8_000] };
/** Share of ordinary warnings the center calls on 96110 (the rest: robot calls, SMS, precinct work). */
const CALL_SHARE = 0.775;

export type WarningStats = { warnings: number; actions: number; hotlineByYear: Map<number, number> };

export async function generateWarnings(ctx: CityYearCtx, linkCase: (branchCode: string, day: string) => string | null): Promise<WarningStats> {
  const { rng, writer, center, years } = ctx;
  const warnings = writer.table("warnings", COLS.warnings);
  // Actions and breaches go out on the second lane, in parallel with the warnings when it exists.
  const actions = writer.table("dissuasion_actions", COLS.actions, [warnings], 1);
  const breaches = writer.table("sla_breaches", COLS.breaches, [warnings], 1);
  const dispatcher = ctx.users.get("dispatcher")!;
  const stats: WarningStats = { warnings: 0, actions: 0, hotlineByYear: new Map() };
  const seq = new Map<WarningSource, number>();

  const handled = perDay(ctx, (t) => t.warningsHandled);
  const centerDissuaded = perDay(ctx, (t) => t.centerDissuaded, { noise: 0.5 });
  const precinctDissuaded = perDay(ctx, (t) => t.dissuadedWarnings - t.centerDissuaded, { noise: 0.5 });
  const intercepts = perDay(ctx, (t) => t.intercepts, { noise: 0.5 });
  // Each year's 止损 split into the amounts of its dissuading actions, consumed in day order.
  const centerAmounts = new Map<number, number[]>();
  const otherAmounts = new Map<number, number[]>();
  for (const [y, { targets: t }] of years) {
    centerAmounts.set(y, splitAmount(rng, t.centerLossStoppedFen, t.centerDissuaded, 3_000, 900_000));
    otherAmounts.set(y, splitAmount(rng, t.lossStoppedFen - t.centerLossStoppedFen, t.dissuadedWarnings - t.centerDissuaded + t.intercepts, 1_000, 700_000));
  }
  const officerOf = (u: SeedUnit) => (OFFICER_OF_UNIT[u.code] ? ctx.users.get(OFFICER_OF_UNIT[u.code]!)!.id : null);

  async function action(a: { warningId: string | null; unit: SeedUnit; kind: ActionKind; result: ActionResult; at: Date; amountFen?: number; fraudType?: string; note?: string; bank?: boolean }) {
    const bank = a.bank ? rng.pick(BANKS).name : null;
    await actions.add([
      uuidAt(rng, a.at), a.warningId, a.unit.id, a.unit.id === center.id ? dispatcher.id : officerOf(a.unit), a.kind, a.result, a.at,
      a.kind === "HOME_VISIT" || a.kind === "COUNTER_INTERCEPT" ? rng.int(10, 90) * 60 : rng.int(20, 600), a.amountFen ? yuan(a.amountFen) : "0",
      a.fraudType ?? null, a.result !== "UNANSWERED" && a.result !== "NOT_FOUND", a.result === "DISSUADED" && rng.chance(0.6), a.note ?? null,
      bank ? `${bank}十堰分行` : null, bank ? `${rng.pick(a.unit.addressKeywords)}支行` : null, bank ? personName(rng, rng.chance(0.6) ? "FEMALE" : "MALE") : null,
      a.at, a.at,
    ]);
    stats.actions++;
    if (a.kind === "HOTLINE_CALL") {
      const y = chinaYearOf(a.at);
      stats.hotlineByYear.set(y, (stats.hotlineByYear.get(y) ?? 0) + 1);
    }
  }

  async function warning(day: string, kind: "center" | "precinct" | "ordinary") {
    const risk: RiskLevel = rng.weighted(kind === "ordinary" ? RISK_ORDINARY : RISK_DISSUADED);
    const ladder = DEFAULT_SLA[risk];
    const toCenter = kind === "center" || (kind === "ordinary" && rng.chance(0.06));
    const unit = toCenter ? center : rng.weighted(ctx.precinctWeights);
    const outcome: WarningOutcome = kind !== "ordinary" ? "DISSUADED" : rng.weighted([["FALSE_POSITIVE", 91.6], ["UNREACHABLE", 8], ["ALREADY_DEFRAUDED", 0.4]] as const);
    const resolvedAt = timeOn(rng, day);
    const late = rng.chance(0.02);
    // Most people who cannot be reached are given up on (after repeated calls) within the contact time.
    const giveUp = outcome === "UNREACHABLE" && rng.chance(0.8);
    const took = Math.max(3, giveUp ? ladder.contactMinutes * (0.3 + 0.65 * rng.next()) : ladder.resolveMinutes * (late ? 1.02 + 0.5 * rng.next() : 0.04 + 0.8 * rng.next()));
    const receivedAt = new Date(resolvedAt.getTime() - took * MIN);
    const ackMin = Math.min(took * 0.5, ladder.ackMinutes * (rng.chance(0.97) ? 0.1 + 0.8 * rng.next() : 1.05 + 2 * rng.next()));
    const contactMin = Math.min(took * 0.8, ackMin + Math.max(0.5, (ladder.contactMinutes - ackMin) * (rng.chance(0.97) ? 0.1 + 0.8 * rng.next() : 1.1 + rng.next())));
    const acknowledgedAt = new Date(receivedAt.getTime() + ackMin * MIN);
    const firstContactAt = outcome === "UNREACHABLE" ? null : new Date(receivedAt.getTime() + contactMin * MIN);
    const due = { ACK: ackMin > ladder.ackMinutes, CONTACT: (firstContactAt ? contactMin : took) > ladder.contactMinutes, RESOLVE: took > ladder.resolveMinutes };
    const source = rng.weighted(SOURCES);
    const n = (seq.get(source) ?? 0) + 1;
    seq.set(source, n);
    const fraudType = rng.weighted(FRAUD_TYPE_WEIGHTS);
    const [minAge, maxAge] = VICTIM_AGES[fraudType];
    const age = rng.int(minAge, maxAge);
    const gender = rng.chance(0.52) ? "FEMALE" : "MALE";
    const contact = fraudContact(rng, fraudType);
    const repeats = rng.chance(0.05) ? rng.int(1, 3) : 0;
    const id = uuidAt(rng, receivedAt);
    const caseId = outcome === "ALREADY_DEFRAUDED" && unit.kind === "PRECINCT" ? linkCase(unit.parentCode!, day) : null;
    const [lo, hi] = AMOUNT_AT_RISK[risk];
    await warnings.add([
      id, source, `${PREFIX[source]}-${day.replace(/-/g, "")}-${String(n).padStart(7, "0")}`, risk, fraudType, "RESOLVED", outcome,
      RISK_WEIGHT[risk] + REPEAT_BUMP * repeats, receivedAt, repeats ? new Date(receivedAt.getTime() + took * MIN * 0.4) : receivedAt, repeats,
      rng.chance(0.7) ? personName(rng, gender) : null, fastMobile(rng), rng.chance(0.25) && age >= 16 ? idNumberFor(rng, ctx.now, age, gender) : null,
      rng.chance(0.8) ? age : null, gender, unit.kind === "PRECINCT" && rng.chance(0.6) ? addressIn(rng, unit) : null, contact.channel, contact.value,
      rng.chance(0.7) ? yuan(amountFen(rng, lo, hi)) : null, unit.id, toCenter ? "FALLBACK" : rng.chance(0.75) ? "ADDRESS" : "UNIT_CODE",
      toCenter ? dispatcher.id : officerOf(unit), toCenter ? null : acknowledgedAt, new Date(receivedAt.getTime() + ladder.ackMinutes * MIN),
      new Date(receivedAt.getTime() + ladder.contactMinutes * MIN), new Date(receivedAt.getTime() + ladder.resolveMinutes * MIN),
      acknowledgedAt, firstContactAt, resolvedAt, null, caseId, source === "HOTLINE" ? dispatcher.id : null, receivedAt, resolvedAt,
    ]);
    stats.warnings++;
    for (const step of ["ACK", "CONTACT", "RESOLVE"] as const) {
      if (!due[step]) continue;
      const dueAt = new Date(receivedAt.getTime() + (step === "ACK" ? ladder.ackMinutes : step === "CONTACT" ? ladder.contactMinutes : ladder.resolveMinutes) * MIN);
      await breaches.add([uuidAt(rng, dueAt), id, step, unit.id, dueAt, new Date(dueAt.getTime() + MIN)]);
    }

    // The dissuading action falls on the day of resolution, so its 止损 counts in the same period.
    const y = chinaYearOf(resolvedAt);
    const floor = Math.max(dayStart(day).getTime(), receivedAt.getTime());
    const dissuadedAt = new Date(Math.max(floor, resolvedAt.getTime() - rng.int(1, 40) * MIN));
    const callAt = firstContactAt ?? new Date(receivedAt.getTime() + contactMin * MIN);
    if (kind === "center") {
      await action({ warningId: id, unit: center, kind: "HOTLINE_CALL", result: "DISSUADED", at: dissuadedAt, amountFen: centerAmounts.get(y)!.pop(), fraudType, note: "96110劝阻成功，当事人已停止转账" });
      return;
    }
    if (kind === "precinct" || rng.chance(CALL_SHARE)) {
      const result: ActionResult = outcome === "UNREACHABLE" ? "UNANSWERED" : outcome === "ALREADY_DEFRAUDED" ? "ALREADY_PAID" : outcome === "FALSE_POSITIVE" ? rng.weighted([["CONNECTED", 4], ["NOT_FRAUD", 1]] as const) : "CONNECTED";
      await action({ warningId: id, unit: center, kind: "HOTLINE_CALL", result, at: callAt, fraudType });
    } else if (risk === "LOW" || risk === "MEDIUM") {
      if (rng.chance(0.45)) await action({ warningId: id, unit: center, kind: rng.chance(0.65) ? "ROBOT_CALL" : "SMS", result: outcome === "UNREACHABLE" ? "UNANSWERED" : "CONNECTED", at: callAt });
    }
    if (kind === "precinct") {
      const how = rng.weighted([["HOME_VISIT", 55], ["RELATIVE_CONTACT", 15], ["VIDEO_CALL", 12], ["COUNTER_INTERCEPT", 18]] as const);
      await action({ warningId: id, unit, kind: how, result: "DISSUADED", at: dissuadedAt, amountFen: otherAmounts.get(y)!.pop(), fraudType, bank: how === "COUNTER_INTERCEPT", note: "民警劝阻成功，群众已知晓骗局" });
    } else if (unit.kind === "PRECINCT" && (risk === "CRITICAL" || risk === "HIGH") && rng.chance(0.32)) {
      await action({ warningId: id, unit, kind: "HOME_VISIT", result: outcome === "UNREACHABLE" ? "NOT_FOUND" : "CONNECTED", at: new Date((callAt.getTime() + resolvedAt.getTime()) / 2) });
    }
  }

  for (let i = 0; i < ctx.days.length; i++) {
    const day = ctx.days[i]!;
    const [c, p] = [centerDissuaded[i]!, precinctDissuaded[i]!];
    for (let k = 0; k < handled[i]!; k++) await warning(day, k < c ? "center" : k < c + p ? "precinct" : "ordinary");
    for (let k = 0; k < intercepts[i]!; k++) {
      const unit = rng.weighted(ctx.precinctWeights);
      const at = timeOn(rng, day, true);
      await action({ warningId: null, unit, kind: "COUNTER_INTERCEPT", result: "DISSUADED", at, amountFen: otherAmounts.get(chinaYearOf(at))!.pop(), bank: true, note: "柜员发现客户向陌生账户大额转账，民警到场劝阻成功" });
    }
    if (i % 7 === 6 || i === ctx.days.length - 1) ctx.progress(`warnings ${day}`);
  }
  for (const [y, list] of [...centerAmounts, ...otherAmounts]) if (list.length) throw new Error(`${list.length} amounts of ${y} left unused`);

  // 96110 calls not tied to a warning (follow-up calls to people warned earlier) bring each
  // year's calls to the article's count exactly: the warnings above make a little fewer on purpose.
  for (const [y, { days, targets }] of years) {
    const missing = targets.hotlineCalls - (stats.hotlineByYear.get(y) ?? 0);
    if (missing < 0) throw new Error(`${y}: ${-missing} more 96110 calls than the target; lower CALL_SHARE`);
    const counts = allocate(missing, days.map((d) => dayWeight(rng, d)));
    for (let i = 0; i < days.length; i++) {
      for (let k = 0; k < counts[i]!; k++) await action({ warningId: null, unit: center, kind: "HOTLINE_CALL", result: "CONNECTED", at: timeOn(rng, days[i]!, true), note: "96110回访提醒" });
    }
  }
  await Promise.all([warnings.flush(), actions.flush(), breaches.flush()]);
  return stats;
}
