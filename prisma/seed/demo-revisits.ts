// Revisits (回访) of the demo's dissuaded warnings: one the next day and one on day 7 after the
// resolution (the default intervals), done when due in the past — mostly confirmed, some late —
// and open from today on. 东城开发区派出所's officer (`officer`) finds three due today (the person
// could not be reached on the first day and the revisit was moved to today) and one overdue in My
// tasks.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RevisitOutcome } from "@/lib/generated/prisma/enums";
import { DEFAULT_REVISIT_DAYS } from "@/lib/revisits/constants";
import { CHINA_OFFSET_MS } from "@/lib/time/china";
import { OFFICER_OF_UNIT } from "./accounts";
import { userOf, type SeedContext } from "./context";
import { addMs, chinaDay, DAY, HOUR, MINUTE } from "./random";

const OUTCOMES: readonly (readonly [RevisitOutcome, number])[] = [
  ["CONFIRMED", 84], ["TEMP_UNREACHABLE", 6], ["UNREACHABLE", 4], ["INFO_MISMATCH", 3], ["DUPLICATE", 3],
];
const NOTES: Partial<Record<RevisitOutcome, string>> = {
  CONFIRMED: "电话回访，当事人确认未再向对方转账，已提醒勿接听陌生来电",
  TEMP_UNREACHABLE: "电话未接通，稍后再联系",
  UNREACHABLE: "多次电话及上门均未找到当事人",
  INFO_MISMATCH: "预警登记的手机号已停机，与当事人信息不符",
  DUPLICATE: "同一当事人另有预警在处置中",
};

/** A China calendar day (as a UTC-midnight Date) at a China-local hour. */
const at = (day: Date, hour: number, minute: number) => new Date(day.getTime() - CHINA_OFFSET_MS + hour * HOUR + minute * MINUTE);

export function buildRevisits(ctx: SeedContext, warnings: readonly Prisma.WarningCreateManyInput[]): Prisma.RevisitCreateManyInput[] {
  const { rng, now } = ctx;
  const today = chinaDay(now);
  const officerId = (unitId: string) => {
    for (const [code, username] of Object.entries(OFFICER_OF_UNIT)) if (ctx.units.get(code)?.id === unitId) return userOf(ctx, username).id;
    return null;
  };
  const demoUnit = ctx.units.get("42030201")!.id;
  const dissuaded = warnings
    .filter((w) => w.status === "RESOLVED" && w.outcome === "DISSUADED" && w.resolvedAt)
    .sort((a, b) => new Date(b.resolvedAt!).getTime() - new Date(a.resolvedAt!).getTime());
  // The demo officer's latest dissuaded warnings resolved before today: three due today, one overdue.
  const featured = dissuaded.filter((w) => w.unitId === demoUnit && chinaDay(new Date(w.resolvedAt!)) < addMs(today, -DAY)).slice(0, 4);

  const rows: Prisma.RevisitCreateManyInput[] = [];
  for (const w of dissuaded) {
    const resolvedDay = chinaDay(new Date(w.resolvedAt!));
    const officer = w.assigneeId ?? officerId(w.unitId);
    const feature = featured.indexOf(w);
    DEFAULT_REVISIT_DAYS.forEach((days, i) => {
      const dueOn = addMs(resolvedDay, days * DAY);
      const base = { warningId: w.id!, unitId: w.unitId, officerId: officer, sequence: i + 1, dueOn, createdAt: new Date(w.resolvedAt!) };
      const open = (attempt: number, due: Date) => rows.push({ ...base, id: rng.uuid(base.createdAt), attempt, dueOn: due, status: "OPEN" });
      const done = (attempt: number, due: Date, outcome: RevisitOutcome, late: number) => {
        const doneAt = at(addMs(due, late * DAY), rng.int(9, 17), rng.int(0, 59));
        rows.push({
          ...base, id: rng.uuid(base.createdAt), attempt, dueOn: due, status: "DONE", outcome, note: NOTES[outcome] ?? null,
          doneAt: doneAt > now ? now : doneAt, doneById: officer, updatedAt: doneAt > now ? now : doneAt,
        });
      };
      if (i === 0 && feature >= 0 && feature < 3) {
        // Not reached on its day (before today): moved to today.
        done(1, dueOn, "TEMP_UNREACHABLE", 0);
        open(2, today);
        return;
      }
      if (i === 0 && feature === 3) return void open(1, dueOn); // overdue
      if (dueOn >= today) return void open(1, dueOn);
      const outcome = rng.weighted(OUTCOMES);
      const late = rng.chance(0.85) ? 0 : rng.int(1, 3);
      done(1, dueOn, outcome, late);
    });
  }
  return rows;
}
