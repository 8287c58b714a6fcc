"use server";

import { formAction } from "@/lib/commands/action";
import { createEvent, updateEvent } from "@/lib/publicity/events";
import { PUBLICITY_PAGES } from "@/lib/publicity/pages";

export const createEventAction = formAction(createEvent, { revalidate: PUBLICITY_PAGES });

export const updateEventAction = formAction(updateEvent, { revalidate: PUBLICITY_PAGES, redirect: () => "/publicity/events" });
