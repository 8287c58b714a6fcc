import { maskAddress, maskName, maskPhone } from "@/lib/pii";
import { nextStep } from "@/lib/warnings/sla";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The columns a queue row needs (no full PII leaves the database layer unmasked). */
export const warningRowSelect = {
  id: true, source: true, riskLevel: true, fraudType: true, status: true, outcome: true, priority: true,
  receivedAt: true, lastSeenAt: true, repeatCount: true, victimName: true, victimPhone: true, victimAddress: true,
  contactChannel: true, amountAtRisk: true, ackDueAt: true, contactDueAt: true, resolveDueAt: true,
  acknowledgedAt: true, firstContactAt: true, resolvedAt: true, slaDueAt: true, version: true, dispatchedAt: true,
  unit: { select: { id: true, code: true, name: true, kind: true } },
  assignee: { select: { id: true, displayName: true } },
} satisfies Prisma.WarningSelect;

type RowSource = Prisma.WarningGetPayload<{ select: typeof warningRowSelect }>;

export function toWarningRow(w: RowSource) {
  const step = nextStep(w);
  return {
    id: w.id,
    source: w.source,
    riskLevel: w.riskLevel,
    fraudType: w.fraudType,
    status: w.status,
    outcome: w.outcome,
    priority: w.priority,
    receivedAt: w.receivedAt.toISOString(),
    lastSeenAt: w.lastSeenAt.toISOString(),
    repeatCount: w.repeatCount,
    victimName: maskName(w.victimName),
    victimPhone: maskPhone(w.victimPhone),
    victimAddress: maskAddress(w.victimAddress),
    contactChannel: w.contactChannel,
    amountAtRisk: w.amountAtRisk?.toFixed(2) ?? null,
    sla: step ? { step: step.step, dueAt: step.dueAt.toISOString() } : null,
    ackDueAt: w.ackDueAt.toISOString(),
    contactDueAt: w.contactDueAt.toISOString(),
    resolveDueAt: w.resolveDueAt.toISOString(),
    acknowledgedAt: w.acknowledgedAt?.toISOString() ?? null,
    firstContactAt: w.firstContactAt?.toISOString() ?? null,
    resolvedAt: w.resolvedAt?.toISOString() ?? null,
    dispatchedAt: w.dispatchedAt?.toISOString() ?? null,
    unit: w.unit,
    assignee: w.assignee,
    version: w.version,
  };
}

export type WarningRow = ReturnType<typeof toWarningRow>;
