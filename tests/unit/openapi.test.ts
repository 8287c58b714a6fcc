import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "@/lib/openapi/document";
import { operationId } from "@/lib/openapi/schema";
import type { CommandRoute } from "@/lib/http/route";

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

  const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.entries(item as Record<string, { operationId?: string }>).map(([method, op]) => ({ where: `${method.toUpperCase()} ${p}`, operationId: op.operationId })),
  );

  it("names every operation, each differently", () => {
    for (const op of operations) expect(op.operationId, op.where).toMatch(/^[a-z][A-Za-z0-9]*$/);
    const seen = new Map<string, string>();
    for (const op of operations) {
      expect(seen.get(op.operationId!), `${op.where} repeats the operationId ${op.operationId}`).toBeUndefined();
      seen.set(op.operationId!, op.where);
    }
  });

  // Each route method's operation is derived from the command the handler is built from: a client
  // generated from the document names its method after the command. A command serving several
  // routes (the case's detail and its sub-resource lists) names each by a view: caseGetVictims.
  it("derives each route's operation from the command that serves it", async () => {
    const served = await Promise.all(
      routes.flatMap((r) => r.methods.map(async (method) => {
        const mod = (await import(/* @vite-ignore */ `@/${r.file.replace(/\.ts$/, "")}`)) as Record<string, CommandRoute | undefined>;
        return { ...r, method, command: mod[method.toUpperCase()]?.command };
      })),
    );
    const routesOf = (name: string) => served.filter((s) => s.command?.name === name).length;
    expect(served.filter((s) => s.command).length).toBeGreaterThan(20);
    for (const s of served) {
      if (!s.command) continue;
      const op = (doc.paths[s.path] as Record<string, { operationId?: string }> | undefined)?.[s.method];
      const id = operationId(s.command.name);
      if (routesOf(s.command.name) === 1) expect(op?.operationId, `${s.method.toUpperCase()} ${s.path}`).toBe(id);
      else expect(op?.operationId, `${s.method.toUpperCase()} ${s.path}`).toMatch(new RegExp(`^${id}([A-Z][A-Za-z0-9]*)?$`));
    }
  });
});
