// Standalone counter interceptions (临柜拦截): a bank teller spots a suspicious transfer and the
// precinct's officer stops it at the counter. No warning precedes them.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Gender } from "@/lib/generated/prisma/enums";
import { OFFICER_OF_UNIT } from "./accounts";
import { precincts, unitOf, userOf, type SeedContext } from "./context";
import { idNumberFor, mobile, personName } from "./people";
import { addMs, amountFen, chinaDay, chinaTime, DAY, yuan } from "./random";

const COUNTER_INTERCEPTS = 12;

/** Standalone counter interceptions (临柜拦截) at bank branches in the precincts' areas. */
export function buildCounterIntercepts(ctx: SeedContext): Prisma.DissuasionActionCreateManyInput[] {
  const { rng, now } = ctx;
  const banks = ["中国工商银行", "中国农业银行", "中国建设银行", "中国银行", "中国邮政储蓄银行", "湖北农信"] as const;
  const all = precincts(ctx);
  const rows: Prisma.DissuasionActionCreateManyInput[] = [];
  // COUNTER_INTERCEPTS in the last month, and as many per day before it, back through the history.
  const total = COUNTER_INTERCEPTS + Math.round((COUNTER_INTERCEPTS / 29) * Math.max(0, ctx.historyDays - 29));
  for (let i = 0; i < total; i++) {
    const recent = i < COUNTER_INTERCEPTS;
    const unit = i < 3 ? unitOf(ctx, "42030201") : i < 5 ? unitOf(ctx, "42039101") : rng.pick(all);
    const officer = OFFICER_OF_UNIT[unit.code] ? userOf(ctx, OFFICER_OF_UNIT[unit.code]!) : null;
    const at = chinaTime(now, recent ? rng.int(1, 29) : rng.int(30, ctx.historyDays), rng.int(9, 16), rng.int(0, 59));
    const gender: Gender = rng.chance(0.6) ? "FEMALE" : "MALE";
    const age = rng.int(45, 78);
    const bank = rng.pick(banks);
    const fraudType = rng.pick(["IMPERSONATE_OFFICIAL", "FAKE_INVESTMENT", "OTHER", "IMPERSONATE_ACQUAINTANCE", "ROMANCE"] as const);
    const fen = amountFen(rng, 20_000, 300_000);
    const followUp = recent && officer !== null && i % 2 === 0;
    rows.push({
      id: rng.uuid(at),
      warningId: null,
      unitId: unit.id,
      actorId: officer?.id ?? null,
      kind: "COUNTER_INTERCEPT",
      result: "DISSUADED",
      occurredAt: at,
      durationSeconds: rng.int(15, 60) * 60,
      amountProtected: yuan(fen),
      fraudType,
      personFound: true,
      appRegistered: rng.chance(0.7),
      relativesContacted: rng.chance(0.5),
      note: `客户欲向陌生账户汇款${yuan(fen)}元，柜员识别异常后报警，民警到场劝阻成功`,
      followUpOn: followUp ? chinaDay(addMs(now, rng.int(1, 4) * DAY)) : null,
      bankName: `${bank}十堰分行`,
      bankBranch: `${rng.pick(unit.addressKeywords)}支行`,
      customerName: personName(rng, gender),
      customerIdNumber: idNumberFor(rng, now, age, gender),
      customerPhone: mobile(rng),
      createdAt: at,
    });
  }
  return rows;
}
