import type { z } from "zod";
import { AppError, type FieldIssue } from "@/lib/errors";
import { unsafeTextIssues } from "@/lib/security/text";

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join("."),
    code: i.code === "unrecognized_keys" ? "unknown_keys" : i.message && /^[a-z_]+$/.test(i.message) ? i.message : i.code,
    message: i.message,
  }));
}

/** Parses a boundary input, or throws a 422 that names each bad field and why. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  // Text the database cannot store (NUL, unpaired surrogates) is a 422, not a failed statement.
  const unsafe = unsafeTextIssues(raw);
  if (unsafe.length) throw new AppError("VALIDATION", "invalid input", unsafe);
  const r = schema.safeParse(raw);
  if (!r.success) throw new AppError("VALIDATION", "invalid input", issuesOf(r.error));
  return r.data;
}
