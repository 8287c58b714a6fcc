"use server";

import { formAction } from "@/lib/commands/action";
import { createUser, updateUser } from "@/lib/users/commands";
import { endUserSessions, resetUserFactor, resetUserPassword } from "@/lib/auth/admin-credentials";

const revalidate = ["/admin/users"];

/** Answers the new account's one-time password once, and whether the account waits for approval. */
export const createUserAction = formAction(createUser, { revalidate });

/** A change of an account, applied or sent for approval (`data.pending`). */
export const updateUserAction = formAction(updateUser, { revalidate });

export const resetPasswordAction = formAction(resetUserPassword, { revalidate });

export const resetFactorAction = formAction(resetUserFactor, { revalidate });

export const endSessionsAction = formAction(endUserSessions);
