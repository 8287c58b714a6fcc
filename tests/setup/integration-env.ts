import { inject } from "vitest";

// lib/env.ts reads these; each test worker talks to its own database of the run.
process.env.DATABASE_URL = inject("databaseUrls")[Number(process.env.VITEST_POOL_ID ?? 1) - 1];
process.env.AUTH_SECRET ??= "integration-tests-secret-at-least-32-bytes-long";
process.env.APP_MODE ??= "demo";
