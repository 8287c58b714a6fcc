import { commandRoute } from "@/lib/http/route";
import { addCaseGang } from "@/lib/cases/gangs";

export const dynamic = "force-dynamic";

/** A new gang `{ name, note? }` for the case, or an existing one of the jurisdiction `{ gangId }`. */
export const POST = commandRoute(addCaseGang, { status: 201 });
