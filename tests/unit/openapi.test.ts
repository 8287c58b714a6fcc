import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "@/lib/openapi/document";

// Every route handler under app/api/v1 is described in the OpenAPI document, method by method.
function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? routeFiles(p) : name === "route.ts" ? [p] : [];
  });
}

describe("OpenAPI document", () => {
  const doc = openApiDocument();
  const routes = routeFiles("app/api/v1")
    .map((file) => ({
      file,
      path: path.dirname(file).replace(/^app\/api\/v1/, "").replace(/\[(\w+)\]/g, "{$1}") || "/",
      methods: [...readFileSync(file, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase()),
    }))
    .filter((r) => r.path !== "/openapi.json");

  it("is a 3.1 document", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).length).toBeGreaterThan(3);
  });

  it.each(routes.map((r) => [r.path, r]))("documents %s", (_p, r) => {
    const item = doc.paths[r.path] as Record<string, unknown> | undefined;
    const paramName = (s: string) => s.replace(/\{\w+\}/g, "{}");
    const match = item ?? Object.entries(doc.paths).find(([k]) => paramName(k) === paramName(r.path))?.[1];
    expect(match, `${r.path} (${r.file}) is missing from the OpenAPI document`).toBeDefined();
    for (const m of r.methods) expect(Object.keys(match as object), `${m.toUpperCase()} ${r.path}`).toContain(m);
  });
});
