import { commandRoute } from "@/lib/http/route";
import { wallFigures } from "@/lib/wall/commands";

export const dynamic = "force-dynamic";

/** The big screen's figures of the caller's jurisdiction (aggregates and a masked feed). */
export const GET = commandRoute(wallFigures);
