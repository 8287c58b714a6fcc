import { z } from "zod";
import { API_SCOPES } from "@/lib/auth/api-keys";
import { unitCodeSchema } from "@/lib/units/schemas";
import { uuidSchema, versionSchema } from "@/lib/validation/common";

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(2, "too_short").max(64, "too_long"),
    unitCode: unitCodeSchema,
    scopes: z.array(z.enum(API_SCOPES)).min(1, "required").max(API_SCOPES.length),
    expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
  })
  .strict();
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: uuidSchema, version: versionSchema }).strict();
