import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // One PostgreSQL server and template for the run; ./test/app-server.ts starts `next start`.
    globalSetup: ["@openticket/db/testing/global-setup"],
    include: ["test/**/*.test.ts", "e2e/**/*.test.ts"],
    hookTimeout: 180_000,
    testTimeout: 90_000,
    // Each file starts its own server; two at once would starve this 2-core machine.
    fileParallelism: false,
  },
});
