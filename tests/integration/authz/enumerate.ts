// Finds every entry point the code offers: route handler methods (app/**/route.ts) and server
// actions (every exported function of a "use server" file), read from the sources so that a new
// one cannot be added without the authorization matrix noticing.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const SKIP = new Set(["node_modules", "generated", ".next"]);

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith(".next")) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(p.split(path.sep).join("/"));
  }
  return out;
}

/** Names a module exports, whether declared in place or listed in `export { a as b }`. */
function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && !name.startsWith("type ")) names.add(name);
    }
  }
  return [...names];
}

/** "GET app/api/v1/cases/[id]/route.ts" for every method of every route handler file. */
export function routeHandlerMethods(root = "app"): string[] {
  return walk(root)
    .filter((f) => /\/route\.(ts|tsx)$/.test(f))
    .flatMap((f) => exportedNames(readFileSync(f, "utf8")).filter((n) => (HTTP_METHODS as readonly string[]).includes(n)).map((n) => `${n} ${f}`))
    .sort();
}

/** A module-level "use server" directive: the first statement of the file. */
function isServerActionFile(source: string): boolean {
  const body = source.replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*/, "");
  return /^["']use server["'];?/.test(body.trimStart());
}

/** "app/(app)/cases/actions.ts#createCaseAction" for every server action, in app/, components/ and lib/. */
export function serverActions(roots = ["app", "components", "lib"]): string[] {
  return roots
    .flatMap((r) => walk(r))
    .filter((f) => isServerActionFile(readFileSync(f, "utf8")))
    .flatMap((f) => exportedNames(readFileSync(f, "utf8")).map((n) => `${f}#${n}`))
    .sort();
}

/** Functions declared with an inline "use server" inside a component: not allowed (they escape the matrix). */
export function inlineServerActions(roots = ["app", "components", "lib"]): string[] {
  return roots
    .flatMap((r) => walk(r))
    .filter((f) => {
      const src = readFileSync(f, "utf8");
      return !isServerActionFile(src) && /^\s+["']use server["']/m.test(src);
    });
}
