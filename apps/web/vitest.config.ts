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
    // A page reacting to a click is quick on an idle machine and several seconds on a busy
    // 2-core one: polls wait up to 15 s (vitest's default of 1 s made the consoles' tests flaky).
    expect: { poll: { timeout: 15_000 } },
  },
});
