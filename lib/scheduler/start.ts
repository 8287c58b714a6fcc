import { logger } from "@/lib/log";
import { escalateBreaches } from "@/lib/warnings/escalate";
import { flagExpiringFreezes } from "@/lib/cases/flag-expiring-freezes";
import { flagAppealDeadlines } from "@/lib/appeals/flag-appeal-deadlines";
import { flagLapsedStopPayments } from "@/lib/requests/flag-lapsed";
import { flagFraudSurges } from "@/lib/profiles/surge";

const EVERY_MS = 15_000;
const globalForScheduler = globalThis as unknown as { fanzhaScheduler?: NodeJS.Timeout };

/**
 * The periodic jobs of one app instance. Each job is idempotent and safe to run on every
 * instance at once (unique breach and notification keys), so no leader election is needed.
 */
export function startScheduler(): void {
  if (globalForScheduler.fanzhaScheduler) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const breaches = await escalateBreaches();
      const freezes = await flagExpiringFreezes();
      const appeals = await flagAppealDeadlines();
      const stops = await flagLapsedStopPayments();
      const surges = await flagFraudSurges();
      if (breaches || freezes.flagged || freezes.expired || appeals.dueSoon || appeals.overdue || stops.flagged || surges) {
        logger.info("scheduler.tick", { breaches, ...freezes, appealsDueSoon: appeals.dueSoon, appealsOverdue: appeals.overdue, stopPaymentsLapsed: stops.flagged, surges });
      }
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
