// `npm test`: unit and integration tests (Vitest, real PostgreSQL), then the end-to-end tests
// (Playwright in Debian's Chromium against the built app). Stops at the first failing stage.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

/** Vitest's own account of the run, besides its exit code (which a library's exit hook once forced to 0). */
const VITEST_REPORT = "test-results/vitest.json";
const vitestFailed = () => !existsSync(VITEST_REPORT) || (JSON.parse(readFileSync(VITEST_REPORT, "utf8")) as { success: boolean }).success !== true;

const stages: [string, string, string[], (() => boolean)?][] = [
  ["typecheck", "node_modules/.bin/tsc", ["--noEmit", "-p", "."]],
  ["lint", "node_modules/.bin/eslint", [".", "--max-warnings=0"]],
  ["unit + integration", "node_modules/.bin/vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`], vitestFailed],
  ["end-to-end", "node_modules/.bin/playwright", ["test"]],
];

rmSync(VITEST_REPORT, { force: true });
for (const [name, cmd, args, failed] of stages) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const ok = r.status === 0 && !failed?.();
  console.log(`=== ${name}: ${ok ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (!ok) process.exit(r.status || 1);
}
