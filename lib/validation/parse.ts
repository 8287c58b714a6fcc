import { z } from "zod";
import { AppError, type FieldIssue } from "@/lib/errors";
import { unsafeTextIssues } from "@/lib/security/text";

/**
 * One error map for every schema: a field that is missing (a form posts an empty field as absent)
 * is "required" — 必填 — whatever type it should have had, not invalid_type / invalid_value.
 * A schema's own message still wins. Installed where every boundary parse passes.
 */
export function requiredErrorMap(issue: { code?: string; input?: unknown }): string | undefined {
  return issue.input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union") ? "required" : undefined;
}
z.config({ customError: requiredErrorMap });

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join("."),
    code: i.code === "unrecognized_keys" ? "unknown_keys" : i.message && /^[a-z_]+$/.test(i.message) ? i.message : i.code,
    message: i.message,
  }));
}

/** Parses a boundary input, or throws a 422 that names each bad field and why. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, { checkText = true } = {}): z.infer<S> {
  // Text the database cannot store (NUL, unpaired surrogates) is a 422, not a failed statement —
  // unless the caller refuses it item by item (a batch, where one bad item must not sink the rest).
  const unsafe = checkText ? unsafeTextIssues(raw) : [];
  if (unsafe.length) throw new AppError("VALIDATION", "invalid input", unsafe);
  const r = schema.safeParse(raw);
  if (!r.success) throw new AppError("VALIDATION", "invalid input", issuesOf(r.error));
  return r.data;
}
