// `npm run bench:stats [-- --url=http://host:port] [-- --scale=10] [-- --requests=400]`
// The statistics overview's server response time over HTTP, on the city-year dataset
// (`npm run seed:city-year` first). Without --url it starts the app (scripts/start.ts) on
// DATABASE_URL (else the embedded development database), signs in as the demo leader and calls
// GET /api/v1/stats/summary — the data of the overview page — for the periods and units leaders
// use, a few at a time. With --scale=N it first grows the dataset to N times (bench/stats-scale.ts:
// N−1 more cities copied from 十堰, rollups kept by the triggers) and measures again.
import { cpus, loadavg } from "node:os";
import { resolveDatabase } from "../scripts/embedded-postgres";
import { login, pct, startApp, type RunningApp } from "./app";
import { scaleDataset } from "./stats-scale";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=").slice(1).join("=");
const REQUESTS = Number(arg("requests") ?? 400);
/** One request at a time gives the server's response time; four at a time, the same under load. */
const PHASES = arg("concurrency") ? [Number(arg("concurrency"))] : [1, 4];
const PORT = Number(arg("port") ?? 3190);
const log = (msg: string) => console.log(`[bench:stats] ${msg}`);

/** The overviews leaders open: the article's year for the city first, then the usual views. */
const SCENARIOS: { name: string; query: string }[] = [
  { name: "city · last full year (2025)", query: "period=lastYear" },
  { name: "city · this year", query: "period=year" },
  { name: "city · this month", query: "period=month" },
  { name: "city · last week", query: "period=lastWeek" },
  { name: "city · custom 2024-03-15…2025-08-20", query: "from=2024-03-15&to=2025-08-20" },
  { name: "branch 420302 · last year", query: "period=lastYear&unit=420302" },
  { name: "precinct 42030201 · this quarter", query: "period=quarter&unit=42030201" },
  { name: "center · last year", query: "period=lastYear&unit=420300FZ" },
];

/** Runs the scenarios round-robin, CONCURRENCY at a time; latencies in ms per scenario. */
async function measure(base: string, cookie: string, total: number, concurrency: number): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>(SCENARIOS.map((s) => [s.name, []]));
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const s = SCENARIOS[next++ % SCENARIOS.length]!;
      const t = performance.now();
      const res = await fetch(`${base}/api/v1/stats/summary?${s.query}`, { headers: { cookie } });
      const body = await res.text();
      const ms = performance.now() - t;
      if (res.status !== 200) throw new Error(`${s.name}: HTTP ${res.status} ${body.slice(0, 200)}`);
      times.get(s.name)!.push(ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return times;
}

function report(label: string, times: Map<string, number[]>, concurrency: number): { p95: number; overview: number } {
  const all = [...times.values()].flat().sort((a, b) => a - b);
  log(`${label}: ${all.length} requests, ${concurrency} at a time`);
  log("scenario                                   p50      p95      p99      max");
  for (const [name, list] of times) {
    const s = [...list].sort((a, b) => a - b);
    log(`${name.padEnd(40)} ${pct(s, 50).toFixed(1).padStart(7)} ${pct(s, 95).toFixed(1).padStart(8)} ${pct(s, 99).toFixed(1).padStart(8)} ${s.at(-1)!.toFixed(1).padStart(8)}`);
  }
  const overview = [...times.get(SCENARIOS[0]!.name)!].sort((a, b) => a - b);
  log(`all scenarios: p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms; the 2025 city overview p95 ${pct(overview, 95).toFixed(1)} ms (target ≤ 200 ms)`);
  return { p95: pct(all, 95), overview: pct(overview, 95) };
}

const db = await resolveDatabase();
let app: RunningApp | null = null;
let code = 0;
try {
  const given = arg("url");
  const run = async (label: string) => {
    const url = given ?? (app ??= await startApp(db.url, PORT)).url;
    const cookie = await login(url, "leader", "Shiyan@96110");
    await measure(url, cookie, SCENARIOS.length * 5, 2); // warm-up: connections, caches, JIT
    const out = [];
    for (const c of PHASES) out.push(report(label, await measure(url, cookie, REQUESTS, c), c));
    return out;
  };
  log(`machine load average: ${loadavg().map((x) => x.toFixed(2)).join(" ")} on ${cpus().length} cores`);
  const one = await run("1× (city-year dataset)");
  const scale = Number(arg("scale") ?? 1);
  if (scale > 1) {
    await scaleDataset(db.url, scale, log);
    log(`machine load average: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
    const many = await run(`${scale}× the data`);
    PHASES.forEach((c, i) => {
      const ratio = many[i]!.overview / one[i]!.overview;
      log(`${c} at a time: overview p95 ${one[i]!.overview.toFixed(1)} ms at 1×, ${many[i]!.overview.toFixed(1)} ms at ${scale}× = ${ratio.toFixed(2)}× (target ≤ 1.5×); all scenarios ${(many[i]!.p95 / one[i]!.p95).toFixed(2)}×`);
    });
  }
} catch (e) {
  console.error(`[bench:stats] failed: ${(e as Error).message}`);
  code = 1;
} finally {
  await (app as RunningApp | null)?.stop();
  await db.stop();
}
process.exit(code);
