// Builders for integration tests. Every call makes its own units and users with unique codes and
// names, so test files run in parallel against one database without seeing each other.
import { randomInt, randomUUID } from "node:crypto";
import { createDb, getDb, type Db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { WarningSource, type Role } from "@/lib/generated/prisma/enums";

export const TEST_PASSWORD = "Correct-Horse-77";
let hashed: Promise<string> | undefined;

const code6 = (lead: number) => `${lead}${String(randomInt(0, 100_000)).padStart(5, "0")}`;

/** Creates a unit under a random code, drawing again when another test file already took it. */
async function withFreshCode<T>(lead: number, create: (code: string) => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await create(code6(lead));
    } catch (e) {
      if ((e as { code?: string }).code !== "P2002") throw e;
    }
  }
}

export type TestTree = Awaited<ReturnType<typeof makeUnitTree>>;

/** A city with a 反诈中心, two branches and two precincts each. */
export async function makeUnitTree() {
  const db = getDb();
  const city = await withFreshCode(7, (code) => db.unit.create({ data: { code, name: `测试市局${code}`, kind: "CITY", path: code } }));
  const cityCode = city.code;
  const center = await db.unit.create({
    data: { code: `${cityCode}FZ`, name: "测试反诈中心", kind: "CENTER", parentId: city.id, path: `${cityCode}/${cityCode}FZ` },
  });
  const branches = [];
  for (const n of [0, 1]) {
    const branch = await withFreshCode(8, (code) => db.unit.create({ data: { code, name: `测试分局${code}`, kind: "BRANCH", parentId: city.id, path: `${city.path}/${code}` } }));
    const code = branch.code;
    const precincts = [];
    for (const p of ["01", "02"]) {
      precincts.push(
        await db.unit.create({
          data: { code: `${code}${p}`, name: `测试派出所${code}${p}`, kind: "PRECINCT", parentId: branch.id, path: `${branch.path}/${code}${p}`, addressKeywords: [`测试街道${n}${p}`] },
        }),
      );
    }
    branches.push({ ...branch, precincts });
  }
  return { city, center, branches };
}

/** A user in the unit, and the Actor a request by them would carry. */
export async function makeUser(unit: { id: string }, role: Role, opts: { grants?: string[]; username?: string } = {}) {
  hashed ??= hashPassword(TEST_PASSWORD);
  const username = opts.username ?? `u${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const user = await getDb().user.create({
    data: { username, displayName: `测试${role}`, role, unitId: unit.id, grants: opts.grants ?? [], passwordHash: await hashed },
  });
  return { user, actor: await actorOf(user.id) };
}

export async function actorOf(userId: string): Promise<Actor> {
  const { userActor } = await import("@/lib/auth/session");
  return userActor(userId, { ip: "127.0.0.1", requestId: randomUUID() });
}

export const client = () => ({ ip: `10.9.${randomInt(0, 255)}.${randomInt(1, 254)}`, userAgent: "vitest", requestId: randomUUID() });

/**
 * An API key of the unit with the given scopes, and the actor a request with it carries. An
 * ingesting key sends every source unless `sources` binds it to some.
 */
export async function makeApiKey(unit: { id: string }, scopes: string[], sources: WarningSource[] = scopes.includes("warnings:ingest") ? Object.values(WarningSource) : []) {
  const { generateApiKey, authenticateApiKey } = await import("@/lib/auth/api-keys");
  const { key, prefix, keyHash } = generateApiKey();
  await getDb().apiKey.create({ data: { name: `测试密钥${prefix}`, prefix, keyHash, unitId: unit.id, scopes, sources } });
  const actor = await authenticateApiKey(key, { ip: "127.0.0.1", requestId: randomUUID() });
  if (!actor) throw new Error("key did not authenticate");
  return { key, actor };
}

let seq = 0;
/** A valid warning for the ingestion API; override any field. */
export function warningInput(over: Record<string, unknown> = {}) {
  seq++;
  const phone = `139${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
  return {
    source: "NATIONAL",
    externalId: `T-${Date.now().toString(36)}-${process.pid}-${seq}-${randomInt(0, 1e9)}`,
    riskLevel: "HIGH",
    fraudType: "FAKE_INVESTMENT",
    receivedAt: new Date(Date.now() - 60_000).toISOString(),
    victim: { name: "王某某", phone, age: 63, gender: "FEMALE" },
    contact: { channel: "PHONE", value: `+85261${String(randomInt(0, 1_000_000)).padStart(6, "0")}` },
    amountAtRisk: "30000.00",
    ...over,
  };
}

/**
 * For a file that needs a database of its own (global settings, a database it kills): from now on
 * getDb() — the app's one client, as every lib/ function uses it — answers a client on `url`.
 * The file disconnects it; `release` hands getDb() back.
 */
export function useOwnDatabase(url: string): { db: Db; release: () => void } {
  const holder = globalThis as unknown as { fanzhaDb?: Db };
  const db = createDb(url);
  holder.fanzhaDb = db;
  return { db, release: () => void delete holder.fanzhaDb };
}
