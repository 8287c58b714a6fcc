import { z } from "zod";
import { uuidSchema, versionSchema } from "@/lib/validation/fields";

export const decideProposalSchema = z
  .object({
    id: uuidSchema,
    version: versionSchema,
    decision: z.enum(["approve", "reject"]),
    note: z.string().trim().max(200, "too_long").optional(),
  })
  .strict();
export type DecideProposalInput = z.infer<typeof decideProposalSchema>;
