import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { pgConfigFromUrl } from "./lib/db-url";

// Prisma 6.19 in its Rust-free mode: client and migrate both run on bundled WebAssembly with the
// pg driver adapter, so nothing is downloaded (see ../shared/STACK.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  // Separate fields, not a connection string: the adapter derives the shadow database from them.
  async adapter() {
    return new PrismaPg(pgConfigFromUrl(process.env.DATABASE_URL ?? "postgresql://localhost/unset"));
  },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
