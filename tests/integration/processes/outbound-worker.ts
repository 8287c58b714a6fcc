// One app instance's outbound worker as its own Node process (tests/integration/outbound-processes.test.ts):
// the app's configuration from the environment (GATEWAY_URL, GATEWAY_SECRET, OUTBOUND_*), the
// worker on DATABASE_URL. Prints "ready" once running and, on SIGTERM, the messages it delivered.
// Run with `tsx --import ./scripts/server-only-off.mjs`.
import { outboundConfig } from "@/lib/outbound/config";
import { startOutboundWorker } from "@/lib/outbound/worker";

const cfg = outboundConfig();
if (!cfg || !process.env.DATABASE_URL) throw new Error("GATEWAY_URL, GATEWAY_SECRET and DATABASE_URL are required");
const runner = await startOutboundWorker(cfg, process.env.DATABASE_URL, { pollInterval: 200 });
let delivered = 0;
runner.events.on("job:success", ({ job }) => {
  if (job.task_identifier === "outbound_deliver") delivered++;
});
process.stdout.write(`ready ${process.pid}\n`);
process.on("SIGTERM", () => {
  void runner.stop().then(() => {
    process.stdout.write(`jobs ${delivered}\n`);
    process.exit(0);
  });
});
