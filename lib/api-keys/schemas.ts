import { z } from "zod";
import { WarningSource } from "@/lib/generated/prisma/enums";
import { API_SCOPES } from "@/lib/auth/permissions";
import { uuidSchema, versionSchema, unitCodeSchema } from "@/lib/validation/fields";

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(2, "too_short").max(64, "too_long"),
    unitCode: unitCodeSchema,
    scopes: z.array(z.enum(API_SCOPES)).min(1, "required").max(API_SCOPES.length),
    /** The warning sources the key may send and pull feedback on (SECURITY.md G31): required with warnings:ingest or feedback:pull. */
    sources: z.array(z.enum(WarningSource)).max(Object.keys(WarningSource).length).default([]),
    expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
  })
  .strict()
  .superRefine((k, ctx) => {
    // A feed's sources bound what it sends and what feedback it pulls.
    const bound = k.scopes.includes("warnings:ingest") || k.scopes.includes("feedback:pull");
    if (bound && k.sources.length === 0) ctx.addIssue({ code: "custom", path: ["sources"], message: "required" });
    if (!bound && k.sources.length > 0) ctx.addIssue({ code: "custom", path: ["sources"], message: "sources_without_ingest" });
  });
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: uuidSchema, version: versionSchema }).strict();
