"use server";

import { formAction } from "@/lib/commands/action";
import { setDailyCount } from "@/lib/publicity/counts";
import { PUBLICITY_PAGES } from "@/lib/publicity/pages";

export const setCountAction = formAction(setDailyCount, { revalidate: PUBLICITY_PAGES });
