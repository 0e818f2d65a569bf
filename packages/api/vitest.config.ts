import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["@openticket/db/testing/global-setup"],
    hookTimeout: 120_000,
    testTimeout: 60_000,
    // Contention tests measure what happens under concurrency they create themselves; other
    // files running beside them on a 2-core machine would only add noise.
    fileParallelism: false,
  },
});
