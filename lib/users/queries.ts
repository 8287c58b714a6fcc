import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inJurisdiction } from "@/lib/units/jurisdiction";
import { parseInput } from "@/lib/validation/parse";
import { listUsersQuerySchema, USERS_PAGE_SIZE } from "@/lib/users/schemas";

export type UserRow = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  grants: string[];
  unitCode: string;
  unitName: string;
  active: boolean;
  locked: boolean;
  mfa: boolean;
  /** Cannot sign in until a second person approves (a new account, a reset password). */
  approvalPending: boolean;
  /** A proposal about this account waits for a decision. */
  proposalPending: boolean;
  lastLoginAt: Date | null;
  version: number;
};

export type UserPage = { rows: UserRow[]; total: number; page: number; pages: number };

/** One page of the users of the actor's jurisdiction, filtered by name (username or display name), role and unit. */
export async function listUsers(actor: Actor, rawQuery: unknown = {}): Promise<UserPage> {
  const q = parseInput(listUsersQuerySchema, rawQuery);
  const now = new Date();
  const where: Prisma.UserWhereInput = {
    ...inJurisdiction(actor),
    ...(q.role ? { role: q.role } : {}),
    ...(q.unit ? { unit: { ...inJurisdiction(actor).unit, code: q.unit } } : {}),
    ...(q.q ? { OR: [{ username: { contains: q.q, mode: "insensitive" } }, { displayName: { contains: q.q } }] } : {}),
  };
  const total = await getDb().user.count({ where });
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(q.page ?? 1, pages);
  const users = await getDb().user.findMany({
    where,
    orderBy: [{ unit: { path: "asc" } }, { username: "asc" }],
    skip: (page - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
    select: {
      id: true, username: true, displayName: true, role: true, grants: true, active: true, lockedUntil: true, approvalPending: true,
      totpEnabledAt: true, lastLoginAt: true, version: true, unit: { select: { code: true, name: true } },
      proposals: { where: { status: "PENDING" }, select: { id: true }, take: 1 },
    },
  });
  const rows = users.map((u) => ({
    id: u.id, username: u.username, displayName: u.displayName, role: u.role, grants: u.grants,
    unitCode: u.unit.code, unitName: u.unit.name, active: u.active,
    locked: !!u.lockedUntil && u.lockedUntil > now, mfa: !!u.totpEnabledAt, approvalPending: u.approvalPending,
    proposalPending: u.proposals.length > 0, lastLoginAt: u.lastLoginAt, version: u.version,
  }));
  return { rows, total, page, pages };
}
