import type { FieldIssue } from "@/lib/errors";

// Text PostgreSQL cannot store — a NUL character, or a UTF-16 surrogate without its pair — makes the
// database fail the whole statement (a 500). Inputs holding such text are refused at the boundary
// instead (SECURITY.md C12: mutated inputs give 4xx, never 5xx).
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A cheap first look (one character class, no lookaround): most text holds neither a NUL nor a surrogate. */
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
const MAX_ISSUES = 20;
const MAX_DEPTH = 64;

export const isUnsafeText = (s: string) => SUSPECT.test(s) && UNSAFE.test(s);

/**
 * The paths of the strings (values or keys) in an input that the database could not store. Walked
 * once per ingested item, so the path is a stack of keys joined only for an issue.
 */
export function unsafeTextIssues(value: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  const keys: string[] = [];
  const issue = () => out.push({ path: keys.join("."), code: "invalid_text", message: "contains a NUL character or an unpaired surrogate" });
  const walk = (v: unknown, depth: number) => {
    if (out.length >= MAX_ISSUES || depth > MAX_DEPTH) return;
    if (typeof v === "string") {
      if (isUnsafeText(v)) issue();
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        keys.push(String(i));
        walk(v[i], depth + 1);
        keys.pop();
      }
    } else if (v && typeof v === "object" && !(v instanceof Date)) {
      for (const k in v) {
        if (!Object.hasOwn(v, k)) continue;
        keys.push(k);
        if (isUnsafeText(k)) issue();
        else walk((v as Record<string, unknown>)[k], depth + 1);
        keys.pop();
      }
    }
  };
  walk(value, 0);
  return out;
}
