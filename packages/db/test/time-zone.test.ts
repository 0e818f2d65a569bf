// Instants survive the round trip through Prisma whatever the database server's time zone.
import pg from "pg";
import { expect, it } from "vitest";
import { makeUser, useTestDatabase } from "../src/testing/index.ts";

const database = useTestDatabase();

it("stores the instant Prisma was given, as the server itself reads it", async () => {
  const { db, url, name } = database();
  // A server in a zone far from UTC, as a self-hosted one in Taipei would be.
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${name}" SET TimeZone = 'Asia/Taipei'`);
  await admin.end();

  const user = await makeUser(db);
  const instant = new Date("2026-12-31T16:30:00.000Z"); // 00:30 on 1 January in Taipei
  await db.user.update({ where: { id: user.id }, data: { suspendedAt: instant } });

  const reader = new pg.Client({ connectionString: url });
  await reader.connect();
  const { rows } = await reader.query<{ utc: string; taipei_day: string }>(
    `SELECT to_char(suspended_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS utc,
            to_char(suspended_at AT TIME ZONE 'Asia/Taipei', 'YYYY-MM-DD') AS taipei_day
     FROM users WHERE id = $1`,
    [user.id],
  );
  await reader.end();
  expect(rows[0]).toEqual({ utc: "2026-12-31T16:30", taipei_day: "2027-01-01" });
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).suspendedAt).toEqual(
    instant,
  );
});
