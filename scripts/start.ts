// `npm start`: the whole platform on one command. Without DATABASE_URL it runs an embedded
// PostgreSQL (data in .data/pg, kept across restarts); it migrates, loads the demo dataset into an
// empty database (never in production), builds the app when the sources changed, and serves it.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { DEV_CLUSTER, handleStopSignalsYourself, portIsFree, startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres";
import { prepareDatabase } from "./app-database";
import { buildIfNeeded } from "./build";

const devServer = process.argv.includes("--dev");
const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const started = Date.now();
const log = (msg: string) => console.log(`[fanzha] ${msg}`);

function fail(msg: string): never {
  console.error(`[fanzha] ${msg}`);
  process.exit(1);
}

// Ctrl-C signals the terminal's whole process group: PostgreSQL, started by this script, would stop
// at once while the app still answered and its scheduler logged "Can't reach database". So the
// platform runs in a process group of its own, under this thin parent that turns a stop signal into
// one orderly shutdown (the app first, then the database) and exits with its code.
if (process.env.FANZHA_SUPERVISED !== "1") {
  // The IPC channel tells the platform when this parent is gone, even killed with SIGKILL (a
  // test runner's timeout): the platform then shuts down instead of living on as an orphan.
  const platform = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true, stdio: ["inherit", "inherit", "inherit", "ipc"], env: { ...process.env, FANZHA_SUPERVISED: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => platform.kill("SIGTERM"));
  platform.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  await new Promise(() => {}); // the platform's exit ends this process
}
handleStopSignalsYourself();

/** A persistent random secret for local installs, so sessions survive restarts. */
function localSecret(name = "auth-secret"): string {
  const file = `.data/${name}`;
  if (!existsSync(file)) {
    mkdirSync(".data", { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

if (production) {
  if (!process.env.DATABASE_URL) fail("production mode needs DATABASE_URL");
  if (Buffer.byteLength(process.env.AUTH_SECRET ?? "") < 32) fail("production mode needs AUTH_SECRET of at least 32 bytes");
}
if (!Number.isInteger(port) || port < 1 || port > 65_535) fail(`PORT=${process.env.PORT} is not a port number (1–65535)`);
// Before the database starts and the app builds: a taken port would fail only minutes later.
if (!(await portIsFree(port))) fail(`port ${port} is in use (another instance of the platform?): stop it, or start on another port with PORT=${port === 3000 ? 3001 : port + 1} npm start`);

let db: EmbeddedServer;
if (process.env.DATABASE_URL) {
  db = { url: process.env.DATABASE_URL, stop: async () => {} };
} else {
  log(`starting embedded PostgreSQL (${DEV_CLUSTER.dir}, port ${DEV_CLUSTER.port})…`);
  db = await startEmbeddedPostgres({ ...DEV_CLUSTER }).catch((e: unknown) => fail((e as Error).message));
}

let prepared;
try {
  prepared = await prepareDatabase(db.url, { production });
} catch (e) {
  await db.stop();
  fail((e as Error).message);
}
if (prepared.loadedDemo) log("loaded the demo dataset");
if (!devServer && !buildIfNeeded(log)) fail("next build failed");

const baseUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;

// The gateway simulator (lib/outbound/simulator.ts) runs beside the app unless a real gateway is
// configured (GATEWAY_URL) or OUTBOUND_SIMULATOR=off: the demo's SMS, 闪信 and robot calls land there.
// Never in production: there, without a gateway, messages wait in the outbox.
const gatewayEnv: Record<string, string> = {};
if (!production && !process.env.GATEWAY_URL && process.env.OUTBOUND_SIMULATOR !== "off") {
  const { startSimulator, simulatorOptionsFromEnv } = await import("../lib/outbound/simulator");
  const secret = process.env.GATEWAY_SECRET ?? localSecret("gateway-secret");
  const sim = await startSimulator(simulatorOptionsFromEnv(process.env, secret)).catch((e: unknown) => fail(`gateway simulator: ${(e as Error).message} (set SIM_PORT, or OUTBOUND_SIMULATOR=off)`));
  gatewayEnv.GATEWAY_URL = sim.url;
  gatewayEnv.GATEWAY_SECRET = secret;
  if (!process.env.OUTBOUND_CALLBACK_URL) gatewayEnv.OUTBOUND_CALLBACK_URL = `http://127.0.0.1:${port}/api/v1/gateway/receipts`;
  log(`gateway simulator on ${sim.url}`);
}
const child = spawn("node_modules/.bin/next", [devServer ? "dev" : "start", "-p", String(port)], {
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env,
    DATABASE_URL: db.url,
    AUTH_SECRET: process.env.AUTH_SECRET ?? localSecret(),
    APP_MODE: prepared.demo ? "demo" : "production",
    NEXTAUTH_URL: baseUrl,
    ...gatewayEnv,
  },
});

// Print the banner once the server answers.
void (async () => {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s — open ${baseUrl}/login`);
  if (prepared.demo) {
    const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import("../prisma/seed/demo");
    log(`demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) log(`  ${a.username.padEnd(13)} ${a.role.padEnd(13)} ${a.unitCode}`);
  }
})();

/** The app stops first (killed if it has not within 10 s: open live streams hold it), then the database. */
const APP_STOP_MS = 10_000;
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), APP_STOP_MS);
    await exited;
    clearTimeout(timer);
  }
  log("app stopped; stopping the database…");
  await db.stop();
  log("stopped");
  process.exit(code);
}
// The supervising parent is gone (see the top of this file): stop as if signalled.
process.on("disconnect", () => void shutdown(1));
if (process.env.FANZHA_SUPERVISED === "1" && !process.connected) void shutdown(1); // gone while we started
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
child.on("exit", (code) => void shutdown(code ?? 1));
