import { z } from "zod";
import { RECEIPT_RESULTS } from "@/lib/outbound/gateway";
import { pastInstantSchema } from "@/lib/validation/fields";

/** A delivery receipt's body, as the gateway posts it; a partner's answer adds its reason and the amount held. */
export const receiptSchema = z.object({
  messageId: z.uuid(),
  result: z.enum(RECEIPT_RESULTS),
  at: pastInstantSchema,
  /** A rejection's reason (BANK, CARRIER). */
  reason: z.string().trim().max(300).optional(),
  /** The amount the bank held, yuan with at most two places (BANK); absent: all that was asked. */
  amountStopped: z.string().regex(/^\d{1,12}(\.\d{1,2})?$/).optional(),
}).strict();
