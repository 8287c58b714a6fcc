// `npm test`: type check, lint and the app's production build side by side, then the unit and
// integration tests (Vitest, real PostgreSQL), then the end-to-end tests (Playwright in Debian's
// Chromium against that build). Stops at the first failing stage.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

/** Vitest's own account of the run, besides its exit code (which a library's exit hook once forced to 0). */
const VITEST_REPORT = "test-results/vitest.json";
const vitestFailed = () => !existsSync(VITEST_REPORT) || (JSON.parse(readFileSync(VITEST_REPORT, "utf8")) as { success: boolean }).success !== true;

type Step = { name: string; cmd: string; args: string[]; failed?: () => boolean };
const tsx = (script: string): Pick<Step, "cmd" | "args"> => ({ cmd: "node_modules/.bin/tsx", args: ["--import", "./scripts/server-only-off.mjs", script] });

// The production build runs beside tsc and ESLint (one core each): a broken build fails the run in
// its first minutes, not after the Vitest stage, and the end-to-end server finds it current
// (scripts/build.ts). On CI's two cores the three take 126 s side by side, 134 s one after another.
const stages: Step[][] = [
  [
    { name: "typecheck", cmd: "node_modules/.bin/tsc", args: ["--noEmit", "-p", "."] },
    { name: "lint", cmd: "node_modules/.bin/eslint", args: [".", "--max-warnings=0"] },
    { name: "build", ...tsx("scripts/build.ts") },
  ],
  [{ name: "unit + integration", cmd: "node_modules/.bin/vitest", args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`], failed: vitestFailed }],
  [{ name: "end-to-end", cmd: "node_modules/.bin/playwright", args: ["test"] }],
];

/** Runs a step; beside others its output is held and printed whole when it ends, not interleaved. */
function run(step: Step, alone: boolean): Promise<boolean> {
  if (alone) console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const child = spawn(step.cmd, step.args, { stdio: alone ? "inherit" : ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const output: Buffer[] = [];
  child.stdout?.on("data", (b: Buffer) => output.push(b));
  child.stderr?.on("data", (b: Buffer) => output.push(b));
  child.on("error", (e) => console.error(`=== ${step.name}: ${e.message}`)); // not started; "close" follows
  return new Promise((resolve) => {
    child.on("close", (code) => {
      const ok = code === 0 && !step.failed?.();
      if (!alone) process.stdout.write(`\n=== ${step.name} ===\n${Buffer.concat(output).toString()}`);
      console.log(`=== ${step.name}: ${ok ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      resolve(ok);
    });
  });
}

rmSync(VITEST_REPORT, { force: true });
for (const stage of stages) {
  const results = await Promise.all(stage.map((step) => run(step, stage.length === 1)));
  if (results.includes(false)) process.exit(1);
}
