// Prepares a database for the app: migrations, then the demo dataset when allowed and empty.
import { createDb } from "../lib/db";
import { migrateDeploy } from "./run-prisma";

export type PreparedDatabase = { demo: boolean; loadedDemo: boolean };

/**
 * Migrates the database and, outside production, loads the demo dataset into an empty one.
 * Production refuses to run over demo accounts (SECURITY.md A1).
 */
export async function prepareDatabase(url: string, opts: { production: boolean }): Promise<PreparedDatabase> {
  migrateDeploy(url);
  const db = createDb(url);
  try {
    const units = await db.unit.count();
    let loadedDemo = false;
    if (units === 0 && !opts.production) {
      const { loadDemoData } = await import("../prisma/seed/demo");
      await loadDemoData(db);
      loadedDemo = true;
    }
    const demoUsers = await db.user.count({ where: { isDemo: true } });
    if (opts.production && demoUsers > 0) {
      throw new Error(`refusing to start in production: ${demoUsers} demo account(s) present. Use a database without the demo dataset.`);
    }
    const flag = await db.appSetting.findUnique({ where: { key: "demo" } });
    return { demo: !opts.production && flag?.value === true, loadedDemo };
  } finally {
    await db.$disconnect();
  }
}
