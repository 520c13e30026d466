// dependency-cruiser: no import cycle anywhere in src, type-only imports included (the engine's cycle through
// `http/exchange.ts` and `cors/` started at an `import type`). It repeats the layer walls of eslint.config.js as a
// second, whole-graph check; the wording of each wall is in eslint.config.js.
// Run: npm run cycles
const TESTS = '(\\.test\\.tsx?$|/test-support/|/test-fixtures/|^src/integration/)';
// What of the engine the Node-only relay and demo may import: the relay's wire contract and the model's plain data
// types it is made of. Keep in step with RELAY_CONTRACT_FILES in eslint.config.js.
const RELAY_CONTRACT = '^src/engine/(relay/contract|model/[^/]+)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle (type-only imports count): split the shared part out, usually into src/engine/model.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'engine-imports-only-engine',
      severity: 'error',
      comment: 'src/engine is plain TypeScript for the browser and Node: no React, no app, feature, ui, demo, relay or cli code.',
      from: { path: '^src/engine/', pathNot: TESTS },
      to: { path: ['^src/(app|features|ui|demo|relay|cli|integration)/', '^node_modules/(react|react-dom|@xyflow|@tanstack)/'] },
    },
    {
      name: 'no-feature-to-feature',
      severity: 'error',
      comment: 'A feature never imports another feature: move what both need to src/ui or src/engine.',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'ui-imports-only-engine',
      severity: 'error',
      from: { path: '^src/ui/', pathNot: TESTS },
      to: { path: '^src/(app|features|demo|relay|cli)/' },
    },
    {
      name: 'features-import-ui-and-engine',
      severity: 'error',
      from: { path: '^src/features/', pathNot: TESTS },
      to: { path: '^src/(app|demo|relay|cli)/' },
    },
    {
      name: 'relay-and-demo-import-nothing-of-the-app',
      severity: 'error',
      comment: 'Node-only relay and demo: no app, feature, ui or cli code, and from the engine only the relay contract and the model.',
      from: { path: '^src/(relay|demo)/', pathNot: TESTS },
      to: { path: '^src/(app|features|ui|cli|engine)/', pathNot: RELAY_CONTRACT },
    },
    {
      name: 'cli-imports-engine-relay-demo',
      severity: 'error',
      from: { path: '^src/cli/', pathNot: TESTS },
      to: { path: '^src/(app|features|ui)/' },
    },
    {
      name: 'production-code-imports-no-tests',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: TESTS },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.cache|test-results)/' },
    // Count `import type` too: a cycle through types is still a cycle between modules.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
