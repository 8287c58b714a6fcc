import { commandRoute } from "@/lib/http/route";
import { pullFeedback } from "@/lib/feedback/queries";

/** A national or provincial feed pulls the feedback on its warnings (API key with feedback:pull). */
export const GET = commandRoute(pullFeedback);
