import { commandRoute } from "@/lib/http/route";
import { previewLabelImport } from "@/lib/persons/label-import";

/** What importing a community's list would do, with per-row errors; writes nothing. */
export const POST = commandRoute(previewLabelImport);
