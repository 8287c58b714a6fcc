// `npm test`: unit and integration tests (Vitest, real PostgreSQL), then the end-to-end tests
// (Playwright in Debian's Chromium against the built app). Stops at the first failing stage.
import { spawnSync } from "node:child_process";

const stages: [string, string, string[]][] = [
  ["typecheck", "node_modules/.bin/tsc", ["--noEmit", "-p", "."]],
  ["lint", "node_modules/.bin/eslint", [".", "--max-warnings=0"]],
  ["unit + integration", "node_modules/.bin/vitest", ["run"]],
  ["end-to-end", "node_modules/.bin/playwright", ["test"]],
];

for (const [name, cmd, args] of stages) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  console.log(`=== ${name}: ${r.status === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}
