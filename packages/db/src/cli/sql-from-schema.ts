// Prints the SQL that takes an empty database (or the schema in the file given as argument)
// to prisma/schema.prisma. Usage: pnpm db:sql-from-schema [old-schema.prisma]
import { readFileSync } from "node:fs";
import { withDatabaseUrl } from "../database-url.ts";
import { sqlFromSchema } from "../sql-from-schema.ts";

const fromFile = process.argv[2];
await withDatabaseUrl(async (connectionString) => {
  const from = fromFile ? readFileSync(fromFile, "utf8") : undefined;
  process.stdout.write(await sqlFromSchema({ connectionString, from }));
});
