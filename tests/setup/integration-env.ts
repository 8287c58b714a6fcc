import { inject } from "vitest";

// lib/env.ts reads these; every test worker talks to the run's fresh database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "integration-tests-secret-at-least-32-bytes-long";
process.env.APP_MODE ??= "demo";
