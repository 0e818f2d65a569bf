// pnpm db:migrate — applies pending migrations to DATABASE_URL (or the embedded database).
import { withDatabaseUrl } from "../database-url.ts";
import { migrate } from "../migrate.ts";

await withDatabaseUrl(async (url) => {
  const { applied } = await migrate(url, { log: (line) => console.log(line) });
  console.log(
    applied.length ? `${applied.length} migration(s) applied.` : "Database is up to date.",
  );
});
