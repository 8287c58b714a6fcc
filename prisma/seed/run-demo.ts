// `npm run db:seed`: migrates the database (DATABASE_URL, else the embedded one) and loads the
// demo dataset into it when it is empty.
import { resolveDatabase } from "../../scripts/embedded-postgres";
import { prepareDatabase } from "../../scripts/app-database";

const server = await resolveDatabase();
try {
  const r = await prepareDatabase(server.url, { production: process.env.NODE_ENV === "production" });
  console.log(r.loadedDemo ? "demo dataset loaded" : "database not empty: nothing loaded");
} finally {
  await server.stop();
}
process.exit(0);
