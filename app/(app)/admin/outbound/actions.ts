"use server";

import { formAction } from "@/lib/commands/action";
import { updateOutboundLadder, updateOutboundTemplates } from "@/lib/outbound/commands";

/** The templates form names its fields `<channel>.<fraudType>`, the schema's paths. */
export const updateOutboundTemplatesAction = formAction(updateOutboundTemplates, { revalidate: ["/admin/outbound"] });
/** The ladder form names its fields `<risk>.<rung>`. */
export const updateOutboundLadderAction = formAction(updateOutboundLadder, { revalidate: ["/admin/outbound"] });
