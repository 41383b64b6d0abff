import { defineConfig } from "vitest/config";

// Three tiers, each with explicit timeouts sized for a shared machine whose cores are busy:
// - `fast` (`npm run test:fast`): the pure stages and the CLI in-process; no browser, no git, no child
//   processes, no full print. Seconds idle; the margin covers a machine ten times slower.
// - `process`: what waits on other programs: the compiled CLI as a real process, git, the workflow's
//   shell steps, a throwaway non-root user. Compiles dist/ first when it is stale.
// - `e2e`: prints real PDFs with Chromium; builds the 2024 report once for all files (tests/setup).
// `npm test` runs all three.
export default defineConfig({
  test: {
    reporters: ["default", "./tests/helpers/summary-reporter.ts"],
    projects: [
      {
        test: {
          name: "fast",
          include: ["tests/unit/**/*.test.ts", "tests/cli/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // GitHub's workflow parser imports its schema as JSON without an import attribute, which
          // Node 20 refuses; let Vite transform it instead.
          server: { deps: { inline: ["@actions/workflow-parser"] } },
        },
      },
      {
        test: {
          name: "process",
          include: ["tests/process/**/*.test.ts"],
          globalSetup: ["tests/setup/compiled-cli.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          server: { deps: { inline: ["@actions/workflow-parser"] } },
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/setup/compiled-cli.ts", "tests/setup/report-2024.ts"],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // Builds share a machine with 2 cores; one browser at a time keeps them from starving each other.
          fileParallelism: false,
        },
      },
    ],
  },
});
