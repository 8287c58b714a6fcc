"use server";

import { formAction } from "@/lib/commands/action";
import { updateAppealSettings, updateRevisitSettings, updateSecuritySettings, updateSlaLadder } from "@/lib/settings/commands";

/** The ladder form names its inputs `<risk>.<field>`, the schema's paths. */
export const updateSlaAction = formAction(updateSlaLadder, { revalidate: ["/admin/settings"] });

export const updateSecurityAction = formAction(updateSecuritySettings, { revalidate: ["/admin/settings"] });

export const updateRevisitsAction = formAction(updateRevisitSettings, { revalidate: ["/admin/settings"] });
export const updateAppealSettingsAction = formAction(updateAppealSettings, { revalidate: ["/admin/settings"] });
