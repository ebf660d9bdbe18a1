import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup/no-network.ts"],
    testTimeout: 20_000,
    // Hooks build whole repositories or validate every rule case at once: on a loaded 2-core
    // machine that takes longer than vitest's 10 s default. Generous, since no test depends on it.
    hookTimeout: 120_000,
    pool: "forks",
  },
});
