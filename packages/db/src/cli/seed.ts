// pnpm db:seed — migrates, then loads the demo data (idempotent: running it again changes nothing).
import { createDb } from "../client.ts";
import { withDatabaseUrl } from "../database-url.ts";
import { migrate } from "../migrate.ts";
import { seedDemoData } from "../seed/index.ts";

await withDatabaseUrl(async (url) => {
  await migrate(url);
  const db = createDb(url);
  try {
    const summary = await seedDemoData(db);
    console.log("Seeded:", summary);
  } finally {
    await db.$disconnect();
  }
});
