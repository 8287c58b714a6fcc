import { commandRoute } from "@/lib/http/route";
import { transferCase } from "@/lib/cases/transfer-case";

export const dynamic = "force-dynamic";

/** `{ toUnitCode, reason, version }`: 流转 to another unit of the city. */
export const POST = commandRoute(transferCase, { status: 201 });
