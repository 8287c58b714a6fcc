import { commandRoute } from "@/lib/http/route";
import { updateVictim } from "@/lib/cases/facts";

export const dynamic = "force-dynamic";

/** `{ version, name?, phone?, idNumber?, gender?, age?, address?, lossAmount? }`: corrects one victim; the case's loss follows. */
export const PATCH = commandRoute(updateVictim);
