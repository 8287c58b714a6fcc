import { commandRoute } from "@/lib/http/route";
import { proposeTransfer } from "@/lib/warnings/transfers";

export const dynamic = "force-dynamic";

/** `{ version, toUnitCode | destination, reason }`: 移交 to another unit of the city, or out of it. */
export const POST = commandRoute(proposeTransfer, { status: 201 });
