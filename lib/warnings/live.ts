import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { directDatabaseUrl } from "@/lib/env";
import { pgConfigFromUrl } from "@/lib/db-url";
import { logger } from "@/lib/log";
import { WARNING_CHANNEL, type WarningEvent } from "@/lib/warnings/events";

// One LISTEN connection per app instance fans warning events out to that instance's SSE clients;
// PostgreSQL NOTIFY carries them between instances. LISTEN needs a session: the connection is
// direct (DIRECT_DATABASE_URL), never through the transaction pooler.
const globalForLive = globalThis as unknown as { warningLive?: EventEmitter };

function connect(bus: EventEmitter, attempt = 0) {
  const client = new pg.Client(pgConfigFromUrl(directDatabaseUrl()));
  const retry = () => {
    client.removeAllListeners();
    client.end().catch(() => {});
    setTimeout(() => connect(bus, attempt + 1), Math.min(30_000, 500 * 2 ** attempt));
  };
  client.on("error", (e) => {
    logger.warn("live.listen.error", { error: e });
    retry();
  });
  client.on("notification", (n) => {
    if (n.channel !== WARNING_CHANNEL || !n.payload) return;
    try {
      bus.emit("event", JSON.parse(n.payload) as WarningEvent);
    } catch {
      /* not ours */
    }
  });
  client
    .connect()
    .then(() => client.query(`LISTEN ${WARNING_CHANNEL}`))
    .then(() => {
      attempt = 0;
      bus.emit("event", { kind: "resync" });
    })
    .catch((e) => {
      logger.warn("live.listen.connect", { error: e });
      retry();
    });
}

export function warningBus(): EventEmitter {
  if (!globalForLive.warningLive) {
    const bus = new EventEmitter();
    bus.setMaxListeners(0);
    globalForLive.warningLive = bus;
    connect(bus);
  }
  return globalForLive.warningLive;
}
