import type { VisitOutcome } from "@/lib/field/constants";
import type { ResolveOutcome } from "@/lib/warnings/state-machine";

/** What a visit does to its warning: resolve it with an outcome, or keep working it (劝阻中). */
export type WarningEffect = { resolveAs: ResolveOutcome } | { keepOpen: true };

/**
 * The home visit's outcome mapped onto the warning state machine (DESIGN.md §2.5):
 * - 劝阻成功 DISSUADED → resolved DISSUADED (a follow-up date only schedules a check-up visit);
 * - 已转账 ALREADY_PAID → resolved ALREADY_DEFRAUDED, which opens the case for the investigators;
 * - 非诈骗 NOT_FRAUD → resolved FALSE_POSITIVE;
 * - 未见到本人 NOT_FOUND → stays 劝阻中 when the officer schedules another visit, else resolved
 *   UNREACHABLE (the officer gives up on finding the person);
 * - 拒绝劝阻 REFUSED → stays 劝阻中: the schema requires a follow-up visit.
 */
export function warningEffect(outcome: VisitOutcome, hasFollowUp: boolean): WarningEffect {
  switch (outcome) {
    case "DISSUADED":
      return { resolveAs: "DISSUADED" };
    case "ALREADY_PAID":
      return { resolveAs: "ALREADY_DEFRAUDED" };
    case "NOT_FRAUD":
      return { resolveAs: "FALSE_POSITIVE" };
    case "NOT_FOUND":
      return hasFollowUp ? { keepOpen: true } : { resolveAs: "UNREACHABLE" };
    case "REFUSED":
      return { keepOpen: true };
  }
}
