// `npm run bench:persons [-- --runs=200]`
// 一人一档 at the article's scale: the person searches and the opening of a file, on the city-year
// dataset (`npm run seed:city-year` first), against DATABASE_URL (else the embedded development
// database). Calls the read functions and commands the API serves (lib/persons), in-process, as
// the demo dispatcher (the centre: the whole city) and the demo officer (one precinct), and prints
// p50/p95 of: the exact lookup of a full number (the command: its transaction and audit record
// included), the tail search on the last four digits, and the opening of a file; then the
// vulnerable lists (易受骗人群/高危人员): all labels, one label, and "not contacted in 90 days".
import { randomUUID } from "node:crypto";
import { resolveDatabase } from "../scripts/embedded-postgres";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=").slice(1).join("=");
const RUNS = Number(arg("runs") ?? 200);
const log = (msg: string) => console.log(`[bench:persons] ${msg}`);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const db = await resolveDatabase();
process.env.DATABASE_URL = db.url;
process.env.AUTH_SECRET ??= "bench-does-not-sign-sessions-but-env-needs-32-bytes";
const { getDb } = await import("@/lib/db");
const { userActor } = await import("@/lib/auth/session");
const { tailSearch, getPersonFile } = await import("@/lib/persons/queries");
const { lookupPerson } = await import("@/lib/persons/commands");
const { vulnerableList } = await import("@/lib/persons/labels");
type Actor = import("@/lib/auth/actor").Actor;

async function actorOf(username: string): Promise<Actor> {
  const { id } = await getDb().user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  return userActor(id, { ip: "127.0.0.1", requestId: randomUUID() });
}

async function time<T>(list: number[], f: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const r = await f();
  list.push(performance.now() - t);
  return r;
}

try {
  const [counts] = await getDb().$queryRaw<{ warnings: bigint; persons: bigint; identifiers: bigint; linked: bigint }[]>`
    SELECT (SELECT count(*) FROM warnings) AS warnings, (SELECT count(*) FROM persons) AS persons,
           (SELECT count(*) FROM person_identifiers) AS identifiers, (SELECT count(*) FROM warnings WHERE "personId" IS NOT NULL) AS linked`;
  log(`${counts!.warnings} warnings (${counts!.linked} linked), ${counts!.persons} persons, ${counts!.identifiers} identifiers`);
  const dispatcher = await actorOf("dispatcher");
  const officer = await actorOf("officer");
  // Numbers to look for: mobiles of warnings spread over the data (officer: of its precinct).
  const sample = await getDb().$queryRaw<{ phone: string; personId: string }[]>`
    SELECT "victimPhone" AS phone, "personId" FROM warnings TABLESAMPLE SYSTEM (0.5) WHERE "personId" IS NOT NULL LIMIT ${RUNS}`;
  const own = await getDb().warning.findMany({ where: { unitId: officer.unitId, personId: { not: null } }, select: { victimPhone: true, personId: true }, take: RUNS, orderBy: { receivedAt: "desc" } });
  const scenarios: [string, Actor, { phone: string; personId: string | null }[]][] = [["centre (city)", dispatcher, sample], ["precinct", officer, own.map((w) => ({ phone: w.victimPhone, personId: w.personId }))]];
  log(`${"who".padEnd(14)} ${"what".padEnd(22)} ${"runs".padStart(5)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max".padStart(8)}`);
  for (const [name, actor, numbers] of scenarios) {
    const exact: number[] = [], tail: number[] = [], file: number[] = [];
    for (const n of numbers) {
      await time(exact, () => lookupPerson(actor, { number: n.phone, reason: "性能测试：精确查询" }));
      await time(tail, () => tailSearch(actor, n.phone.slice(-4)));
      await time(file, () => getPersonFile(actor, n.personId!).catch(() => null));
    }
    for (const [what, list] of [["exact lookup", exact], ["tail search (last 4)", tail], ["open a file", file]] as const) {
      const s = [...list].sort((a, b) => a - b);
      log(`${name.padEnd(14)} ${what.padEnd(22)} ${String(s.length).padStart(5)} ${pct(s, 50).toFixed(1).padStart(8)} ${pct(s, 95).toFixed(1).padStart(8)} ${s.at(-1)!.toFixed(1).padStart(8)}`);
    }
  }
  const [labels] = await getDb().$queryRaw<{ labels: bigint; followUps: bigint }[]>`
    SELECT (SELECT count(*) FROM person_labels) AS labels, (SELECT count(*) FROM app_followups) AS "followUps"`;
  log(`${labels!.labels} recorded labels, ${labels!.followUps} app follow-ups`);
  const lists: [string, Record<string, unknown>][] = [["every label", {}], ["独居老人", { label: "ELDERLY_ALONE" }], ["多次预警", { label: "REPEAT_WARNINGS" }], ["not contacted 90 d", { notContactedDays: 90 }]];
  const LIST_RUNS = Math.max(5, Math.round(RUNS / 10));
  for (const [name, actor] of [["centre (city)", dispatcher], ["precinct", officer]] as const) {
    for (const [what, q] of lists) {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < LIST_RUNS; i++) rows = (await time(times, () => vulnerableList(actor, q))).items.length;
      const s = [...times].sort((a, b) => a - b);
      log(`${name.padEnd(14)} ${`list: ${what}`.padEnd(22)} ${String(s.length).padStart(5)} ${pct(s, 50).toFixed(1).padStart(8)} ${pct(s, 95).toFixed(1).padStart(8)} ${s.at(-1)!.toFixed(1).padStart(8)}  (${rows} rows)`);
    }
  }
} finally {
  await getDb().$disconnect();
  await db.stop();
}
