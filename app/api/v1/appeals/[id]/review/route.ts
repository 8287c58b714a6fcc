import { commandRoute } from "@/lib/http/route";
import { takeAppealForReview } from "@/lib/appeals/commands";

export const dynamic = "force-dynamic";

export const POST = commandRoute(takeAppealForReview);
