// The receipt route served on a local port, for the gateway simulator to post back to where no
// Next server runs: the integration tests' outbox and `npm run bench:outbox`.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { handleReceipt } from "@/lib/outbound/receipts";

/** POST /api/v1/gateway/receipts (the route's own handler) on a free port of the loopback. */
export async function serveReceipts(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const r = await handleReceipt(new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }));
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
