import { commandRoute } from "@/lib/http/route";
import { answerPartnerRequest } from "@/lib/requests/answer";

/** The partner's answer, recorded by hand. */
export const POST = commandRoute(answerPartnerRequest);
