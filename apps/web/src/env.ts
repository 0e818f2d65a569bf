// The only module that reads process.env: every setting the web app uses, validated once.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.url().optional(),
  /** Extra origins allowed to call tRPC mutations (comma-separated), besides the app's own. */
  TRUSTED_ORIGINS: z.string().default(""),
});

const parsed = schema.parse(process.env);

export const env = {
  ...parsed,
  trustedOrigins: parsed.TRUSTED_ORIGINS.split(",")
    .map((origin) => origin.trim())
    .filter(Boolean),
};

/** Read at request time, not at build time, so that `next build` needs no database. */
export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `pnpm start` (embedded database) or set it.",
    );
  }
  return env.DATABASE_URL;
}
