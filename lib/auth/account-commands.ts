// The account's own commands: how a user pays what their session owes (a password change, a
// second factor) and manages their factor. They act on the caller's own account only. A failed
// proof is audited (and counts toward the lockout) even though the command fails, so they open
// their own transactions.
import "server-only";
import { z } from "zod";
import { command } from "@/lib/commands/command";
import { changePasswordSchema, totpCodeSchema } from "@/lib/auth/account-schemas";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { confirmTotpEnrollment, regenerateRecoveryCodes, removeOwnFactor, startTotpEnrollment } from "@/lib/auth/totp-enrollment";

export const changePassword = command({
  name: "auth.password.change", permission: "signed-in",
  input: changePasswordSchema, audit: ["auth.password.change", "auth.lock"], transaction: "own", pending: ["password", "mfa-enroll"],
  run: ({ actor, input, now }) => changeOwnPassword(actor, input, now),
});

export const startTotp = command({
  name: "auth.mfa.enroll.start", permission: "signed-in",
  input: z.object({}).strict(), audit: ["auth.mfa.enroll.start"], transaction: "own", pending: ["mfa-enroll"],
  async run({ actor }) {
    const { secret, qr } = await startTotpEnrollment(actor);
    return { secret, qr };
  },
});

export const confirmTotp = command({
  name: "auth.mfa.enroll", permission: "signed-in",
  input: totpCodeSchema, audit: ["auth.mfa.enroll"], transaction: "own", pending: ["mfa-enroll"],
  run: ({ actor, input, now }) => confirmTotpEnrollment(actor, input, now),
});

export const regenerateCodes = command({
  name: "auth.mfa.recovery-codes", permission: "signed-in",
  input: totpCodeSchema, audit: ["auth.mfa.recovery-codes", "auth.lock"], transaction: "own", pending: [],
  run: ({ actor, input, now }) => regenerateRecoveryCodes(actor, input, now),
});

export const removeFactor = command({
  name: "auth.mfa.remove", permission: "signed-in",
  input: totpCodeSchema, audit: ["auth.mfa.remove", "auth.lock"], transaction: "own", pending: [],
  run: ({ actor, input, now }) => removeOwnFactor(actor, input, { now }),
});

/**
 * The page's activity signal (components/auth/activity-signal.tsx): the user is at the screen —
 * typing, clicking, scrolling — without a request of their own to show for it. Its whole effect is
 * its authentication: the session's idle clock starts again (lib/auth/session.ts).
 */
export const signalActivity = command({
  name: "auth.session.activity", permission: "signed-in",
  input: z.object({}).strict(), audit: false,
  run: async () => null,
});
