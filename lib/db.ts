import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { pgConfigFromUrl } from "@/lib/db-url";
import { env } from "@/lib/env";

function createClient(url: string) {
  return new PrismaClient({
    adapter: new PrismaPg({ ...pgConfigFromUrl(url), max: 20, connectionTimeoutMillis: 5_000 }),
    // Secrets never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true, totpSecret: true, recoveryCodeHashes: true } },
  });
}

export type Db = ReturnType<typeof createClient>;
/** A transaction client, as passed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { fanzhaDb?: Db };

/** The one Prisma client of the process. */
export function getDb(): Db {
  globalForDb.fanzhaDb ??= createClient(env().DATABASE_URL);
  return globalForDb.fanzhaDb;
}

/** For scripts and tests that talk to a database other than the app's. */
export const createDb = createClient;
