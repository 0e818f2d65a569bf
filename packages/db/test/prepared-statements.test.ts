// Raw SQL marked `/* prepared */` is prepared once per connection and reused; other SQL is not.
import { expect, it } from "vitest";
import { useTestDatabase } from "../src/testing/index.ts";

const database = useTestDatabase();

it("prepares marked statements once per connection, and only those", async () => {
  const { db } = database();
  // One transaction keeps one connection, whose prepared statements the catalog lists.
  const names = await db.$transaction(async (tx) => {
    const list = () => tx.$queryRaw<{ name: string; statement: string }[]>`/* prepared */
      SELECT name, statement FROM pg_prepared_statements WHERE ${"x"}::text = 'x'`;
    await tx.$queryRaw`SELECT ${1}::int AS unmarked`;
    await list();
    return list();
  });
  expect(names).toHaveLength(1);
  expect(names[0]?.name).toMatch(/^openticket_[0-9a-f]{40}$/);
  expect(names[0]?.statement).toContain("pg_prepared_statements");
});
