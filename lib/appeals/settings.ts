// The appeal review period (working days after receipt): an AppSetting the city's administrator
// changes on the settings page with the other platform settings (lib/settings/commands.ts).
import "server-only";
import type { DbOrTx } from "@/lib/db";
import { DEFAULT_APPEAL_DEADLINE_DAYS } from "@/lib/appeals/deadline";
import { MAX_APPEAL_DEADLINE_DAYS } from "@/lib/appeals/schemas";

export const APPEAL_DEADLINE_KEY = "appealDeadlineWorkingDays";

const valid = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= MAX_APPEAL_DEADLINE_DAYS;

/** The review period in force, read in the caller's transaction. */
export async function appealDeadlineDays(tx: DbOrTx): Promise<number> {
  const row = await tx.appSetting.findUnique({ where: { key: APPEAL_DEADLINE_KEY }, select: { value: true } });
  return row && valid(row.value) ? row.value : DEFAULT_APPEAL_DEADLINE_DAYS;
}
