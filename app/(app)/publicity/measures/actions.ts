"use server";

import { callAction, formAction } from "@/lib/commands/action";
import { createMeasure, revealMeasureField, updateMeasure } from "@/lib/publicity/measures";
import { PUBLICITY_PAGES } from "@/lib/publicity/pages";

export const createMeasureAction = formAction(createMeasure, { revalidate: PUBLICITY_PAGES, redirect: () => "/publicity/measures" });

export const updateMeasureAction = formAction(updateMeasure, { revalidate: PUBLICITY_PAGES, redirect: () => "/publicity/measures" });

/** The full name or ID number of one measure's person; bound to (id, field) by the page. */
export const revealMeasureAction = callAction(revealMeasureField, (id: string, field: string, reason: string) => ({ id, field, reason }));
