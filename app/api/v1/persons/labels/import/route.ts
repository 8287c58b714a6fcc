import { commandRoute } from "@/lib/http/route";
import { commitLabelImport } from "@/lib/persons/label-import";

/** Imports a community's list of vulnerable people (CSV); re-importing adds nothing. */
export const POST = commandRoute(commitLabelImport);
