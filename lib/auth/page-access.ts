// Which permission opens which page, as data. The app layout checks it before anything streams, so
// a page a role may not open answers a real 404 status — a page's own check sits under its loading
// skeleton (Suspense), where Next.js has already sent 200. The pages keep their own checks: this
// table decides the status code of a document request, the page decides what renders.
import type { Permission } from "@/lib/auth/permissions";

type PageRule = {
  /** Path segments; "*" matches any one segment. A rule matches a path that starts with them. */
  path: string;
  /** Match only a path of exactly these segments. */
  exact?: boolean;
  /** Any one of these opens the page. */
  anyOf: readonly Permission[];
};

/** Most specific first: the first rule that matches decides. Pages not listed need a session only. */
export const PAGE_RULES: readonly PageRule[] = [
  { path: "/warnings", exact: true, anyOf: ["warnings:triage"] },
  { path: "/warnings/new", anyOf: ["warnings:ingest"] },
  { path: "/warnings", anyOf: ["warnings:read"] },
  { path: "/field", exact: true, anyOf: ["warnings:work"] },
  { path: "/field/follow-ups", anyOf: ["warnings:work"] },
  // Revisits and app follow-ups: the precinct's officers, and dispatchers for the units they work (the centre's own).
  { path: "/field/revisits", anyOf: ["warnings:work", "warnings:triage"] },
  { path: "/field/app-followups", anyOf: ["warnings:work", "warnings:triage"] },
  { path: "/field/intercepts", anyOf: ["actions:write"] },
  // 重点人群: the lists are read access; the list import is labelling; outreach tasks are officers' work.
  { path: "/field/vulnerable/import", anyOf: ["persons:label"] },
  { path: "/field/vulnerable/tasks", anyOf: ["warnings:work"] },
  { path: "/field/vulnerable", anyOf: ["persons:read"] },
  // The precinct view and a warning on the phone: officers, and dispatchers who look over them.
  { path: "/field", anyOf: ["warnings:work", "warnings:triage"] },
  // 移交审核: incoming and outgoing transfers, for whoever works warnings.
  { path: "/transfers", anyOf: ["warnings:work", "warnings:triage"] },
  { path: "/cases/new", anyOf: ["cases:write"] },
  { path: "/handover", anyOf: ["handover:read"] },
  { path: "/approvals", anyOf: ["grants:approve"] },
  { path: "/cases", anyOf: ["cases:read"] },
  // 止付/冻结/停机 requests: the list is read access; the printable document shows numbers in full.
  { path: "/requests/*", exact: true, anyOf: ["pii:reveal"] },
  { path: "/requests", anyOf: ["cases:read"] },
  { path: "/publicity", exact: true, anyOf: ["publicity:read"] },
  // A section's list is read access; its new, edit and import pages are write access.
  { path: "/publicity/*", exact: true, anyOf: ["publicity:read"] },
  { path: "/publicity", anyOf: ["publicity:write"] },
  { path: "/stats", anyOf: ["stats:read"] },
  { path: "/wall", anyOf: ["wall:read"] },
  { path: "/persons", anyOf: ["persons:read"] },
  { path: "/audit", anyOf: ["audit:read"] },
  { path: "/admin/users", anyOf: ["users:manage"] },
  { path: "/admin/units", anyOf: ["units:manage"] },
  { path: "/admin/api-keys", anyOf: ["apikeys:manage"] },
  { path: "/admin/settings", anyOf: ["config:manage"] },
  { path: "/admin/outbound", anyOf: ["config:manage"] },
  { path: "/admin/map", anyOf: ["map:manage"] },
];

const segments = (p: string) => p.split("/").filter(Boolean);

/** The permissions that open a page (any one of them), or null when a session is enough. */
export function pagePermissions(pathname: string): readonly Permission[] | null {
  const path = segments(pathname);
  for (const rule of PAGE_RULES) {
    const want = segments(rule.path);
    if (rule.exact ? path.length !== want.length : path.length < want.length) continue;
    if (want.every((s, i) => s === "*" || s === path[i])) return rule.anyOf;
  }
  return null;
}
