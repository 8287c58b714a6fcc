import "server-only";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProposalKind, Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";

export type Proposal = {
  kind: ProposalKind;
  approverRole: Role;
  subject: { userId: string } | { apiKeyId: string };
  unitId: string;
  change?: Prisma.InputJsonValue;
  /** What the approver is shown; never PII. */
  summary: Record<string, string | string[] | boolean>;
};

/**
 * Records a grant for a second person to decide, inside the caller's transaction (audited as
 * `access.propose`, naming the proposer). One open proposal per account or key: a second one is
 * refused until the first is decided.
 */
/**
 * While a proposal on an account or key waits, nothing else about it changes: the approver decides on
 * the account as it was proposed (a move, a reset or a second proposal meanwhile would be approved
 * unseen). 409 approval_pending.
 */
export async function assertNoOpenProposal(tx: Tx, subject: Proposal["subject"]): Promise<void> {
  const open = await tx.accessProposal.findFirst({ where: { ...subject, status: "PENDING" }, select: { id: true } });
  if (open) throw new AppError("CONFLICT", "a proposal for this account is waiting for approval", [{ path: "id", code: "approval_pending", message: "approval pending" }]);
}

export async function propose(tx: Tx, actor: Actor, p: Proposal): Promise<{ id: string }> {
  await assertNoOpenProposal(tx, p.subject);
  const row = await tx.accessProposal.create({
    data: { kind: p.kind, approverRole: p.approverRole, ...p.subject, unitId: p.unitId, change: p.change, summary: p.summary, proposedById: actor.id },
    select: { id: true },
  });
  const [entityType, entityId] = "userId" in p.subject ? ["User", p.subject.userId] : ["ApiKey", p.subject.apiKeyId];
  await writeAudit(tx, actor, {
    action: "access.propose", success: true, entityType, entityId,
    details: { proposal: row.id, kind: p.kind, approverRole: p.approverRole, ...p.summary },
  });
  return row;
}
