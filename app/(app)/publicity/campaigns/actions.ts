"use server";

import { formAction } from "@/lib/commands/action";
import { createCampaign, updateCampaign } from "@/lib/publicity/campaigns";
import { PUBLICITY_PAGES } from "@/lib/publicity/pages";

export const createCampaignAction = formAction(createCampaign, { revalidate: PUBLICITY_PAGES });

export const updateCampaignAction = formAction(updateCampaign, { revalidate: PUBLICITY_PAGES, redirect: () => "/publicity/campaigns" });
