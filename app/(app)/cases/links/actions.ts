"use server";

import { formAction } from "@/lib/commands/action";
import { addCaseContact, decideCaseLink, proposeCaseLink } from "@/lib/contacts/commands";

// 串并案 forms: the case page's contact and 并案 forms post the case's id as `id`; the decision
// form posts the proposal's. Revalidating re-renders the case pages and the cluster view.
const onCasePages = { revalidate: ["/cases"] } as const;

export const addContactAction = formAction(addCaseContact, onCasePages);
export const proposeLinkAction = formAction(proposeCaseLink, onCasePages);
export const decideLinkAction = formAction(decideCaseLink, onCasePages);
