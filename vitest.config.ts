import { defineConfig } from 'vitest/config';
import { modelPresetsPlugin } from './scripts/vite-model-presets-plugin.ts';

export default defineConfig({
  // A component test that renders the workload inputs reaches the model presets (the context limit):
  // the same virtual modules the app gets, built from this repository's data/models.
  plugins: [modelPresetsPlugin()],
  test: {
    // RIGCAST_TEST_INCLUDE narrows the run to one area's tests (stryker.config.mjs sets it for a rigs run).
    include: [process.env.RIGCAST_TEST_INCLUDE ?? 'tests/**/*.test.ts'],
    // RIGCAST_TEST_EXCLUDE leaves out slow integration tests from an area's mutation run (stryker.config.mjs).
    exclude: ['tests/browser/**', 'node_modules/**', ...(process.env.RIGCAST_TEST_EXCLUDE?.split(',') ?? [])],
    environment: 'node',
    // The property tests (thousands of seeded links, configs and inventories) take about a second each on
    // an idle machine; on a loaded 2-core CI runner, or under StrykerJS's coverage instrumentation, they
    // took over the 5 s default. A slow test is not a wrong one: 30 s keeps the suite from failing on load.
    testTimeout: 30_000,
  },
});
