import { handleReceipt } from "@/lib/outbound/receipts";

/** Delivery receipts from the SMS / 闪信 / robot call gateway, signed with the shared secret (no user, no API key). */
export const POST = (req: Request) => handleReceipt(req);
