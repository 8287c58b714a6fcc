// `npm run bench:load [-- --users=200] [-- --seconds=60] [-- --think=5-15]` (SECURITY.md F26): one
// app instance, 200 signed-in people working at once — dispatchers on the triage queue, officers
// on their tasks, investigators on cases, leaders on the statistics — each opening a page or
// calling the API every 5–15 s. Prints p50/p95/p99, errors and the app's memory over the run; then an
// overload burst (the same people with no pauses at all) that may be slowed or answered 429/503 with
// Retry-After, but must not crash the app. Prints figures; asserts nothing.
import { cpus, loadavg } from "node:os";
import { hashPassword } from "../lib/auth/password";
import { demoDatabase, login, pct, startApp, treeRssMb } from "./app";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const USERS = Number(arg("users") ?? 200);
const SECONDS = Number(arg("seconds") ?? 60);
/** Seconds between one person's clicks: reading the page, calling, typing (uniform in this range). */
const THINK = (arg("think") ?? "5-15").split("-").map(Number) as [number, number];
const PORT = Number(arg("port") ?? 3210);
const PASSWORD = "Load-Test-2026!";
const log = (msg: string) => console.log(`[bench:load] ${msg}`);

type Role = "DISPATCHER" | "OFFICER" | "INVESTIGATOR" | "LEADER";
/** Who works at once in a command center's day, and what each of them opens. */
const MIX: { role: Role; share: number; unitKind: "CENTER" | "PRECINCT" | "BRANCH" | "CITY"; paths: string[] }[] = [
  { role: "DISPATCHER", share: 0.4, unitKind: "CENTER", paths: ["/warnings", "/api/v1/warnings?limit=50", "/api/v1/warnings?limit=50&status=PENDING", "/notifications"] },
  { role: "OFFICER", share: 0.35, unitKind: "PRECINCT", paths: ["/field", "/api/v1/warnings?limit=20", "/notifications"] },
  { role: "INVESTIGATOR", share: 0.15, unitKind: "BRANCH", paths: ["/cases", "/api/v1/cases"] },
  { role: "LEADER", share: 0.1, unitKind: "CITY", paths: ["/stats", "/api/v1/stats/summary?period=month", "/stats/rankings"] },
];

// ── a database of its own with the demo dataset and USERS accounts ──
const { url, db, drop } = await demoDatabase("load");
const units = await db.unit.findMany({ select: { id: true, kind: true } });
const passwordHash = await hashPassword(PASSWORD);
const people: { username: string; role: Role; paths: string[] }[] = [];
for (const m of MIX) {
  const pool = units.filter((u) => u.kind === m.unitKind);
  for (let i = 0; i < Math.round(USERS * m.share); i++) {
    const username = `load_${m.role.toLowerCase()}_${i}`;
    people.push({ username, role: m.role, paths: m.paths });
    await db.user.create({ data: { username, displayName: `压测${i}`, role: m.role, unitId: pool[i % pool.length]!.id, passwordHash } });
  }
}
log(`${people.length} accounts on the demo dataset; machine load ${loadavg().map((x) => x.toFixed(2)).join(" ")} on ${cpus().length} cores`);

const app = await startApp(url, PORT);
let code = 0;
try {
  // Sign everyone in, a few at a time (Argon2id makes each login deliberately slow).
  const cookies: string[] = [];
  for (let i = 0; i < people.length; i += 8) cookies.push(...(await Promise.all(people.slice(i, i + 8).map((p) => login(app.url, p.username, PASSWORD)))));
  log(`${cookies.length} signed in; app memory ${treeRssMb(app.child.pid!).toFixed(0)} MB`);

  type Sample = { ms: number; status: number; retryAfter: boolean };
  const hit = async (i: number, path: string): Promise<Sample> => {
    const t = performance.now();
    try {
      const res = await fetch(`${app.url}${path}`, { headers: { cookie: cookies[i]! } });
      await res.arrayBuffer();
      return { ms: performance.now() - t, status: res.status, retryAfter: res.headers.has("retry-after") };
    } catch {
      return { ms: performance.now() - t, status: 0, retryAfter: false };
    }
  };
  const work = async (until: number, think: () => number) => {
    const samples: Sample[] = [];
    await Promise.all(people.map(async (p, i) => {
      await new Promise((r) => setTimeout(r, Math.random() * think())); // people do not click in step
      for (let k = 0; Date.now() < until; k++) {
        samples.push(await hit(i, p.paths[k % p.paths.length]!));
        const pause = think();
        if (pause) await new Promise((r) => setTimeout(r, pause));
      }
    }));
    return samples;
  };
  const summary = (label: string, samples: Sample[], seconds: number) => {
    const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
    const statuses = new Map<number, number>();
    for (const s of samples) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
    const errors = samples.filter((s) => s.status !== 200).length;
    log(`${label}: ${samples.length.toLocaleString("en")} requests in ${seconds} s (${Math.round(samples.length / seconds)}/s); p50 ${pct(ms, 50).toFixed(0)} ms, p95 ${pct(ms, 95).toFixed(0)} ms, p99 ${pct(ms, 99).toFixed(0)} ms; non-200: ${errors} (${[...statuses].map(([s, n]) => `${s || "no answer"}×${n}`).join(", ")})`);
    return { p95: pct(ms, 95), errors };
  };

  // Warm-up: every page compiled and cached once.
  await work(Date.now() + 10_000, () => 1000);

  // ── 1. USERS people, a request about every second each ──
  const memory: number[] = [];
  const sampler = setInterval(() => memory.push(treeRssMb(app.child.pid!)), 2_000);
  const steady = await work(Date.now() + SECONDS * 1000, () => (THINK[0] + Math.random() * (THINK[1] - THINK[0])) * 1000);
  clearInterval(sampler);
  const s = summary(`${USERS} users, ${THINK.join("–")} s between clicks`, steady, SECONDS);
  const half = Math.floor(memory.length / 2);
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  log(`app memory over the run: first half avg ${avg(memory.slice(0, half)).toFixed(0)} MB, second half avg ${avg(memory.slice(half)).toFixed(0)} MB, max ${Math.max(...memory).toFixed(0)} MB`);
  log(`target: p95 < 300 ms (${s.p95 < 300 ? "met" : "missed"}), zero errors (${s.errors === 0 ? "met" : "missed"})`);

  // ── 2. overload: everyone fires the next request the moment the last one answers ──
  const burst = await work(Date.now() + 15_000, () => 0);
  const refusals = burst.filter((x) => x.status !== 200);
  summary("overload burst (no think time)", burst, 15);
  const unexplained = refusals.filter((x) => !((x.status === 429 || x.status === 503) && x.retryAfter));
  const alive = await fetch(`${app.url}/api/health`).then((r) => r.ok, () => false);
  log(`after the burst: app ${alive && app.child.exitCode === null ? "alive" : "DOWN"}; refusals without 429/503 + Retry-After: ${unexplained.length}`);
} catch (e) {
  console.error(`[bench:load] failed: ${(e as Error).message}`);
  code = 1;
} finally {
  await app.stop();
  await drop();
}
process.exit(code);
