// The outbox end to end, for the files that run it (outbound, partner requests, two processes):
// the gateway simulator on a port, the receipt route served on another for the simulator to call
// back, and graphile-worker runners in this process — each with its own pool, as app instances.
import type { Runner } from "graphile-worker";
import { startSimulator, type Simulator, type SimulatorOptions } from "@/lib/outbound/simulator";
import { startOutboundWorker } from "@/lib/outbound/worker";
import type { OutboundConfig } from "@/lib/outbound/config";
import { serveReceipts } from "@/lib/outbound/receipt-server";

export type Outbox = { sim: Simulator; callbackUrl: string; runners: Runner[]; stop: () => Promise<void> };

/**
 * The simulator (its options as given), the receipt route, and `workers` runners on the database;
 * the receipt route's own configuration (GATEWAY_URL, GATEWAY_SECRET) set for this process until stop.
 */
export async function startOutbox(o: { secret: string; databaseUrl: string; workers?: number; simulator?: Omit<SimulatorOptions, "secret" | "port"> }): Promise<Outbox> {
  const receipts = await serveReceipts();
  const sim = await startSimulator({ ...o.simulator, secret: o.secret, port: 0 });
  process.env.GATEWAY_URL = sim.url;
  process.env.GATEWAY_SECRET = o.secret;
  const cfg: OutboundConfig = { gatewayUrl: sim.url, secret: o.secret, callbackUrl: receipts.url, ratePerSecond: 50, maxAttempts: 30, retryBaseMs: 50, concurrency: 3 };
  const runners: Runner[] = [];
  for (let i = 0; i < (o.workers ?? 1); i++) runners.push(await startOutboundWorker(cfg, o.databaseUrl, { pollInterval: 200 }));
  return {
    sim, callbackUrl: receipts.url, runners,
    stop: async () => {
      await Promise.all(runners.map((r) => r.stop()));
      await sim.stop();
      await receipts.close();
      delete process.env.GATEWAY_URL;
      delete process.env.GATEWAY_SECRET;
    },
  };
}
