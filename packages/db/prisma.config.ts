// Prisma CLI configuration. Only `prisma generate` is used: migrations are applied by our own
// runner (src/migrate.ts), because Prisma's schema engine cannot be downloaded offline.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
  datasource: {
    // A placeholder keeps `generate` working when DATABASE_URL is unset; generate never connects.
    url: process.env.DATABASE_URL ?? "postgresql://placeholder@localhost:5432/placeholder",
  },
});
