// 三员分立 as data: which grants take a second person, and whose. Pure; the commands that create
// accounts, change them, reset their passwords and issue API keys ask these questions.
import type { Role } from "@/lib/generated/prisma/enums";
import { isOversightRole, readsPii } from "@/lib/auth/permissions";

/**
 * Who approves a change to an account that is `current` (null: a new account) and becomes `next`:
 * a change that touches a security officer's account is the auditor's to approve; every other
 * one (a PII grant, an auditor's account) is the security officer's. So neither watcher approves
 * their own kind, and the administrator never approves anything.
 */
export function approverFor(current: Role | null, next: Role): Role {
  return current === "SECURITY_OFFICER" || next === "SECURITY_OFFICER" ? "AUDITOR" : "SECURITY_OFFICER";
}

/** A new account needs approval when it reads personal data or is one of the watchers. */
export const accountNeedsApproval = (role: Role, grants: readonly string[] = []) => readsPii(role, grants) || isOversightRole(role);

export type UserChange = { role?: Role; grants?: string[]; unitId?: string; active?: boolean };

/**
 * Whether a change to an existing account needs approval: it grants PII access the account did not
 * have through its role (a role change into a reading role, grants that add reading, a move of a
 * reading account to another jurisdiction), or it touches
 * an auditor's or security officer's account in any way that matters (role, unit, grants, state).
 */
export function changeNeedsApproval(user: { role: Role; grants: readonly string[] }, change: UserChange): boolean {
  const next = { role: change.role ?? user.role, grants: change.grants ?? user.grants };
  const roleChanges = change.role !== undefined && change.role !== user.role;
  if (roleChanges && readsPii(next.role, next.grants)) return true;
  if (change.grants !== undefined && !readsPii(user.role, user.grants) && readsPii(next.role, next.grants)) return true;
  // A move of an account that reads personal data changes whose data it reads (a precinct's to the city's).
  if (change.unitId !== undefined && readsPii(next.role, next.grants)) return true;
  const touches = roleChanges || change.grants !== undefined || change.unitId !== undefined || change.active !== undefined;
  return touches && (isOversightRole(user.role) || isOversightRole(next.role));
}

/** A password reset hands out a credential: it needs approval for the same accounts a creation does. */
export const resetNeedsApproval = (user: { role: Role; grants: readonly string[] }) => accountNeedsApproval(user.role, user.grants);

/**
 * An API key needs approval when any of its scopes reads personal data: the read scopes, and
 * publicity:write, whose measure managers read the measures' and appeals' records (APPEAL_READERS).
 */
export const keyNeedsApproval = (scopes: readonly string[]) => scopes.some((s) => s.endsWith(":read") || s === "publicity:write");
