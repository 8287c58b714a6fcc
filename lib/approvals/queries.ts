import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/guards";
import type { ProposalKind, ProposalStatus } from "@/lib/generated/prisma/enums";
import { unitSubtree } from "@/lib/units/jurisdiction";

export type ProposalRow = {
  id: string;
  kind: ProposalKind;
  status: ProposalStatus;
  summary: Record<string, unknown>;
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  note: string | null;
  version: number;
  /** The actor may decide it (their role is its approver, and it is neither theirs nor about them). */
  decidable: boolean;
};

/**
 * The proposals the actor decides — those for their role, in their jurisdiction: the pending ones
 * (oldest first), and the latest decided ones.
 */
export async function listProposals(actor: Actor): Promise<{ pending: ProposalRow[]; decided: ProposalRow[] }> {
  await requirePermission(actor, "grants:approve");
  // Only people hold grants:approve (no API scope carries it): an actor without a role sees none.
  const where = { approverRole: actor.role ?? undefined, id: actor.role ? undefined : { in: [] }, unit: unitSubtree(actor.scopePath) };
  const select = {
    id: true, kind: true, status: true, summary: true, proposedById: true, proposedAt: true, decidedById: true, decidedAt: true, note: true, version: true, userId: true,
  } as const;
  const [pending, decided] = await Promise.all([
    getDb().accessProposal.findMany({ where: { ...where, status: "PENDING" }, orderBy: { proposedAt: "asc" }, take: 200, select }),
    getDb().accessProposal.findMany({ where: { ...where, status: { not: "PENDING" } }, orderBy: { decidedAt: "desc" }, take: 20, select }),
  ]);
  const ids = [...new Set([...pending, ...decided].flatMap((p) => [p.proposedById, p.decidedById]).filter((id): id is string => !!id))];
  const names = new Map((await getDb().user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true, username: true } })).map((u) => [u.id, `${u.displayName}（${u.username}）`]));
  const row = (p: (typeof pending)[number]): ProposalRow => ({
    id: p.id, kind: p.kind, status: p.status, summary: p.summary as Record<string, unknown>,
    proposedBy: names.get(p.proposedById) ?? "—", proposedAt: p.proposedAt,
    decidedBy: p.decidedById ? (names.get(p.decidedById) ?? "—") : null, decidedAt: p.decidedAt, note: p.note, version: p.version,
    decidable: p.status === "PENDING" && p.proposedById !== actor.id && p.userId !== actor.id,
  });
  return { pending: pending.map(row), decided: decided.map(row) };
}
