// Playwright's web server: the real app (`npm start`'s script) on a fresh database with the demo
// dataset, dropped again when Playwright stops it.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createTestDatabase } from "../setup/test-database";

const port = process.env.E2E_PORT ?? "3100";
// Below the ephemeral range, as the integration tests' (tests/setup/test-database.ts).
const pgPort = Number(process.env.E2E_PG_PORT ?? 24331);
const db = await createTestDatabase("e2e", { dir: `.data/pg-e2e-${pgPort}`, port: pgPort });
// For the specs that let time pass (tests/e2e/helpers.ts, appDatabase).
writeFileSync(`.data/e2e-${port}.url`, db.url);
// The demo install, not production: NODE_ENV is left out.
const { NODE_ENV: _omit, ...inherited } = process.env;
// The gateway simulator answers within a fraction of a second, never answers the robot calls of
// the E2E's unreachable person (tests/e2e/outbound.spec.ts): that ladder hands over to people,
// delivers every SMS and 闪信 (the demo's 1 in 20 未送达 failed the ladder spec, which waits for
// 闪信已送达), and never refuses a bank's or carrier's request (the demo's 1 in 10 made the
// stop-payment spec, which waits for 已受理, fail one run in ten).
const UNREACHABLE_PHONE = "13900001100";
const simulator = {
  SIM_DELAY_MS: inherited.SIM_DELAY_MS ?? "400",
  SIM_UNREACHABLE_NUMBERS: inherited.SIM_UNREACHABLE_NUMBERS ?? UNREACHABLE_PHONE,
  SIM_UNDELIVERED_RATE: inherited.SIM_UNDELIVERED_RATE ?? "0",
  SIM_PARTNER_REJECT_RATE: inherited.SIM_PARTNER_REJECT_RATE ?? "0",
};
const env = { ...inherited, ...simulator, DATABASE_URL: db.url, PORT: port, NEXTAUTH_URL: `http://localhost:${port}` } as unknown as NodeJS.ProcessEnv;
const app = spawn("node_modules/.bin/tsx", ["--import", "./scripts/server-only-off.mjs", "scripts/start.ts"], { stdio: ["ignore", "inherit", "inherit"], env });

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  app.kill("SIGTERM");
  await new Promise((r) => (app.exitCode !== null ? r(null) : app.once("exit", r)));
  await db.drop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
app.on("exit", (code) => void stop(code ?? 1));
