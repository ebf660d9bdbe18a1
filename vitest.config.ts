import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup/no-network.ts"],
    // Many tests start the real CLIs (a Node and tsx start-up each): on a 2-core machine shared
    // with other work that can take tens of seconds. Generous, since no test depends on it.
    testTimeout: 60_000,
    // Hooks build whole repositories or validate every rule case at once: on a loaded 2-core
    // machine that takes longer than vitest's 10 s default. Generous, since no test depends on it.
    hookTimeout: 120_000,
    pool: "forks",
  },
});
