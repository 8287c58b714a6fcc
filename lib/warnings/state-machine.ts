import type { WarningOutcome, WarningStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

// The warning state machine, as data (DESIGN.md §2.5). No skipped or backward steps; the one way
// back is an audited reopen, which needs a reason.
export const WARNING_TRANSITIONS: Record<WarningStatus, readonly WarningStatus[]> = {
  PENDING: ["ACKNOWLEDGED"],
  ACKNOWLEDGED: ["IN_PROGRESS"],
  IN_PROGRESS: ["RESOLVED"],
  RESOLVED: ["IN_PROGRESS"], // reopen
};

/** The outcomes a person resolves with: TRANSFERRED_OUT is set only by an accepted external transfer (lib/warnings/transfers.ts). */
export const RESOLVE_OUTCOMES = ["DISSUADED", "ALREADY_DEFRAUDED", "UNREACHABLE", "FALSE_POSITIVE"] as const satisfies readonly WarningOutcome[];

export type ResolveOutcome = (typeof RESOLVE_OUTCOMES)[number];

export const isReopen = (from: WarningStatus, to: WarningStatus) => from === "RESOLVED" && to === "IN_PROGRESS";

/** Whether dissuasion actions (calls, visits) may be logged: signed for and not resolved. The first one moves ACKNOWLEDGED on to IN_PROGRESS. */
export const acceptsActions = (s: WarningStatus) => s !== "PENDING" && s !== "RESOLVED";

/** Throws a 409 naming both states unless `from → to` is allowed with what is given. */
export function assertTransition(from: WarningStatus, to: WarningStatus, extra: { outcome?: WarningOutcome; note?: string }) {
  if (!WARNING_TRANSITIONS[from].includes(to)) {
    throw new AppError("CONFLICT", `a ${from} warning cannot move to ${to}`, [{ path: "to", code: "invalid_transition", message: `${from} → ${to} is not allowed` }]);
  }
  if (to === "RESOLVED" && !extra.outcome) {
    throw new AppError("VALIDATION", "resolving needs an outcome", [{ path: "outcome", code: "required", message: "required when resolving" }]);
  }
  if (to !== "RESOLVED" && extra.outcome) {
    throw new AppError("VALIDATION", "only resolving takes an outcome", [{ path: "outcome", code: "not_allowed", message: "only with to = RESOLVED" }]);
  }
  if (isReopen(from, to) && !extra.note?.trim()) {
    throw new AppError("VALIDATION", "reopening needs a reason", [{ path: "note", code: "required", message: "the reason for reopening" }]);
  }
}
