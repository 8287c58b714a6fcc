import "server-only";
import { getDb } from "@/lib/db";

export { isDraining } from "@/lib/http/drain";

/** One round trip to the database; throws when it does not answer. */
export async function pingDatabase(): Promise<void> {
  await getDb().$queryRaw`SELECT 1`;
}
