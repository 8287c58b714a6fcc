"use server";

import { formAction } from "@/lib/commands/action";
import { decideAppeal, registerAppeal, takeAppealForReview, withdrawAppeal } from "@/lib/appeals/commands";
import { PUBLICITY_PAGES } from "@/lib/publicity/pages";

const pages = [...PUBLICITY_PAGES, "/publicity/appeals", ["/publicity/measures", "layout"] as const, ["/publicity/appeals", "layout"] as const];

export const registerAppealAction = formAction(registerAppeal, { revalidate: pages, redirect: (a) => `/publicity/appeals/${a.id}` });

export const takeAppealAction = formAction(takeAppealForReview, { revalidate: pages });

export const decideAppealAction = formAction(decideAppeal, { revalidate: pages });

export const withdrawAppealAction = formAction(withdrawAppeal, { revalidate: pages });
