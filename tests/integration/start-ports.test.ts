// `npm start` where another instance holds a port: one line saying what is wrong and how to fix
// it (the HTTP port), or a free port taken instead (the embedded database's), never `undefined`
// and a stack trace.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/scripts/embedded-postgres";

/** Something listening on a free port, as another program would. */
async function holdPort(host?: string): Promise<{ port: number; release: () => Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen({ port: 0, host }, r));
  return { port: (server.address() as net.AddressInfo).port, release: () => new Promise((r) => server.close(() => r())) };
}

const DIR = `.data/pg-ports-${process.pid}`;
const started: EmbeddedServer[] = [];
afterAll(async () => {
  for (const s of started.reverse()) await s.stop();
  rmSync(DIR, { recursive: true, force: true });
});

describe("npm start with a port taken", () => {
  it("names the taken HTTP port and the fix in one line, before starting anything", async () => {
    const held = await holdPort();
    try {
      const { NODE_ENV: _omit, ...env } = process.env;
      const childEnv = { ...env, PORT: String(held.port), DATABASE_URL: "postgresql://127.0.0.1:1/none" } as unknown as NodeJS.ProcessEnv;
      const run = spawn("node_modules/.bin/tsx", ["--import", "./scripts/server-only-off.mjs", "scripts/start.ts"], { env: childEnv });
      let out = "";
      run.stdout.on("data", (d) => (out += d));
      run.stderr.on("data", (d) => (out += d));
      const code = await new Promise<number | null>((r) => run.on("exit", r));
      expect(code).toBe(1);
      expect(out.trim()).toBe(`[fanzha] port ${held.port} is in use (another instance of the platform?): stop it, or start on another port with PORT=${held.port + 1} npm start`);
    } finally {
      await held.release();
    }
  }, 60_000);

  it("says which database port is taken, or takes a free one for the development cluster", async () => {
    const held = await holdPort("127.0.0.1");
    try {
      const cluster = { dir: DIR, port: held.port, database: "ports", quiet: true };
      await expect(startEmbeddedPostgres(cluster)).rejects.toThrow(`port ${held.port} for the embedded PostgreSQL (${DIR}) is in use by another program: stop it, or set DATABASE_URL to a running PostgreSQL`);

      const server = await startEmbeddedPostgres({ ...cluster, portFallback: true });
      started.push(server);
      const port = Number(new URL(server.url).port);
      expect(port).not.toBe(held.port);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      expect((await client.query("SELECT 1 AS ok")).rows[0]).toEqual({ ok: 1 });
      await client.end();
      // Another command of the same checkout (a seed, the audit verifier) finds it on that port.
      const again = await startEmbeddedPostgres({ ...cluster, portFallback: true });
      expect(again.url).toBe(server.url);
    } finally {
      await held.release();
    }
  }, 120_000);
});
