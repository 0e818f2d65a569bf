import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["./src/testing/global-setup.ts"],
    // Starting PostgreSQL while other tasks build can take a while on 2 cores.
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
