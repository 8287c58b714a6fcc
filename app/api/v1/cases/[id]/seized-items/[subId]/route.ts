import { commandRoute } from "@/lib/http/route";
import { updateSeizedItem } from "@/lib/cases/seized-items";

export const dynamic = "force-dynamic";

/** `{ version, disposition, storage? }`. */
export const PATCH = commandRoute(updateSeizedItem);
