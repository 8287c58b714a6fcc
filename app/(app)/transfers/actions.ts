"use server";

import { formAction } from "@/lib/commands/action";
import { decideTransfer, proposeTransfer } from "@/lib/warnings/transfers";

const pages = { revalidate: ["/warnings", "/transfers", "/field/precinct"] } as const;

/** 移交: the warning page's form (toUnitCode or destination, reason, the warning's version). */
export const proposeTransferAction = formAction(proposeTransfer, pages);

/** Accept / return with a reason (the receiving unit), cancel (the proposer). */
export const decideTransferAction = formAction(decideTransfer, pages);
