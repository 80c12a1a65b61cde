// Mutation testing (StrykerJS): would the unit tests notice if a line of the core were wrong?
//   npm run test:mutation                              every area below (slow: tens of minutes)
//   MUTATION_AREA=rigs npm run test:mutation           one area: memory | projection | scenario | rigs
//   npm run test:mutation -- --mutate "src/core/memory/kv-cache.ts"   any glob (the CLI wins over the file)
// The JSON report goes to reports/mutation/mutation.json, or mutation-<area>.json for one area (gitignored);
// an HTML report beside it. Runs are incremental (one state file per area), so a second run re-tests only
// the mutants whose code or tests changed. Not part of `npm test`: a full run takes far longer than the suite's 5-minute budget.

/** @type {Record<string, string[]>} */
const AREAS = {
  memory: ['src/core/memory/**/*.ts'],
  projection: ['src/core/projection/**/*.ts'],
  scenario: ['src/scenario/**/*.ts'],
  rigs: ['src/core/rigs/**/*.ts'],
};

/** Where an area's own tests are. A run of one area uses only these: the core is also exercised by slow
 *  integration tests (budget and hardware sweeps, projection histories over the real dataset, the app's
 *  state: seconds per mutant), so a one-area score is a lower bound. A run of every area uses every test. */
const AREA_TESTS = {
  memory: 'tests/core/memory/**/*.test.ts',
  projection: 'tests/core/projection/**/*.test.ts',
  scenario: 'tests/scenario/**/*.test.ts',
  rigs: 'tests/core/rigs/**/*.test.ts',
};

/** Slow tests an area's run leaves out: they cover nearly every line of the area, so every mutant would pay for
 *  them. The projection's answer steps run the whole real dataset (3.4 s + 1.0 s per mutant on an idle machine,
 *  hours for the area); the memory invariants sweep every preset and format (6 s per mutant). The score
 *  without them is a lower bound. */
const AREA_EXCLUDE = {
  projection: ['tests/core/projection/answer-steps.test.ts'],
  memory: ['tests/core/memory/invariants.test.ts'],
};

const area = process.env.MUTATION_AREA ?? 'all';
if (area !== 'all' && !(area in AREAS)) {
  throw new Error(`MUTATION_AREA=${area}: expected one of ${Object.keys(AREAS).join(', ')} or all`);
}
// vitest.config.ts reads this (the test processes Stryker starts inherit the environment).
if (area in AREA_TESTS) process.env.RIGCAST_TEST_INCLUDE = AREA_TESTS[area];
if (area in AREA_EXCLUDE) process.env.RIGCAST_TEST_EXCLUDE = AREA_EXCLUDE[area].join(',');

// A run of every area writes mutation.json; a run of one area writes mutation-<area>.json beside it.
const report = area === 'all' ? 'mutation' : `mutation-${area}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: true },
  // Mutants run only against the tests that cover them.
  coverageAnalysis: 'perTest',
  mutate: area === 'all' ? Object.values(AREAS).flat() : AREAS[area],
  // Two cores shared with other work: one test process unless told otherwise (--concurrency 2).
  concurrency: 1,
  incremental: true,
  // A mutant in code that runs when a module loads (a catalog table, a constant) would need every test
  // re-run in a fresh process; those are left out of the run and counted as ignored in the report.
  ignoreStatic: true,
  incrementalFile: `reports/mutation/incremental-${area}.json`,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${report}.json` },
  htmlReporter: { fileName: `reports/mutation/${report}.html` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // TypeScript types are not mutated; a mutant the type checker would reject is still run (the tests see it).
  disableTypeChecks: '{src,tests}/**/*.{ts,tsx}',
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 10_000,
  // One sandbox folder per area, so runs of two areas at once do not remove each other's sandbox.
  tempDirName: `.stryker-tmp-${area}`,
  // Stryker rewrites tsconfig paths that leave the sandbox with TypeScript's JS API, which TypeScript 7 (the
  // native compiler) no longer has. Our tsconfig files point nowhere outside the project, so there is nothing
  // to rewrite: naming a file that does not exist skips the step.
  tsconfigFile: 'tsconfig.no-rewrite.json',
  // The browser tests, build output and reports are not needed to run the unit tests.
  ignorePatterns: ['dist', 'reports', 'tests/browser/screenshots', '.bench', '.stryker-tmp-*'],
};
