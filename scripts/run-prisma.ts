// Runs the Prisma CLI (bundled WebAssembly engines, nothing downloaded) against a database URL.
import { spawnSync } from "node:child_process";
import path from "node:path";

const PRISMA = path.resolve("node_modules/.bin/prisma");

export function runPrisma(args: string[], databaseUrl: string, opts: { capture?: boolean } = {}): string {
  const result = spawnSync(PRISMA, args, {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
    stdio: opts.capture ? ["ignore", "pipe", "pipe"] : ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(" ")} failed:\n${result.stderr ?? ""}${result.stdout ?? ""}`);
  }
  return result.stdout;
}

export function migrateDeploy(databaseUrl: string): void {
  runPrisma(["migrate", "deploy"], databaseUrl, { capture: true });
}
