import type { Role } from "@/lib/generated/prisma/enums";

// Permissions as data: one table from role to what it may do. A user may hold extra grants
// (e.g. the chief investigator's "cases:approve").
export const PERMISSIONS = [
  "warnings:read",
  "warnings:ingest",
  "warnings:triage", // sign for, dispatch, resolve, merge — command-center work
  "warnings:work", // claim and work a precinct's warnings
  "actions:write",
  "cases:read",
  "cases:write",
  "cases:approve",
  "publicity:read",
  "publicity:write",
  "stats:read",
  "pii:reveal",
  "users:manage",
  "units:manage",
  "apikeys:manage",
  "config:manage",
  "audit:read",
  "handover:read", // the duty shift's handovers and each dispatcher's workload (aggregates)
  "handover:write", // write one's own handover, acknowledge the one handed to one's desk
  "grants:approve", // decide proposals that grant access to personal data (三员分立)
  "persons:read", // a person's file (一人一档) and the tail search, within one's jurisdiction
  "persons:label", // label persons (易受骗人群/高危人员), import a community's list, start a targeted outreach
  "map:manage", // upload the official boundaries the map draws (or go back to the schematic)
  "calls:ingest", // the 96110 call center reports its call events (API keys only)
  "feedback:pull", // an upstream feed pulls the feedback on its warnings (API keys only)
  "wall:read", // the big screen (大屏): the jurisdiction's figures and a masked live feed, aggregates only
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  DISPATCHER: [
    "warnings:read", "warnings:ingest", "warnings:triage", "actions:write",
    "cases:read", "publicity:read", "publicity:write", "stats:read", "pii:reveal",
    "handover:read", "handover:write", "persons:read", "persons:label",
  ],
  OFFICER: [
    "warnings:read", "warnings:work", "actions:write", "cases:read",
    "publicity:read", "publicity:write", "pii:reveal", "persons:read", "persons:label",
  ],
  INVESTIGATOR: [
    "warnings:read", "cases:read", "cases:write", "actions:write", "publicity:read", "stats:read", "pii:reveal", "persons:read",
  ],
  LEADER: ["stats:read", "publicity:read", "handover:read", "wall:read"],
  ADMIN: ["users:manage", "units:manage", "apikeys:manage", "config:manage", "map:manage"],
  AUDITOR: ["audit:read", "grants:approve"],
  SECURITY_OFFICER: ["grants:approve"],
  // 大屏: a display account on the command hall's kiosk; the wall and nothing else.
  WALL: ["wall:read"],
};

/** Grants an admin may add to a user on top of the role (never admin or audit powers). */
export const GRANTABLE: readonly Permission[] = ["cases:approve", "warnings:triage"];

/**
 * Roles that take no grant, whatever is stored: the wall display holds the wall and nothing else,
 * the leader reads figures only, and the administrator and the two watchers read no record
 * (三员分立, SECURITY.md B11) — a grant of 研判 to any of them would be a way round it.
 */
export const NO_GRANTS: readonly Role[] = ["WALL", "LEADER", "ADMIN", "AUDITOR", "SECURITY_OFFICER"];

export function permissionsOf(role: Role, grants: readonly string[] = []): Set<Permission> {
  if (NO_GRANTS.includes(role)) return new Set(ROLE_PERMISSIONS[role]);
  const extra = grants.filter((g): g is Permission => (GRANTABLE as readonly string[]).includes(g));
  return new Set([...ROLE_PERMISSIONS[role], ...extra]);
}

/**
 * Permissions through which personal data is read: holding any of them is a PII grant. Working
 * warnings (triage, a precinct's work) reads their victims, revisits and follow-ups too.
 */
const PII_PERMISSIONS: readonly Permission[] = ["warnings:read", "warnings:triage", "warnings:work", "cases:read", "pii:reveal", "persons:read"];

/** Whether a user of this role (with these grants) reads personal data. */
export const readsPii = (role: Role, grants: readonly string[] = []) => {
  const held = permissionsOf(role, grants);
  return PII_PERMISSIONS.some((p) => held.has(p));
};

/**
 * The two roles that watch the administrator (三员分立). Their accounts are changed only with the
 * other one's approval, and the last active holder of either cannot be disabled or re-roled.
 */
export const OVERSIGHT_ROLES = ["AUDITOR", "SECURITY_OFFICER"] as const satisfies readonly Role[];
export const isOversightRole = (role: Role | null | undefined) => !!role && (OVERSIGHT_ROLES as readonly Role[]).includes(role);

/** Scopes a machine client may hold. */
export const API_SCOPES = ["warnings:ingest", "warnings:read", "cases:read", "publicity:write", "publicity:read", "stats:read", "calls:ingest", "feedback:pull"] as const satisfies readonly Permission[];

/** Every role, in the order the admin pages list them. */
export const ROLES = ["ADMIN", "AUDITOR", "SECURITY_OFFICER", "DISPATCHER", "OFFICER", "INVESTIGATOR", "LEADER", "WALL"] as const;
