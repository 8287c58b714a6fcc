import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { inJurisdiction } from "@/lib/units/jurisdiction";
import { parseInput } from "@/lib/validation/parse";
import { listUsersQuerySchema } from "@/lib/users/schemas";

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
  lastLoginAt: Date | null;
  version: number;
};

export async function listUsers(actor: Actor, rawQuery: unknown = {}): Promise<UserRow[]> {
  const q = parseInput(listUsersQuerySchema, rawQuery);
  const now = new Date();
  const users = await getDb().user.findMany({
    where: {
      ...inJurisdiction(actor),
      ...(q.role ? { role: q.role } : {}),
      ...(q.unit ? { unit: { ...inJurisdiction(actor).unit, code: q.unit } } : {}),
      ...(q.q ? { OR: [{ username: { contains: q.q, mode: "insensitive" } }, { displayName: { contains: q.q } }] } : {}),
    },
    orderBy: [{ unit: { path: "asc" } }, { username: "asc" }],
    take: 500,
    select: {
      id: true, username: true, displayName: true, role: true, grants: true, active: true, lockedUntil: true,
      totpEnabledAt: true, lastLoginAt: true, version: true, unit: { select: { code: true, name: true } },
    },
  });
  return users.map((u) => ({
    id: u.id, username: u.username, displayName: u.displayName, role: u.role, grants: u.grants,
    unitCode: u.unit.code, unitName: u.unit.name, active: u.active,
    locked: !!u.lockedUntil && u.lockedUntil > now, mfa: !!u.totpEnabledAt, lastLoginAt: u.lastLoginAt, version: u.version,
  }));
}
