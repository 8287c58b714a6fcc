import { z } from "zod";
import { booleanSchema, unitCodeSchema, versionSchema } from "@/lib/validation/fields";

/** Address keywords: a list, or a form's one field of them separated by commas, 、 or spaces. */
const keywords = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean) : v),
  z.array(z.string().trim().min(2).max(32)).max(50),
);

export const createUnitSchema = z
  .object({
    code: unitCodeSchema,
    name: z.string().trim().min(2, "too_short").max(64, "too_long"),
    kind: z.enum(["CENTER", "BRANCH", "PRECINCT"]),
    parentCode: unitCodeSchema,
    population: z.coerce.number().int().min(0).max(50_000_000).optional(),
    addressKeywords: keywords.optional(),
  })
  .strict();
export type CreateUnitInput = z.infer<typeof createUnitSchema>;

export const updateUnitSchema = z
  .object({
    id: z.string().uuid(),
    version: versionSchema,
    name: z.string().trim().min(2, "too_short").max(64, "too_long").optional(),
    population: z.coerce.number().int().min(0).max(50_000_000).nullable().optional(),
    addressKeywords: keywords.optional(),
    active: booleanSchema.optional(),
  })
  .strict();
export type UpdateUnitInput = z.infer<typeof updateUnitSchema>;

/** Which kind of unit may sit under which. */
export const ALLOWED_PARENT = { CENTER: "CITY", BRANCH: "CITY", PRECINCT: "BRANCH" } as const;
