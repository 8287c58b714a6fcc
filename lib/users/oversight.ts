// The watchers cannot be removed: nobody — administrator, approver or command line — disables or
// re-roles the last active auditor or security officer of a city (三员分立).
import "server-only";
import type { Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { isOversightRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { unitSubtree } from "@/lib/units/jurisdiction";

/** Serialises the check with the change, so two concurrent removals cannot both pass it. */
const OVERSIGHT_LOCK = 7_961_200;

const cityOf = (path: string) => path.split("/")[0]!;

type Holder = { id: string; role: Role; active: boolean; approvalPending: boolean; unit: { path: string } };

/** Throws unless the city keeps another active holder of the user's role after `change`. */
export async function assertOversightRemains(tx: Tx, user: Holder, change: { role?: Role; active?: boolean; unitPath?: string }): Promise<void> {
  if (!isOversightRole(user.role) || !user.active || user.approvalPending) return;
  const city = cityOf(user.unit.path);
  const stays = (change.role ?? user.role) === user.role && change.active !== false && (!change.unitPath || cityOf(change.unitPath) === city);
  if (stays) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OVERSIGHT_LOCK}::bigint)`;
  const others = await tx.user.count({
    where: { role: user.role, active: true, approvalPending: false, id: { not: user.id }, unit: { ...unitSubtree(city), active: true } },
  });
  if (others === 0) {
    const path = change.active === false ? "active" : change.role !== undefined ? "role" : "unitCode";
    throw new AppError("CONFLICT", `the last active ${user.role} of the city cannot be disabled, moved or given another role`, [
      { path, code: "last_oversight", message: "last active holder" },
    ]);
  }
}

/**
 * Throws when disabling the unit at `path` would leave its city without an active auditor or
 * security officer: the users of a disabled unit sign in no more (lib/auth/session.ts).
 */
export async function assertOversightOutlives(tx: Tx, path: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OVERSIGHT_LOCK}::bigint)`;
  for (const role of ["AUDITOR", "SECURITY_OFFICER"] as const) {
    const holders = (root: string) => tx.user.count({ where: { role, active: true, approvalPending: false, unit: { ...unitSubtree(root), active: true } } });
    const [inCity, inUnit] = await Promise.all([holders(cityOf(path)), holders(path)]);
    if (inCity > 0 && inCity === inUnit) {
      throw new AppError("CONFLICT", `the unit holds the city's last active ${role}`, [{ path: "active", code: "last_oversight", message: "last active holder" }]);
    }
  }
}
