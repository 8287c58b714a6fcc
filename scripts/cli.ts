// What the account and key command-line tools share: the database (DATABASE_URL, else the local
// embedded one), the system actor at the root unit (audited as "cli"), errors printed as their code
// and field issues, and the exit code (0 done, 1 refused or failed).
import { resolveDatabase } from "./embedded-postgres";
import type { Actor } from "../lib/auth/actor";

export async function runAsSystem(work: (actor: Actor) => Promise<void>): Promise<never> {
  const server = await resolveDatabase();
  process.env.DATABASE_URL = server.url;
  process.env.AUTH_SECRET ??= "cli-does-not-sign-sessions-but-env-needs-32-bytes";
  // lib/ reads the environment set above.
  const { getDb } = await import("../lib/db");
  const { AppError } = await import("../lib/errors");
  const { systemActor } = await import("../lib/auth/system-actor");
  let code = 0;
  try {
    const root = await getDb().unit.findFirst({ where: { parentId: null }, orderBy: { createdAt: "asc" } });
    if (!root) throw new Error("no unit tree in this database: create the units first");
    await work(systemActor(root));
  } catch (e) {
    code = 1;
    if (e instanceof AppError) console.error(`${e.code}: ${e.message}${e.details.map((d) => `\n  ${d.path}: ${d.code}`).join("")}`);
    else console.error((e as Error).message);
  } finally {
    await getDb().$disconnect();
    await server.stop();
  }
  process.exit(code);
}
