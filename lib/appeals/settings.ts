// The appeal review period (working days after receipt), an AppSetting the city's administrator
// changes like the other platform settings (lib/settings/commands.ts): versioned and audited.
import "server-only";
import { getDb, type Db, type Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { forbidden, versionConflict } from "@/lib/errors";
import { auditDenied } from "@/lib/audit/audit-denied";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { canConfigure, type Setting } from "@/lib/settings/commands";
import { DEFAULT_APPEAL_DEADLINE_DAYS } from "@/lib/appeals/deadline";
import { appealSettingsSchema, MAX_APPEAL_DEADLINE_DAYS } from "@/lib/appeals/schemas";

export const APPEAL_DEADLINE_KEY = "appealDeadlineWorkingDays";

const valid = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= MAX_APPEAL_DEADLINE_DAYS;

/** The review period in force and its row's version (0 while the default applies). */
export async function appealDeadlineSetting(db: Db | Tx): Promise<Setting> {
  const row = await db.appSetting.findUnique({ where: { key: APPEAL_DEADLINE_KEY }, select: { value: true, version: true } });
  return row && valid(row.value) ? { value: row.value, version: row.version } : { value: DEFAULT_APPEAL_DEADLINE_DAYS, version: row?.version ?? 0 };
}

/** The settings page's read: the city's administrator only. */
export async function getAppealSettings(actor: Actor): Promise<Setting> {
  await assertRootAdmin(actor);
  return appealDeadlineSetting(getDb());
}

export const updateAppealSettings = command({
  name: "config.appeals.update", permission: "config:manage",
  summary: "Save the appeal review period (working days after receipt; applies to appeals registered from now on)",
  input: appealSettingsSchema, audit: ["config.appeals.update"],
  async run({ actor, input, tx }): Promise<void> {
    await assertRootAdmin(actor);
    const version = input.appealDeadlineDaysVersion;
    const row = await tx.appSetting.findUnique({ where: { key: APPEAL_DEADLINE_KEY }, select: { version: true, value: true } });
    if ((row?.version ?? 0) !== version) throw versionConflict();
    const from = row && valid(row.value) ? row.value : DEFAULT_APPEAL_DEADLINE_DAYS;
    if (from === input.appealDeadlineDays) return;
    if (!row) await tx.appSetting.create({ data: { key: APPEAL_DEADLINE_KEY, value: input.appealDeadlineDays } });
    else if ((await tx.appSetting.updateMany({ where: { key: APPEAL_DEADLINE_KEY, version }, data: { value: input.appealDeadlineDays, version: { increment: 1 } } })).count === 0) {
      throw versionConflict();
    }
    await writeAudit(tx, actor, { action: "config.appeals.update", success: true, entityType: "AppSetting", details: { appealDeadlineDays: { from, to: input.appealDeadlineDays } } });
  },
});

async function assertRootAdmin(actor: Actor) {
  if (canConfigure(actor)) return;
  await auditDenied(actor, { permission: "config:manage" });
  throw forbidden();
}
