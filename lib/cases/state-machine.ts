import type { CaseStatus, FreezeStatus, SuspectStatus } from "@/lib/generated/prisma/enums";
import type { Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

// The case state machine as data (DESIGN.md §2 "Report → case"). Each allowed step names the
// permission it needs, the timeline event it writes and whether it needs a note (a reason).
export type CaseStep = {
  to: CaseStatus;
  permission: Permission;
  event: "submitted" | "approved" | "rejected" | "status_changed";
  noteRequired?: boolean;
};

export const CASE_STATUSES = [
  "REPORTED", "PENDING_APPROVAL", "FILED", "INVESTIGATING", "SOLVED", "PROSECUTED", "CLOSED", "NOT_FILED", "SUSPENDED",
] as const satisfies readonly CaseStatus[];

export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStep[]> = {
  REPORTED: [{ to: "PENDING_APPROVAL", permission: "cases:write", event: "submitted" }],
  PENDING_APPROVAL: [
    { to: "FILED", permission: "cases:approve", event: "approved" },
    { to: "NOT_FILED", permission: "cases:approve", event: "rejected", noteRequired: true },
  ],
  FILED: [
    { to: "INVESTIGATING", permission: "cases:write", event: "status_changed" },
    { to: "SUSPENDED", permission: "cases:write", event: "status_changed", noteRequired: true },
  ],
  INVESTIGATING: [
    { to: "SOLVED", permission: "cases:write", event: "status_changed" },
    { to: "SUSPENDED", permission: "cases:write", event: "status_changed", noteRequired: true },
  ],
  SUSPENDED: [{ to: "INVESTIGATING", permission: "cases:write", event: "status_changed" }],
  SOLVED: [{ to: "PROSECUTED", permission: "cases:write", event: "status_changed" }],
  PROSECUTED: [{ to: "CLOSED", permission: "cases:write", event: "status_changed" }],
  CLOSED: [],
  NOT_FILED: [],
};

/** Final states: nothing moves a case out of them, and nothing may be added to it. */
export const isTerminal = (s: CaseStatus) => CASE_TRANSITIONS[s].length === 0;

/** Cases waiting for a filing decision cannot be handed to another unit: the decision belongs to this chain. */
export const canTransfer = (s: CaseStatus) => !isTerminal(s) && s !== "PENDING_APPROVAL";

/** The facts are corrected while the unit handles the case: not while the filing decision is pending (it decides on them as submitted). */
export const canEditFacts = canTransfer;

/** The allowed step `from → to`, or a 409 naming both states. */
export function caseStep(from: CaseStatus, to: CaseStatus): CaseStep {
  const step = CASE_TRANSITIONS[from].find((s) => s.to === to);
  if (!step) {
    throw new AppError("CONFLICT", `a ${from} case cannot move to ${to}`, [
      { path: "to", code: "invalid_transition", message: `${from} → ${to} is not allowed` },
    ]);
  }
  return step;
}

// ── Stop-payment / freeze requests ──
export const FREEZE_TRANSITIONS: Record<FreezeStatus, readonly FreezeStatus[]> = {
  REQUESTED: ["EXECUTED", "PARTIAL", "FAILED"],
  EXECUTED: ["RELEASED", "EXPIRED"],
  PARTIAL: ["RELEASED", "EXPIRED"],
  FAILED: [],
  EXPIRED: [],
  RELEASED: [],
};

/** Money is held by the bank while a request is in one of these states. */
export const LIVE_FREEZE: readonly FreezeStatus[] = ["EXECUTED", "PARTIAL"];

export function assertFreezeTransition(from: FreezeStatus, to: FreezeStatus) {
  if (!FREEZE_TRANSITIONS[from].includes(to)) {
    throw new AppError("CONFLICT", `a ${from} request cannot move to ${to}`, [
      { path: "status", code: "invalid_transition", message: `${from} → ${to} is not allowed` },
    ]);
  }
}

// ── Suspects: wanted → arrested (抓获) → detained (刑拘) → prosecuted / released ──
export const SUSPECT_TRANSITIONS: Record<SuspectStatus, readonly SuspectStatus[]> = {
  WANTED: ["ARRESTED"],
  ARRESTED: ["DETAINED", "RELEASED"],
  DETAINED: ["PROSECUTED", "RELEASED"],
  PROSECUTED: [],
  RELEASED: [],
};

/** The date column each suspect status stamps. */
export const SUSPECT_DATE_FIELD = {
  ARRESTED: "arrestedAt",
  DETAINED: "detainedAt",
  PROSECUTED: "prosecutedAt",
  RELEASED: "releasedAt",
} as const satisfies Partial<Record<SuspectStatus, string>>;

export function assertSuspectTransition(from: SuspectStatus, to: SuspectStatus) {
  if (!SUSPECT_TRANSITIONS[from].includes(to)) {
    throw new AppError("CONFLICT", `a ${from} suspect cannot move to ${to}`, [
      { path: "status", code: "invalid_transition", message: `${from} → ${to} is not allowed` },
    ]);
  }
}
