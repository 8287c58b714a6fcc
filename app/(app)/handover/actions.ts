"use server";

import { formAction } from "@/lib/commands/action";
import { acknowledgeHandover, createHandover } from "@/lib/handover/commands";

/** 交班: the outgoing dispatcher's handover (permission, scope and audit are lib/handover's). */
export const createHandoverAction = formAction(createHandover, { revalidate: ["/handover"] });

/** 接班: the incoming dispatcher acknowledges a handover of their desk. */
export const acknowledgeHandoverAction = formAction(acknowledgeHandover, { revalidate: ["/handover"] });
