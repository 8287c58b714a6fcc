import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";

/** The navigation, as data: an entry shows to whoever holds its permission. */
export const NAV_ITEMS = [
  { key: "warnings", href: "/warnings", permission: "warnings:triage" },
  { key: "handover", href: "/handover", permission: "handover:read" },
  { key: "field", href: "/field", permission: "warnings:work" },
  { key: "cases", href: "/cases", permission: "cases:read" },
  { key: "links", href: "/cases/links", permission: "cases:read" },
  { key: "requests", href: "/requests", permission: "cases:read" },
  { key: "persons", href: "/persons", permission: "persons:read" },
  { key: "vulnerable", href: "/field/vulnerable", permission: "persons:read" },
  { key: "publicity", href: "/publicity", permission: "publicity:read" },
  { key: "stats", href: "/stats", permission: "stats:read" },
  { key: "wall", href: "/wall", permission: "wall:read" },
  { key: "users", href: "/admin/users", permission: "users:manage" },
  { key: "units", href: "/admin/units", permission: "units:manage" },
  { key: "apiKeys", href: "/admin/api-keys", permission: "apikeys:manage" },
  { key: "settings", href: "/admin/settings", permission: "config:manage" },
  { key: "outbound", href: "/admin/outbound", permission: "config:manage" },
  { key: "mapBoundaries", href: "/admin/map", permission: "map:manage" },
  { key: "audit", href: "/audit", permission: "audit:read" },
  { key: "approvals", href: "/approvals", permission: "grants:approve" },
] as const satisfies readonly { key: string; href: string; permission: Permission }[];

export type NavKey = (typeof NAV_ITEMS)[number]["key"];

export const ROLE_HOME: Record<Role, string> = {
  DISPATCHER: "/warnings",
  OFFICER: "/field",
  INVESTIGATOR: "/cases",
  LEADER: "/stats",
  ADMIN: "/admin/users",
  AUDITOR: "/audit",
  SECURITY_OFFICER: "/approvals",
  WALL: "/wall",
};

export function navFor(actor: Pick<Actor, "permissions">) {
  return NAV_ITEMS.filter((item) => actor.permissions.has(item.permission));
}

/**
 * The phone's bottom tab bar, for whoever works a precinct's warnings (officers): their main
 * pages under the thumb. `match` are the path prefixes that light a tab (the first tab owns the
 * task pages a card opens).
 */
export const FIELD_TABS = [
  { key: "tasks", href: "/field", match: ["/field/warnings", "/field/follow-ups", "/field/revisits"], permission: "warnings:work" },
  { key: "intercept", href: "/field/intercepts/new", match: ["/field/intercepts"], permission: "warnings:work" },
  { key: "precinct", href: "/field/precinct", match: [], permission: "warnings:work" },
  { key: "publicity", href: "/publicity", match: [], permission: "publicity:read" },
  { key: "cases", href: "/cases", match: [], permission: "cases:read" },
] as const satisfies readonly { key: string; href: string; match: readonly string[]; permission: Permission }[];

export type TabKey = (typeof FIELD_TABS)[number]["key"];

/** The tab bar of the actor, or none: only those who work warnings in the field get one. */
export function tabsFor(actor: Pick<Actor, "permissions">) {
  if (!actor.permissions.has("warnings:work")) return [];
  return FIELD_TABS.filter((tab) => actor.permissions.has(tab.permission));
}
