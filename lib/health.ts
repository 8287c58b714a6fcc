import "server-only";
import { getDb } from "@/lib/db";

/** One round trip to the database; throws when it does not answer. */
export async function pingDatabase(): Promise<void> {
  await getDb().$queryRaw`SELECT 1`;
}
