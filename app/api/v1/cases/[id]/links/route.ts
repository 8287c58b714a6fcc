import { commandRoute } from "@/lib/http/route";
import { proposeCaseLink } from "@/lib/contacts/commands";

export const dynamic = "force-dynamic";

/** 并案: propose linking the case with `{ otherCaseId, reason }`. */
export const POST = commandRoute(proposeCaseLink, { status: 201 });
