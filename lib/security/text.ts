import type { FieldIssue } from "@/lib/errors";

// Text PostgreSQL cannot store — a NUL character, or a UTF-16 surrogate without its pair — makes the
// database fail the whole statement (a 500). Inputs holding such text are refused at the boundary
// instead (SECURITY.md C12: mutated inputs give 4xx, never 5xx).
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_ISSUES = 20;
const MAX_DEPTH = 64;

export const isUnsafeText = (s: string) => UNSAFE.test(s);

/** The paths of the strings (values or keys) in an input that the database could not store. */
export function unsafeTextIssues(value: unknown, path = "", out: FieldIssue[] = [], depth = 0): FieldIssue[] {
  if (out.length >= MAX_ISSUES || depth > MAX_DEPTH) return out;
  const issue = (p: string) => out.push({ path: p, code: "invalid_text", message: "contains a NUL character or an unpaired surrogate" });
  if (typeof value === "string") {
    if (UNSAFE.test(value)) issue(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unsafeTextIssues(v, path ? `${path}.${i}` : String(i), out, depth + 1));
  } else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (UNSAFE.test(k)) issue(p);
      else unsafeTextIssues(v, p, out, depth + 1);
    }
  }
  return out;
}
