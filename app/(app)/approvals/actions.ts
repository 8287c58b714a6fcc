"use server";

import { formAction } from "@/lib/commands/action";
import { decideProposal } from "@/lib/approvals/decide";

/** The security officer's (or, for a security officer's account, the auditor's) decision on a proposed grant. */
export const decideProposalAction = formAction(decideProposal, { revalidate: ["/approvals"] });
