import { defineConfig } from "vitest/config";

// Two projects: `fast` (pure stages and the CLI without a browser) for the inner loop, and `e2e`
// (prints real PDFs with Chromium) for the full suite. `npm test` runs both.
export default defineConfig({
  test: {
    reporters: ["default", "./tests/helpers/summary-reporter.ts"],
    projects: [
      {
        test: {
          name: "fast",
          include: ["tests/unit/**/*.test.ts", "tests/cli/**/*.test.ts"],
          // GitHub's workflow parser imports its schema as JSON without an import attribute, which
          // Node 20 refuses; let Vite transform it instead.
          server: { deps: { inline: ["@actions/workflow-parser"] } },
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Builds share a machine with 2 cores; one browser at a time keeps them from starving each other.
          fileParallelism: false,
        },
      },
    ],
  },
});
