import { commandRoute } from "@/lib/http/route";
import { resetBoundaries, uploadBoundaries } from "@/lib/map/commands";

/** Upload official boundaries (GeoJSON as text, with its coordinate system); they replace the schematic map. */
export const POST = commandRoute(uploadBoundaries, { status: 201 });
/** Withdraw the uploaded boundaries: the schematic map again. */
export const DELETE = commandRoute(resetBoundaries);
