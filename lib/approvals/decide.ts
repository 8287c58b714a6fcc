import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, versionConflict } from "@/lib/errors";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { auditDenied, outOfScope } from "@/lib/audit/audit-denied";
import { unitSubtree } from "@/lib/units/jurisdiction";
import { applyUserChange, type UserChange } from "@/lib/users/commands";
import { applyPasswordReset } from "@/lib/auth/admin-credentials";
import { decideProposalSchema } from "@/lib/approvals/schemas";

/**
 * The second person's decision on a proposed grant. Only a holder of the proposal's approver role
 * in whose jurisdiction the account or key lies may decide, never the proposer nor the account's
 * own holder. Approving applies the grant (the account may sign in, the key is accepted, the role
 * change or password takes effect); rejecting leaves the account unusable and revokes the key.
 * Audited on the account or key, naming the proposer and the approver.
 */
export const decideProposal = command({
  name: "access.decide", permission: "grants:approve",
  summary: "Approve or reject a proposed grant (三员分立)",
  input: decideProposalSchema, audit: ["access.approve", "access.reject"],
  async run({ actor, input, tx, now }): Promise<void> {
    const approve = input.decision === "approve";
    const p = await tx.accessProposal.findFirst({
      where: { id: input.id, unit: unitSubtree(actor.scopePath) },
      select: { id: true, kind: true, status: true, approverRole: true, userId: true, apiKeyId: true, change: true, proposedById: true },
    });
    if (!p) throw await outOfScope(actor, "AccessProposal", input.id, async () => !!(await getDb().accessProposal.findUnique({ where: { id: input.id }, select: { id: true } })));
    if (p.approverRole !== actor.role || p.proposedById === actor.id || p.userId === actor.id) {
      await auditDenied(actor, { entityType: "AccessProposal", entityId: p.id });
      throw new AppError("FORBIDDEN", p.approverRole !== actor.role ? `this proposal is for the ${p.approverRole} to decide` : "nobody decides their own proposal or account");
    }
    if (p.status !== "PENDING") throw new AppError("CONFLICT", "already decided", [{ path: "id", code: "already_decided", message: "already decided" }]);
    const clearsSecret = p.kind === "PASSWORD_RESET";
    const { count } = await tx.accessProposal.updateMany({
      where: { id: p.id, version: input.version, status: "PENDING" },
      data: {
        status: approve ? "APPROVED" : "REJECTED", decidedById: actor.id, decidedAt: now, note: input.note || null, version: { increment: 1 },
        ...(clearsSecret ? { change: Prisma.DbNull } : {}),
      },
    });
    if (count === 0) throw versionConflict();

    if (p.userId) {
      if (p.kind === "USER_CREATE") {
        await tx.user.update({ where: { id: p.userId }, data: approve ? { approvalPending: false, version: { increment: 1 } } : { active: false, version: { increment: 1 } } });
      } else if (p.kind === "USER_CHANGE" && approve) {
        // A password an administrator reset and its owner has not changed is the administrator's:
        // a change approved now would hand them the account's new powers.
        const { mustChangePassword } = await tx.user.findUniqueOrThrow({ where: { id: p.userId }, select: { mustChangePassword: true } });
        if (mustChangePassword) {
          throw new AppError("CONFLICT", "the account's password was reset by an administrator and not yet changed by its owner", [{ path: "id", code: "password_not_owned", message: "the owner changes the password first" }]);
        }
        await applyUserChange(tx, p.userId, p.change as UserChange);
      } else if (p.kind === "PASSWORD_RESET" && approve) {
        await applyPasswordReset(tx, p.userId, (p.change as { passwordHash: string }).passwordHash, now);
      }
    } else if (p.apiKeyId) {
      await tx.apiKey.update({ where: { id: p.apiKeyId }, data: approve ? { approvalPending: false, version: { increment: 1 } } : { revokedAt: now, version: { increment: 1 } } });
    }

    const proposer = await tx.user.findUnique({ where: { id: p.proposedById }, select: { username: true } });
    await writeAudit(tx, actor, {
      action: approve ? "access.approve" : "access.reject", success: true,
      entityType: p.userId ? "User" : "ApiKey", entityId: (p.userId ?? p.apiKeyId)!,
      details: { proposal: p.id, kind: p.kind, proposedBy: proposer?.username ?? p.proposedById, ...(input.note ? { note: input.note } : {}) },
    });
  },
});
