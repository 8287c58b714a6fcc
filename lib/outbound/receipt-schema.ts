import { z } from "zod";
import { RECEIPT_RESULTS } from "@/lib/outbound/gateway";

/** A delivery receipt's body, as the gateway posts it. */
export const receiptSchema = z.object({
  messageId: z.uuid(),
  result: z.enum(RECEIPT_RESULTS),
  at: z.iso.datetime({ offset: true }),
}).strict();
