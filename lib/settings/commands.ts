// Platform configuration (DESIGN.md §2.4, SECURITY.md A2/E21): the SLA ladder per risk level, the
// password lifetime and the audit retention. Global to the platform, so only an administrator of
// the root unit (the city bureau) changes it; every change is versioned and audited.
import "server-only";
import { getDb, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { forbidden, versionConflict } from "@/lib/errors";
import { auditDenied } from "@/lib/audit/audit-denied";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { DEFAULT_PASSWORD_MAX_AGE_DAYS, PASSWORD_MAX_AGE_KEY, forgetPasswordMaxAge, passwordMaxAgeDays } from "@/lib/auth/password-age";
import { AUDIT_RETENTION_KEY, MIN_RETENTION_DAYS, auditRetentionDays } from "@/lib/audit/retention";
import { RiskLevel } from "@/lib/generated/prisma/enums";
import { DEFAULT_SLA, type SlaLadder } from "@/lib/warnings/sla";
import { forgetSlaLadder } from "@/lib/warnings/sla-policy";
import { securitySettingsSchema, slaLadderSchema } from "@/lib/settings/schemas";
import { revisitSettingsSchema } from "@/lib/revisits/schemas";
import { REVISIT_DAYS_KEY, revisitDays } from "@/lib/revisits/intervals";
import { DEFAULT_REVISIT_DAYS } from "@/lib/revisits/constants";
import { APPEAL_DEADLINE_KEY, appealDeadlineDays } from "@/lib/appeals/settings";
import { DEFAULT_APPEAL_DEADLINE_DAYS } from "@/lib/appeals/deadline";
import { appealSettingsSchema } from "@/lib/appeals/schemas";
import { isCityWide } from "@/lib/units/jurisdiction";

export type SlaRow = SlaLadder & { riskLevel: RiskLevel; version: number };
/** A setting in force, and its row's version (0 while the default applies). */
export type Setting = { value: number; version: number };
export type Settings = { sla: SlaRow[]; passwordMaxAgeDays: Setting; auditRetentionDays: Setting; revisitDays: { value: number[]; version: number }; appealDeadlineDays: Setting };

/** Whether the actor configures the platform: config:manage at the root unit (the city bureau). */
export const canConfigure = (actor: Actor) => actor.permissions.has("config:manage") && isCityWide(actor);

export async function assertRootAdmin(actor: Actor) {
  if (canConfigure(actor)) return;
  // A branch's administrator holds config:manage but configures nothing: audited like any denial.
  await auditDenied(actor, { permission: "config:manage" });
  throw forbidden();
}

export async function getSettings(actor: Actor): Promise<Settings> {
  await assertRootAdmin(actor);
  const db = getDb();
  const [policies, rows, maxAge, retention, revisits, appealDays] = await Promise.all([
    db.slaPolicy.findMany(),
    db.appSetting.findMany({ where: { key: { in: [PASSWORD_MAX_AGE_KEY, AUDIT_RETENTION_KEY, REVISIT_DAYS_KEY, APPEAL_DEADLINE_KEY] } }, select: { key: true, version: true } }),
    passwordMaxAgeDays(),
    auditRetentionDays(db),
    revisitDays(db),
    appealDeadlineDays(db),
  ]);
  const byRisk = new Map(policies.map((p) => [p.riskLevel, p]));
  const versionOf = (key: string) => rows.find((r) => r.key === key)?.version ?? 0;
  return {
    sla: Object.values(RiskLevel).map((riskLevel) => {
      const p = byRisk.get(riskLevel);
      const ladder = p ?? DEFAULT_SLA[riskLevel];
      return { riskLevel, ackMinutes: ladder.ackMinutes, contactMinutes: ladder.contactMinutes, resolveMinutes: ladder.resolveMinutes, version: p?.version ?? 0 };
    }),
    passwordMaxAgeDays: { value: maxAge, version: versionOf(PASSWORD_MAX_AGE_KEY) },
    auditRetentionDays: { value: retention, version: versionOf(AUDIT_RETENTION_KEY) },
    revisitDays: { value: revisits, version: versionOf(REVISIT_DAYS_KEY) },
    appealDeadlineDays: { value: appealDays, version: versionOf(APPEAL_DEADLINE_KEY) },
  };
}

/**
 * Saves the SLA ladder; it applies to warnings received from now on (their due times are set on
 * arrival). Steps saved unchanged write nothing, and a save that changes nothing is not audited.
 */
export const updateSlaLadder = command({
  name: "config.sla.update", permission: "config:manage",
  summary: "Save the SLA ladder (applies to warnings received from now on)",
  input: slaLadderSchema, audit: ["config.sla.update"],
  async run({ actor, input, tx }): Promise<void> {
    await assertRootAdmin(actor);
    const changed: Record<string, { from: SlaLadder; to: SlaLadder }> = {};
    for (const riskLevel of Object.values(RiskLevel)) {
      const { version, ...to } = input[riskLevel];
      const current = await tx.slaPolicy.findUnique({ where: { riskLevel } });
      if ((current?.version ?? 0) !== version) throw versionConflict();
      const from = current ?? DEFAULT_SLA[riskLevel];
      if (from.ackMinutes === to.ackMinutes && from.contactMinutes === to.contactMinutes && from.resolveMinutes === to.resolveMinutes) continue;
      if (!current) await tx.slaPolicy.create({ data: { riskLevel, ...to } });
      else if ((await tx.slaPolicy.updateMany({ where: { riskLevel, version }, data: { ...to, version: { increment: 1 } } })).count === 0) throw versionConflict();
      changed[riskLevel] = { from: { ackMinutes: from.ackMinutes, contactMinutes: from.contactMinutes, resolveMinutes: from.resolveMinutes }, to };
    }
    if (Object.keys(changed).length) await writeAudit(tx, actor, { action: "config.sla.update", success: true, entityType: "SlaPolicy", details: { changed } });
    forgetSlaLadder();
  },
});

/** Saves one setting read at `version` (0: the default was in force); false when it was unchanged. */
export async function saveSetting(tx: Tx, key: string, value: Prisma.InputJsonValue, version: number, defaultValue: unknown): Promise<boolean> {
  const row = await tx.appSetting.findUnique({ where: { key }, select: { version: true, value: true } });
  if ((row?.version ?? 0) !== version) throw versionConflict();
  if (JSON.stringify(value) === JSON.stringify(row ? row.value : defaultValue)) return false;
  if (!row) await tx.appSetting.create({ data: { key, value } });
  else if ((await tx.appSetting.updateMany({ where: { key, version }, data: { value, version: { increment: 1 } } })).count === 0) throw versionConflict();
  return true;
}

export const updateSecuritySettings = command({
  name: "config.security.update", permission: "config:manage",
  summary: "Save the password lifetime and the audit retention",
  input: securitySettingsSchema, audit: ["config.security.update"],
  async run({ actor, input, tx }): Promise<void> {
    await assertRootAdmin(actor);
    const changed = {
      ...((await saveSetting(tx, PASSWORD_MAX_AGE_KEY, input.passwordMaxAgeDays, input.passwordMaxAgeDaysVersion, DEFAULT_PASSWORD_MAX_AGE_DAYS))
        ? { passwordMaxAgeDays: input.passwordMaxAgeDays } : {}),
      ...((await saveSetting(tx, AUDIT_RETENTION_KEY, input.auditRetentionDays, input.auditRetentionDaysVersion, MIN_RETENTION_DAYS))
        ? { auditRetentionDays: input.auditRetentionDays } : {}),
    };
    if (Object.keys(changed).length) await writeAudit(tx, actor, { action: "config.security.update", success: true, entityType: "AppSetting", details: changed });
    forgetPasswordMaxAge();
  },
});

/**
 * Saves the revisit intervals (回访, days after a dissuasion). They apply to warnings dissuaded from
 * now on; revisits already scheduled keep their due dates.
 */
export const updateRevisitSettings = command({
  name: "config.revisits.update", permission: "config:manage",
  summary: "Save the revisit intervals (days after a dissuasion)",
  input: revisitSettingsSchema, audit: ["config.revisits.update"],
  async run({ actor, input, tx }): Promise<void> {
    await assertRootAdmin(actor);
    if (await saveSetting(tx, REVISIT_DAYS_KEY, input.revisitDays, input.revisitDaysVersion, DEFAULT_REVISIT_DAYS)) {
      await writeAudit(tx, actor, { action: "config.revisits.update", success: true, entityType: "AppSetting", details: { revisitDays: input.revisitDays } });
    }
  },
});

/** Saves the appeal review period (working days after receipt); it applies to appeals registered from now on. */
export const updateAppealSettings = command({
  name: "config.appeals.update", permission: "config:manage",
  summary: "Save the appeal review period (working days after receipt; applies to appeals registered from now on)",
  input: appealSettingsSchema, audit: ["config.appeals.update"],
  async run({ actor, input, tx }): Promise<void> {
    await assertRootAdmin(actor);
    const from = await appealDeadlineDays(tx);
    if (await saveSetting(tx, APPEAL_DEADLINE_KEY, input.appealDeadlineDays, input.appealDeadlineDaysVersion, DEFAULT_APPEAL_DEADLINE_DAYS)) {
      await writeAudit(tx, actor, { action: "config.appeals.update", success: true, entityType: "AppSetting", details: { appealDeadlineDays: { from, to: input.appealDeadlineDays } } });
    }
  },
});
