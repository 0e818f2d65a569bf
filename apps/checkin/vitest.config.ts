import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // One PostgreSQL server and template for the run; the browser test starts OpenTicket on it.
    globalSetup: ["@openticket/db/testing/global-setup"],
    include: ["test/**/*.test.ts"],
    typecheck: { include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // A busy 2-core machine answers a click in seconds, not milliseconds.
    expect: { poll: { timeout: 15_000 } },
  },
});
