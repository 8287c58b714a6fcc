// What the benchmarks share: the real app started as `npm start` starts it, the login form's
// credentials flow, percentiles, and the memory of the app's process tree.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";
import { createDb, type Db } from "../lib/db";
import { withDatabase } from "../lib/db-url";
import { ensureDatabase, startEmbeddedPostgres } from "../scripts/embedded-postgres";
import { migrateDeploy } from "../scripts/run-prisma";

export type BenchDatabase = { url: string; db: Db; drop: () => Promise<void> };

/**
 * A new database holding the demo dataset, on BENCH_DATABASE_URL's server, else on the
 * benchmarks' own embedded cluster (.data/pg-bench); `drop` removes it and stops what was started.
 */
export async function demoDatabase(prefix: string): Promise<BenchDatabase> {
  const server = process.env.BENCH_DATABASE_URL
    ? { url: process.env.BENCH_DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dir: ".data/pg-bench", port: 54360, database: "postgres", quiet: true });
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
  return { url, db, drop };
}

export type RunningApp = { url: string; child: ChildProcess; stop: () => Promise<void> };

/** Starts scripts/start.ts (building first if the sources changed) on `databaseUrl`, in demo mode. */
export async function startApp(databaseUrl: string, port: number): Promise<RunningApp> {
  const url = `http://127.0.0.1:${port}`;
  const { NODE_ENV: _omit, ...env } = process.env;
  const child = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], {
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

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
export function treeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const pages = Number(readFileSync(`/proc/${entry}/statm`, "utf8").split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      rss.set(Number(entry), pages * 4096);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const stack = [rootPid]; stack.length; ) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total / 2 ** 20;
}
