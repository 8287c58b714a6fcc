import type { Role } from "@/lib/generated/prisma/enums";

/** Roles that must sign in with a second factor outside demo mode (SECURITY.md A4, 等保 8.1.4.1d). */
export const MFA_REQUIRED_ROLES: readonly Role[] = ["ADMIN", "AUDITOR", "SECURITY_OFFICER", "LEADER"];

export const mfaRequired = (role: Role | null, demoMode: boolean) => !demoMode && role !== null && MFA_REQUIRED_ROLES.includes(role);
