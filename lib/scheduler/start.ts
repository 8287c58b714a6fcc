import "server-only";
import { getDb, type Db } from "@/lib/db";
import { logger } from "@/lib/log";
import { escalateBreaches } from "@/lib/warnings/escalate";
import { flagExpiringFreezes } from "@/lib/cases/flag-expiring-freezes";
import { flagAppealDeadlines } from "@/lib/appeals/flag-appeal-deadlines";
import { flagLapsedStopPayments } from "@/lib/requests/flag-lapsed";
import { flagFraudSurges } from "@/lib/profiles/surge";
import { refreshContactWindow } from "@/lib/contacts/queries";
import { finishLeftFollowUps } from "@/lib/warnings/ingest-followup";

const EVERY_MS = 15_000;
/** The 串并案 list's summary is refreshed every this many ticks (5 minutes): the list sums what changed since. */
const CONTACT_WINDOW_TICKS = 20;
const globalForScheduler = globalThis as unknown as { fanzhaScheduler?: NodeJS.Timeout };

/**
 * Claims a tick (a 15-second slot) for this instance: one statement, so of all the instances that
 * try, exactly one gets it (the row lock of the upsert decides); the others skip that slot.
 * Through PgBouncer in transaction mode too (no session state).
 */
export async function claimTick(slot: number, db: Db = getDb()): Promise<boolean> {
  const n = await db.$executeRaw`
    INSERT INTO app_settings (key, value, "updatedAt") VALUES ('scheduler.tick', to_jsonb(${slot}::bigint), now() AT TIME ZONE 'UTC')
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = EXCLUDED."updatedAt"
     WHERE (app_settings.value #>> '{}')::bigint < ${slot}::bigint`;
  return n === 1;
}

/** The slot of an instant. */
export const tickSlot = (at: number) => Math.floor(at / EVERY_MS);

/** One tick of the periodic jobs, when this instance claims its slot; whether it ran them. */
export async function schedulerTick(at = Date.now()): Promise<boolean> {
  const slot = tickSlot(at);
  if (!(await claimTick(slot))) return false;
  const breaches = await escalateBreaches();
  const freezes = await flagExpiringFreezes();
  const appeals = await flagAppealDeadlines();
  const stops = await flagLapsedStopPayments();
  const surges = await flagFraudSurges();
  const followUps = await finishLeftFollowUps();
  if (slot % CONTACT_WINDOW_TICKS === 0) await refreshContactWindow(new Date(at));
  if (breaches || freezes.flagged || freezes.expired || appeals.dueSoon || appeals.overdue || stops.flagged || surges || followUps) {
    logger.info("scheduler.tick", { breaches, ...freezes, appealsDueSoon: appeals.dueSoon, appealsOverdue: appeals.overdue, stopPaymentsLapsed: stops.flagged, surges, followUps });
  }
  return true;
}

/**
 * The periodic jobs of one app instance. Every instance runs the timer; each slot's jobs run on
 * the one instance that claims it (claimTick), so a tick runs once across all instances. The jobs
 * stay idempotent besides (unique breach and notification keys).
 */
export function startScheduler(): void {
  if (globalForScheduler.fanzhaScheduler) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await schedulerTick();
    } catch (e) {
      logger.warn("scheduler.failed", { error: e });
    } finally {
      running = false;
    }
  };
  globalForScheduler.fanzhaScheduler = setInterval(tick, EVERY_MS);
  globalForScheduler.fanzhaScheduler.unref();
  void tick();
}
