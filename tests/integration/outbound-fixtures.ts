// The outbox end to end, for the files that run it (outbound, partner requests, two processes):
// the gateway simulator on a port, the receipt route served on another for the simulator to call
// back, and graphile-worker runners in this process — each with its own pool, as app instances.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Runner } from "graphile-worker";
import { startSimulator, type Simulator, type SimulatorOptions } from "@/lib/outbound/simulator";
import { startOutboundWorker } from "@/lib/outbound/worker";
import type { OutboundConfig } from "@/lib/outbound/config";
import { POST as receiptRoute } from "@/app/api/v1/gateway/receipts/route";

/** Polls until the probe answers something truthy, or fails naming what it waited for. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | false | null>, ms = 45_000, every = 100): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** POST /api/v1/gateway/receipts (the real route handler) on a local port: what the simulator posts back to. */
export async function serveReceipts(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const r = await receiptRoute(new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }));
      res.writeHead(r.status, { "content-type": "application/json" });
      res.end(await r.text());
    })();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/gateway/receipts`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

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
