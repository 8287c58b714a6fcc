"use server";

import { formAction } from "@/lib/commands/action";
import { requestFromCase, requestFromWarning } from "@/lib/requests/create";
import { answerPartnerRequest } from "@/lib/requests/answer";

// The "发起止付/冻结/停机" forms of the case and warning pages (the record's id as `id`, the API's
// path parameter) and the answer form of the requests' pages.
const revalidate = { revalidate: ["/cases", "/warnings", "/requests"] } as const;

export const requestFromCaseAction = formAction(requestFromCase, revalidate);
export const requestFromWarningAction = formAction(requestFromWarning, revalidate);
export const answerRequestAction = formAction(answerPartnerRequest, revalidate);
