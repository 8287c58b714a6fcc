import { describe, expect, it } from "vitest";
import { ROLE_PERMISSIONS, permissionsOf, readsPii } from "@/lib/auth/permissions";
import { navFor, ROLE_HOME, NAV_ITEMS } from "@/lib/auth/navigation";

describe("permission table", () => {
  it("keeps the three duties apart (三员分立)", () => {
    expect(ROLE_PERMISSIONS.ADMIN).not.toContain("audit:read");
    expect(ROLE_PERMISSIONS.ADMIN).not.toContain("pii:reveal");
    expect(ROLE_PERMISSIONS.AUDITOR).toEqual(["audit:read", "grants:approve"]);
    for (const role of Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]) {
      if (role !== "AUDITOR") expect(ROLE_PERMISSIONS[role]).not.toContain("audit:read");
    }
  });

  it("gives leaders aggregates only", () => {
    expect(ROLE_PERMISSIONS.LEADER).not.toContain("pii:reveal");
    expect(ROLE_PERMISSIONS.LEADER).not.toContain("cases:read");
    expect(ROLE_PERMISSIONS.LEADER).not.toContain("warnings:read");
  });

  it("adds only grantable permissions", () => {
    const p = permissionsOf("INVESTIGATOR", ["cases:approve", "audit:read", "users:manage"]);
    expect(p.has("cases:approve")).toBe(true);
    expect(p.has("audit:read")).toBe(false);
    expect(p.has("users:manage")).toBe(false);
  });

  it("shows every role its home page in its navigation", () => {
    for (const [role, home] of Object.entries(ROLE_HOME) as [keyof typeof ROLE_HOME, string][]) {
      const hrefs = navFor({ permissions: permissionsOf(role) }).map((i) => i.href);
      expect(hrefs, role).toContain(home);
    }
  });

  it("gives the security officer approvals and nothing else: no business data, no accounts", () => {
    expect(ROLE_PERMISSIONS.SECURITY_OFFICER).toEqual(["grants:approve"]);
    expect(readsPii("SECURITY_OFFICER")).toBe(false);
    expect(navFor({ permissions: permissionsOf("SECURITY_OFFICER") }).map((i) => i.key)).toEqual(["approvals"]);
    for (const role of ["ADMIN", "DISPATCHER", "OFFICER", "INVESTIGATOR", "LEADER"] as const) expect(ROLE_PERMISSIONS[role]).not.toContain("grants:approve");
  });

  it("names the roles that read personal data", () => {
    expect((Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]).filter((r) => readsPii(r)).sort()).toEqual(["DISPATCHER", "INVESTIGATOR", "OFFICER"]);
  });

  it("opens person files (一人一档) to those who read warnings and cases in their jurisdiction", () => {
    const holders = (Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]).filter((r) => ROLE_PERMISSIONS[r].includes("persons:read")).sort();
    expect(holders).toEqual(["DISPATCHER", "INVESTIGATOR", "OFFICER"]);
    for (const role of holders) expect(navFor({ permissions: permissionsOf(role) }).map((i) => i.key)).toContain("persons");
    expect(ROLE_PERMISSIONS.LEADER).not.toContain("persons:read");
  });

  it("lets dispatchers and officers label persons, import lists and start targeted outreach", () => {
    const holders = (Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]).filter((r) => ROLE_PERMISSIONS[r].includes("persons:label")).sort();
    expect(holders).toEqual(["DISPATCHER", "OFFICER"]);
  });

  it("gives the map's boundary upload to the administrator alone", () => {
    const holders = (Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]).filter((r) => ROLE_PERMISSIONS[r].includes("map:manage"));
    expect(holders).toEqual(["ADMIN"]);
    expect(navFor({ permissions: permissionsOf("ADMIN") }).map((i) => i.key)).toContain("mapBoundaries");
  });

  it("shows the auditor nothing but the audit trail and the approvals about security officers", () => {
    expect(navFor({ permissions: permissionsOf("AUDITOR") }).map((i) => i.key)).toEqual(["audit", "approvals"]);
    expect(NAV_ITEMS.length).toBeGreaterThan(5);
  });

  it("gives the big screen (WALL) the wall and nothing else; leaders see the wall too", () => {
    expect(ROLE_PERMISSIONS.WALL).toEqual(["wall:read"]);
    expect(readsPii("WALL")).toBe(false);
    expect(navFor({ permissions: permissionsOf("WALL") }).map((i) => i.key)).toEqual(["wall"]);
    expect(ROLE_HOME.WALL).toBe("/wall");
    const holders = (Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]).filter((r) => ROLE_PERMISSIONS[r].includes("wall:read")).sort();
    expect(holders).toEqual(["LEADER", "WALL"]);
    // No grant adds anything to a wall account.
    expect([...permissionsOf("WALL", ["cases:approve", "warnings:triage"])]).toEqual(["wall:read"]);
    expect(readsPii("WALL", ["warnings:triage"])).toBe(false);
  });
});
