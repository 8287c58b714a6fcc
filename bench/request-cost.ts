// What one request costs the machine, by kind: CPU of the app's process tree and of PostgreSQL's,
// per request, requests sent one after another (no crowding), on the demo dataset. The overload
// benchmark's admitted p95 is what these costs add up to on two shared cores; this says which
// kind to make cheaper. Kinds: `write` (a one-warning batch from a feed), `apiList` (a page of the
// queue over the API), `page` (the queue page, rendered), `record` (a warning's page), `stats`
// (the statistics overview).
//
//   npm run bench:request-cost            (REQUEST_COST_N requests per kind, default 60; REQUEST_COST_KINDS=page,stats)
import { demoDatabase, login, pct, startApp, treeCpuSeconds } from "./app";
import { generateApiKey } from "../lib/auth/api-keys";
import { DEMO_PASSWORD } from "../prisma/seed/accounts";

const N = Number(process.env.REQUEST_COST_N ?? 60);
const WARM_UP = 5;

// The gateway simulator would answer the ladder's messages in the same tree: its CPU is not a request's.
process.env.OUTBOUND_SIMULATOR = "off";
const d = await demoDatabase("request_cost");
const app = await startApp(d.url, Number(process.env.BENCH_PORT ?? 3390));
try {
  const dispatcher = await login(app.url, "dispatcher", DEMO_PASSWORD);
  const leader = await login(app.url, "leader", DEMO_PASSWORD);
  const { key, prefix, keyHash } = generateApiKey();
  const [city] = await d.db.$queryRaw<{ id: string }[]>`SELECT id FROM units WHERE kind = 'CITY' ORDER BY code LIMIT 1`;
  const precincts = (await d.db.$queryRaw<{ code: string }[]>`SELECT code FROM units WHERE kind = 'PRECINCT' AND active ORDER BY code`).map((r) => r.code);
  const [warning] = await d.db.$queryRaw<{ id: string }[]>`SELECT id FROM warnings ORDER BY "receivedAt" DESC LIMIT 1`;
  await d.db.$executeRaw`INSERT INTO api_keys (id, name, prefix, "keyHash", "unitId", scopes, sources)
    VALUES (gen_random_uuid(), 'request-cost', ${prefix}, ${keyHash}, ${city!.id}, '{warnings:ingest}', '{PROVINCIAL}')`;

  const tag = Date.now().toString(36);
  let seq = 0;
  const oneWarning = () => {
    const i = seq++;
    return [{
      source: "PROVINCIAL", externalId: `COST-${tag}-${i}`, riskLevel: ["CRITICAL", "HIGH", "MEDIUM", "LOW"][i % 4], fraudType: "REBATE_TASK",
      receivedAt: new Date(Date.now() - 30_000).toISOString(), unitCode: precincts[i % precincts.length], amountAtRisk: "1000.00",
      victim: { name: "测试", phone: `15${String(i).padStart(9, "0")}`, address: "十堰市某街道" }, contact: { channel: "PHONE", value: `COST${tag}${i}` },
    }];
  };
  const get = (path: string, cookie: string) => () => fetch(`${app.url}${path}`, { headers: { cookie } });
  const kinds: Record<string, () => Promise<Response>> = {
    write: () => fetch(`${app.url}/api/v1/warnings`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(oneWarning()) }),
    apiList: get("/api/v1/warnings?limit=20", dispatcher),
    page: get("/warnings", dispatcher),
    record: get(`/warnings/${warning!.id}`, dispatcher),
    stats: get("/api/v1/stats/summary?period=month", leader),
  };
  const wanted = process.env.REQUEST_COST_KINDS?.split(",");
  console.log(`CPU per request, ${N} requests per kind one after another (after ${WARM_UP} to warm up), demo dataset`);
  for (const [kind, send] of Object.entries(kinds).filter(([k]) => !wanted || wanted.includes(k))) {
    for (let i = 0; i < WARM_UP; i++) await (await send()).arrayBuffer();
    const app0 = treeCpuSeconds(app.child.pid!), pg0 = d.serverPid ? treeCpuSeconds(d.serverPid) : NaN;
    const ms: number[] = [];
    for (let i = 0; i < N; i++) {
      const t = performance.now();
      const res = await send();
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${kind}: HTTP ${res.status}`);
      ms.push(performance.now() - t);
    }
    const appMs = ((treeCpuSeconds(app.child.pid!) - app0) * 1000) / N;
    const pgMs = d.serverPid ? ((treeCpuSeconds(d.serverPid) - pg0) * 1000) / N : NaN;
    ms.sort((a, b) => a - b);
    console.log(`${kind.padEnd(8)} p50 ${pct(ms, 50).toFixed(1).padStart(6)} ms   app CPU ${appMs.toFixed(1).padStart(5)} ms   PostgreSQL CPU ${pgMs.toFixed(1).padStart(5)} ms`);
  }
} finally {
  await app.stop();
  await d.drop();
}
