import { commandRoute } from "@/lib/http/route";
import { updateSuspect } from "@/lib/cases/suspects";

export const dynamic = "force-dynamic";

/** `{ version, status, at?, note? }` moves the suspect on (抓获, 刑拘 …); `{ version, gangId }` sets their gang. */
export const PATCH = commandRoute(updateSuspect);
