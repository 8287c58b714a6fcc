// SECURITY.md C13, C14, D18 checked in the sources: no unsafe raw SQL, no HTML injection of data,
// no process.env outside lib/env.ts in app code, no personal data in browser storage.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "generated" || e.name === "node_modules" || e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p.split(path.sep).join("/"));
  }
  return out;
}
const sources = ["app", "lib", "components", "proxy.ts"].flatMap((d) => (d.endsWith(".ts") ? [d] : files(d)));
const offenders = (re: RegExp, among = sources) => among.filter((f) => re.test(readFileSync(f, "utf8")));

describe("the sources", () => {
  it("use no $queryRawUnsafe / $executeRawUnsafe (C13)", () => {
    expect(offenders(/\$(queryRawUnsafe|executeRawUnsafe)\b/)).toEqual([]);
  });

  it("never inject HTML (C14): no dangerouslySetInnerHTML, innerHTML or document.write", () => {
    // The one exception: a constant script (no data in it) under the CSP nonce that queues keys
    // pressed before the page hydrates (issue 12.8).
    expect(offenders(/dangerouslySetInnerHTML|\.innerHTML\s*=|document\.write\(/).filter((f) => f !== "components/warnings/key-queue-script.tsx")).toEqual([]);
  });

  it("keep nothing in browser storage (D18)", () => {
    expect(offenders(/\b(localStorage|sessionStorage|indexedDB)\b/)).toEqual([]);
  });

  it("refuse a missing permission only through the audited guard (B7, E19: every denial is audited)", () => {
    // requirePermission / requireAnyPermission (lib/auth/guards.ts) write the authz.denied record.
    // (lib/settings/commands.ts audits its "configures at the root unit only" denial itself.)
    expect(offenders(/throw forbidden\(\)/).filter((f) => f !== "lib/settings/commands.ts")).toEqual([]);
    expect(offenders(/"FORBIDDEN", `missing permission/).filter((f) => f !== "lib/auth/guards.ts")).toEqual([]);
  });

    it("read process.env only in lib/env.ts (and the proxy, which runs before it)", () => {
    expect(offenders(/process\.env\b/).filter((f) => !["lib/env.ts", "proxy.ts"].includes(f))).toEqual([]);
  });

  it("keep pages and components off the data layer: nothing in app/ or components/ imports lib/db or the Prisma client", () => {
    const ui = sources.filter((f) => f.startsWith("app/") || f.startsWith("components/"));
    expect(offenders(/from\s+["'](@\/lib\/db|@\/lib\/generated\/prisma\/client)["']/, ui)).toEqual([]);
  });

  it("guard every module that reaches the database with server-only (a client component importing one fails the build)", () => {
    const server = sources.filter((f) => f.startsWith("lib/") && /from\s+["']@\/lib\/db["']/.test(readFileSync(f, "utf8")) && !/^import type [^;]*from\s+["']@\/lib\/db["']/m.test(readFileSync(f, "utf8")));
    expect(server.length).toBeGreaterThan(10);
    expect(server.filter((f) => !/^import "server-only";$/m.test(readFileSync(f, "utf8")))).toEqual([]);
  });
});
