import type { TestProject } from "vitest/node";
import { createTestDatabase, type TestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** One database per worker (VITEST_POOL_ID 1…maxWorkers): a worker's files run one after another on their own, as they were written to. */
    databaseUrls: string[];
  }
}

export default async function setup(project: TestProject) {
  const databases: TestDatabase[] = [];
  // One after another: the first starts the embedded server, and its drop, the last, stops it.
  for (let worker = 1; worker <= project.vitest.config.maxWorkers; worker++) databases.push(await createTestDatabase(`it${worker}`));
  project.provide("databaseUrls", databases.map((d) => d.url));
  return async () => {
    for (const d of databases.reverse()) await d.drop();
  };
}
