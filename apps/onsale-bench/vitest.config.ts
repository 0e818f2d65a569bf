import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["@openticket/db/testing/global-setup"],
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
});
