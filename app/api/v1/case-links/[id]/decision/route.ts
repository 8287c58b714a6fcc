import { commandRoute } from "@/lib/http/route";
import { decideCaseLink } from "@/lib/contacts/commands";

export const dynamic = "force-dynamic";

/** 并案: the second person's `{ decision: "confirm" | "reject", version, note? }`. */
export const POST = commandRoute(decideCaseLink);
