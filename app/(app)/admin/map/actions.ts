"use server";

import { callAction } from "@/lib/commands/action";
import { resetBoundaries, uploadBoundaries } from "@/lib/map/commands";

const refresh = { revalidate: ["/admin/map", ["/stats", "layout"]] as const };

/** The file's text and its stated coordinate system. */
export const uploadBoundariesAction = callAction(uploadBoundaries, (input: { crs?: string; fileName?: string; geojson: string }) => input, refresh);
export const resetBoundariesAction = callAction(resetBoundaries, () => ({}), refresh);
