// What the benchmarks share: the real app started as `npm start` starts it, the login form's
// credentials flow, percentiles, and the memory of the app's process tree.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";
import { createDb, type Db } from "../lib/db";
import { withDatabase } from "../lib/db-url";
import { ensureDatabase, startEmbeddedPostgres } from "../scripts/embedded-postgres";
import { migrateDeploy } from "../scripts/run-prisma";

/** `serverPid`: the embedded PostgreSQL's postmaster (none for BENCH_DATABASE_URL's server). */
export type BenchDatabase = { url: string; db: Db; drop: () => Promise<void>; serverPid?: number };

/**
 * A new database holding the demo dataset, on BENCH_DATABASE_URL's server, else on the
 * benchmarks' own embedded cluster (.data/pg-bench); `drop` removes it and stops what was started.
 */
export async function demoDatabase(prefix: string): Promise<BenchDatabase> {
  const dir = ".data/pg-bench";
  const server = process.env.BENCH_DATABASE_URL
    ? { url: process.env.BENCH_DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dir, port: Number(process.env.BENCH_PG_PORT ?? 54360), database: "postgres", quiet: true });
  const serverPid = process.env.BENCH_DATABASE_URL ? undefined : Number(readFileSync(`${dir}/postmaster.pid`, "utf8").split("\n")[0]);
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = withDatabase(server.url, "postgres");
  await ensureDatabase(admin, name);
  const url = withDatabase(server.url, name);
  migrateDeploy(url);
  const db = createDb(url);
  const { loadDemoData } = await import("../prisma/seed/demo");
  await loadDemoData(db);
  const drop = async () => {
    await db.$disconnect();
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
    await server.stop();
  };
  return { url, db, drop, serverPid };
}

export type RunningApp = { url: string; child: ChildProcess; stop: () => Promise<void> };

/** Starts scripts/start.ts (building first if the sources changed) on `databaseUrl`, in demo mode. */
export async function startApp(databaseUrl: string, port: number): Promise<RunningApp> {
  const url = `http://127.0.0.1:${port}`;
  // Another app already answering there would be measured instead of this one.
  if (await fetch(`${url}/api/health`).then(() => true, () => false)) throw new Error(`port ${port} is taken by another server: stop it, or set BENCH_PORT`);
  const { NODE_ENV: _omit, ...env } = process.env;
  const child = spawn("node_modules/.bin/tsx", ["--import", "./scripts/server-only-off.mjs", "scripts/start.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...env, DATABASE_URL: databaseUrl, PORT: String(port), NEXTAUTH_URL: url } as unknown as NodeJS.ProcessEnv,
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  };
  for (let i = 0; i < 2400; i++) {
    if (child.exitCode !== null) throw new Error("the app exited while starting");
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, child, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error("the app did not start within 10 minutes");
}

/** next-auth's credentials flow, as the login form does it: the session cookie to send along. */
export async function login(base: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, v] = pair!.split("=");
      jar.set(k!.trim(), v ?? "");
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: base },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`login as ${username} failed (${res.status})`);
  return cookie();
}

/** The p-th percentile of ascending `sorted`. */
export const pct = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/** A process and all its descendants, with their /proc stat fields (Linux). */
function processTree(rootPid: number): { pid: number; stat: string[] }[] {
  const children = new Map<number, number[]>();
  const stats = new Map<number, string[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const raw = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name, which may hold spaces: [0] state, [1] ppid, …
      const stat = raw.slice(raw.lastIndexOf(")") + 2).split(" ");
      children.set(Number(stat[1]), [...(children.get(Number(stat[1])) ?? []), Number(entry)]);
      stats.set(Number(entry), stat);
    } catch {
      // the process ended while we looked
    }
  }
  const tree: { pid: number; stat: string[] }[] = [];
  for (const stack = [rootPid]; stack.length; ) {
    const pid = stack.pop()!;
    const stat = stats.get(pid);
    if (stat) tree.push({ pid, stat });
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Resident memory of a process and all its descendants, in MB. */
export function treeRssMb(rootPid: number): number {
  return processTree(rootPid).reduce((sum, p) => sum + Number(p.stat[21]) * 4096, 0) / 2 ** 20;
}

/** CPU seconds (user + system, including reaped children) used so far by a process and its descendants. */
export function treeCpuSeconds(rootPid: number): number {
  return processTree(rootPid).reduce((sum, p) => sum + [11, 12, 13, 14].reduce((s, i) => s + Number(p.stat[i]), 0), 0) / 100;
}
