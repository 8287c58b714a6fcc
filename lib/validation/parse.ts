import type { z } from "zod";
import { AppError, type FieldIssue } from "@/lib/errors";

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join("."),
    code: i.code === "unrecognized_keys" ? "unknown_keys" : i.message && /^[a-z_]+$/.test(i.message) ? i.message : i.code,
    message: i.message,
  }));
}

/** Parses a boundary input, or throws a 422 that names each bad field and why. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new AppError("VALIDATION", "invalid input", issuesOf(r.error));
  return r.data;
}
