"use server";

import { callAction, formAction } from "@/lib/commands/action";
import { createCase } from "@/lib/cases/create-case";
import { dismantleGang } from "@/lib/cases/gangs";
import { revealCasePii } from "@/lib/cases/reveal";
import { transferCase } from "@/lib/cases/transfer-case";
import { transitionCase } from "@/lib/cases/transition-case";

// Server actions of the case pages, built from the commands of lib/cases. A revalidation re-renders
// the page the form is on (the case's own page too).

/** Intake: answers the new case (its id, for the form to open it). */
export const createCaseAction = formAction(createCase, { revalidate: ["/cases"] });

export const transitionAction = formAction(transitionCase, { revalidate: ["/cases"] });

/** 流转: back to the list, which says where the case went (the sender may no longer see it). */
export const transferAction = formAction(transferCase, {
  revalidate: ["/cases"],
  redirect: ({ caseNumber }) => `/cases?${new URLSearchParams({ transferred: caseNumber })}`,
});

export const dismantleGangAction = formAction(dismantleGang, { revalidate: ["/cases/gangs"] });

/** One full personal value, for the reveal button (bound to the record and field on the server). */
export const revealCasePiiAction = callAction(revealCasePii, (entity: string, id: string, field: string, reason: string) => ({ entity, id, field, reason }));
