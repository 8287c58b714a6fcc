import { z } from "zod";
import { versionSchema, unitCodeSchema } from "@/lib/validation/fields";
import { booleanSchema } from "@/lib/validation/fields";
import { usernameSchema } from "@/lib/auth/login-schema";
import { GRANTABLE, ROLES } from "@/lib/auth/permissions";


const grantsSchema = z.array(z.enum(GRANTABLE as unknown as [string, ...string[]])).max(GRANTABLE.length);

export const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(2, "too_short").max(64, "too_long"),
    role: z.enum(ROLES),
    unitCode: unitCodeSchema,
    grants: grantsSchema.optional(),
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    id: z.string().uuid(),
    version: versionSchema,
    displayName: z.string().trim().min(2, "too_short").max(64, "too_long").optional(),
    role: z.enum(ROLES).optional(),
    unitCode: unitCodeSchema.optional(),
    grants: grantsSchema.optional(),
    active: booleanSchema.optional(),
  })
  .strict();
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const USERS_PAGE_SIZE = 50;

/** The user list's filters and page, as they stand in the URL of /admin/users. */
export const listUsersQuerySchema = z
  .object({
    q: z.string().trim().max(32, "too_long").optional(),
    role: z.enum(ROLES).optional(),
    unit: unitCodeSchema.optional(),
    page: z.coerce.number().int("invalid").min(1, "too_small").max(10_000, "too_large").optional(),
  })
  .strict();
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

