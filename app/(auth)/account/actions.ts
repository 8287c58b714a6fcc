"use server";

import { callAction, formAction } from "@/lib/commands/action";
import { changePassword, confirmTotp, regenerateCodes, removeFactor, startTotp } from "@/lib/auth/account-commands";

// The account actions accept a session still owing a step (lib/auth/session.ts) where their
// command says so: they are how a user pays what the session owes.

export const changePasswordAction = formAction(changePassword);
export const startTotpAction = callAction(startTotp, () => ({}));
export const confirmTotpAction = formAction(confirmTotp);
export const regenerateCodesAction = formAction(regenerateCodes);
export const removeFactorAction = formAction(removeFactor);
