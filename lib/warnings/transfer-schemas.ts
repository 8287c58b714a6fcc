import { z } from "zod";
import { optional, optionalText, text, unitCodeSchema, versionSchema } from "@/lib/validation/fields";

/** 移交: the target precinct or branch of the city, or an external destination; the warning's version. */
export const proposeTransferSchema = z
  .object({
    version: versionSchema,
    toUnitCode: optional(unitCodeSchema),
    destination: optionalText(128),
    reason: text(2, 2000),
  })
  .strict();
export type ProposeTransferInput = z.infer<typeof proposeTransferSchema>;

export const TRANSFER_DECISIONS = ["ACCEPT", "RETURN", "CANCEL"] as const;
export type TransferDecision = (typeof TRANSFER_DECISIONS)[number];

/** The receiving unit accepts or returns (with a reason); the proposer cancels. `version` is the transfer's. */
export const decideTransferSchema = z
  .object({
    decision: z.enum(TRANSFER_DECISIONS),
    version: versionSchema,
    reason: optionalText(2000),
  })
  .strict();

export const transferListSchema = z
  .object({
    direction: z.enum(["incoming", "outgoing"]).default("incoming"),
    status: z.enum(["PROPOSED", "ACCEPTED", "RETURNED", "CANCELLED"]).optional(),
  })
  .strict();
export type TransferListQuery = z.infer<typeof transferListSchema>;
