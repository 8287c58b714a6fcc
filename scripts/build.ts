// The production build of the app, made when its sources changed (`npm start`, `npm run cluster`, `npm run build`).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Fingerprint of everything the build reads; a changed fingerprint means rebuild. */
function sourceFingerprint(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    } else {
      h.update(`${p}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const p of ["app", "lib", "components", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json"]) walk(p);
  return h.digest("hex");
}

/** Builds the app when its sources changed since the last build; false when the build failed. */
export function buildIfNeeded(log: (msg: string) => void): boolean {
  const dist = process.env.NEXT_DIST_DIR ?? ".next";
  const stamp = `${dist}/fanzha-source-fingerprint`;
  const fingerprint = sourceFingerprint();
  if (existsSync(`${dist}/BUILD_ID`) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint) return true;
  log("building the app (first start or sources changed)…");
  const r = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (r.status !== 0) return false;
  writeFileSync(stamp, fingerprint);
  return true;
}

// `npm run build` (and `npm test`'s first stage): the build when the sources changed, else nothing.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!buildIfNeeded((msg) => console.log(`[fanzha] ${msg}`))) process.exit(1);
}
