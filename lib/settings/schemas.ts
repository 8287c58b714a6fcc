import { z } from "zod";
import { RiskLevel } from "@/lib/generated/prisma/enums";
import { versionSchema } from "@/lib/validation/fields";

/** The longest any SLA step may be: 30 days. */
export const MAX_SLA_MINUTES = 30 * 24 * 60;

const minutes = z.coerce.number().int("not_integer").min(1, "too_small").max(MAX_SLA_MINUTES, "too_big");

const ladderRow = z
  .object({ version: versionSchema, ackMinutes: minutes, contactMinutes: minutes, resolveMinutes: minutes })
  .strict()
  .superRefine((r, ctx) => {
    // Each step of the ladder is due no sooner than the one before it.
    if (r.contactMinutes < r.ackMinutes) ctx.addIssue({ code: "custom", path: ["contactMinutes"], message: "before_previous_step" });
    if (r.resolveMinutes < r.contactMinutes) ctx.addIssue({ code: "custom", path: ["resolveMinutes"], message: "before_previous_step" });
  });

/** The whole SLA ladder, one row per risk level, each with the version it was read at. */
export const slaLadderSchema = z.object(Object.fromEntries(Object.values(RiskLevel).map((r) => [r, ladderRow])) as Record<RiskLevel, typeof ladderRow>).strict();
export type SlaLadderInput = z.infer<typeof slaLadderSchema>;

/** An AppSetting row's version as the form read it; 0 while the default is in force (no row). */
const settingVersion = z.coerce.number().int().min(0).max(2_147_483_647);

export const securitySettingsSchema = z
  .object({
    passwordMaxAgeDays: z.coerce.number().int("not_integer").min(1, "too_small").max(3650, "too_big"),
    passwordMaxAgeDaysVersion: settingVersion,
    // SECURITY.md E21: the audit trail is kept at least 180 days.
    auditRetentionDays: z.coerce.number().int("not_integer").min(180, "retention_min").max(3650, "too_big"),
    auditRetentionDaysVersion: settingVersion,
  })
  .strict();
export type SecuritySettingsInput = z.infer<typeof securitySettingsSchema>;
