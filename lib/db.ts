import { PrismaPg } from "@prisma/adapter-pg";
import type { PoolClient } from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { pgConfigFromUrl } from "@/lib/db-url";
import { env } from "@/lib/env";

/**
 * Prisma ends an interactive transaction by sending COMMIT or ROLLBACK and only then handing the
 * connection back to the pool; when that statement fails (the database died or restarted), the
 * connection is never handed back, and after a few such failures the pool is empty for good. Here
 * a failed COMMIT or ROLLBACK releases the connection as broken, so the pool replaces it and the
 * app recovers by itself (SECURITY.md F24, tests/integration/reliability-db-crash.test.ts).
 */
class RecoveringPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await startTransaction(isolationLevel);
      const executeRaw = tx.executeRaw.bind(tx);
      tx.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (e) {
          if (query.sql === "COMMIT" || query.sql === "ROLLBACK") (tx as unknown as { client: PoolClient }).client.release(e as Error);
          throw e;
        }
      };
      return tx;
    };
    return adapter;
  }
}

function createClient(url: string) {
  return new PrismaClient({
    adapter: new RecoveringPg({ ...pgConfigFromUrl(url), max: 20, connectionTimeoutMillis: 5_000 }),
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
