// ESLint flat config: the walls between the layers (ARCHITECTURE.md: which way imports go), plus @eslint/js and
// typescript-eslint's recommended rules and the rules of hooks. typescript-eslint's type-aware set
// (recommendedTypeChecked) is left out for now: it quadrupled the lint time (about 50 s of CPU instead of 11) and its
// ~100 findings are mostly unbound-method and require-await; switch it on when those are worked through.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**', '**/test-fixtures/**', 'src/integration/**', 'e2e/**'];

// What of the engine the Node-only relay and demo may import: the relay's wire contract (request, answer, grant,
// forbidden-header list) and the model's plain data types it is made of (the model imports nothing). Nothing else in
// the engine is theirs to import.
const RELAY_CONTRACT_FILES = ['src/engine/relay/contract.ts', 'src/engine/model/*.ts'];
// The one file of src/serve that src/app's Vite plugin shares: the CSP directive table and the security headers.
const SHARED_POLICY_FILES = ['src/serve/content-security-policy.ts'];

// Which layer may import which. Anything not allowed here is refused (`default: 'disallow'`); imports inside one
// element (one layer, or one feature folder) are not checked. Packages (react, node:http, …) are not checked by this
// rule: see `no-restricted-imports` below.
const LAYER_IMPORTS = {
  engine: [],
  ui: ['engine'],
  feature: ['ui', 'engine'],
  app: ['feature', 'ui', 'engine'],
  cli: ['engine', 'relay', 'demo', 'serve'],
  relay: [],
  // The demo starts the relay next to its servers (npm start), and shares its HTTP listener; the packaged `demo`
  // serves the built app through the static server.
  demo: ['relay', 'serve'],
  // The packaged static server (src/serve): Node only, like the relay.
  serve: [],
  // Tests that cross layers on purpose: the real demo, relay and engine together, or hostile input through any layer.
  integration: ['engine', 'ui', 'feature', 'app', 'cli', 'relay', 'demo', 'serve'],
};

// Tests are looser: a test file (*.test.ts[x], test-support/, test-fixtures/) may import what its layer may, plus any
// test-support or test-fixtures folder, src/integration, the engine, and the demo and relay, so it can start the real
// servers instead of mocking them. src/integration may import every layer. A test still may not reach into another
// feature, or from the engine into the UI. Production code never imports test code (see TEST_CODE below).
// e2e/, scripts/, bench/ and the root config files are outside these walls.
const TEST_MAY_ALSO_IMPORT = ['demo', 'relay', 'integration', 'engine'];

const REACT_PACKAGES = ['react', 'react/*', 'react-dom', 'react-dom/*', '@xyflow/*', '@tanstack/*'];
const ENGINE_NO_REACT = { group: REACT_PACKAGES, message: 'The engine is plain TypeScript: no React or React libraries (ARCHITECTURE).' };
const ENGINE_NO_NODE = { group: ['node:*'], message: 'The engine runs in the browser too: Node modules only in its tests (ARCHITECTURE).' };
const NODE_NO_REACT = { group: REACT_PACKAGES, message: 'Node-only code renders nothing: no React.' };
// Inside one layer the boundaries rule does not look, so this keeps production code off test helpers.
const TEST_CODE = {
  group: ['**/test-support/**', '**/test-fixtures/**', '**/integration/**', '**/*.test.*'],
  message: 'Production code does not import test code.',
};
const NODE_ONLY_GLOBALS = ['process', 'Buffer', 'global', 'require', 'module', '__dirname', '__filename', 'setImmediate', 'clearImmediate'];

export default defineConfig([
  globalIgnores(['node_modules/', 'dist/', '.cache/', 'test-results/', 'playwright-report/', 'blob-report/', 'bench/out/', 'docs/']),

  // A disable comment that no longer disables anything is stale: fail on it. Where a rule is disabled on purpose, say
  // why after `--` (e.g. `// eslint-disable-next-line no-control-regex -- finding control characters is the point`).
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // The house style, as in TypeScript's noUnusedLocals/Parameters: a leading underscore marks "unused on purpose".
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },

  // Where each part runs.
  { files: ['src/app/**', 'src/features/**', 'src/ui/**'], languageOptions: { globals: globals.browser } },
  { files: ['src/engine/**'], languageOptions: { globals: globals['shared-node-browser'] } },
  {
    files: [
      'src/cli/**',
      'src/demo/**',
      'src/relay/**',
      'src/serve/**',
      'src/integration/**',
      'scripts/**',
      'bench/**',
      'e2e/**',
      'interop/**',
      '*.{js,ts,mjs,cjs}',
      ...TEST_FILES,
    ],
    languageOptions: { globals: globals.node },
  },

  // React: hooks only where React lives. (The engine has a plain function named useClientMetadataDocument.)
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/features/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  // The walls between layers.
  {
    files: ['src/**/*.{ts,tsx,mjs}'],
    plugins: { boundaries },
    settings: {
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/elements': [
        { type: 'engine', pattern: 'src/engine', partialMatch: false },
        { type: 'ui', pattern: 'src/ui', partialMatch: false },
        { type: 'feature', pattern: 'src/features/*', capture: ['feature'], partialMatch: false },
        { type: 'app', pattern: 'src/app', partialMatch: false },
        { type: 'cli', pattern: 'src/cli', partialMatch: false },
        { type: 'relay', pattern: 'src/relay', partialMatch: false },
        { type: 'demo', pattern: 'src/demo', partialMatch: false },
        { type: 'serve', pattern: 'src/serve', partialMatch: false },
        { type: 'integration', pattern: 'src/integration', partialMatch: false },
      ],
      'boundaries/files': [
        { category: 'test', pattern: TEST_FILES },
        { category: 'relay-contract', pattern: RELAY_CONTRACT_FILES },
        { category: 'shared-policy', pattern: SHARED_POLICY_FILES },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          // An import of a file that matches no element (e.g. src/engine/x.ts → ../../e2e/…) is refused too.
          checkUnknownLocals: true,
          policies: [
            ...Object.entries(LAYER_IMPORTS)
              .filter(([, targets]) => targets.length > 0)
              .map(([layer, targets]) => ({ from: { element: { type: layer } }, allow: { to: { element: { types: { anyOf: targets } } } } })),
            {
              from: { element: { types: { anyOf: ['relay', 'demo', 'serve'] } } },
              allow: { to: { file: { categories: 'relay-contract' } } },
            },
            { from: { element: { type: 'app' } }, allow: { to: { file: { categories: 'shared-policy' } } } },
            { disallow: { to: { file: { categories: 'test' } } } },
            { from: { file: { categories: 'test' } }, allow: { to: { file: { categories: 'test' } } } },
            { from: { file: { categories: 'test' } }, allow: { to: { element: { types: { anyOf: TEST_MAY_ALSO_IMPORT } } } } },
          ],
          message: 'ARCHITECTURE: {{from.element.types}} may not import {{to.element.types}} ({{to.file.path}}).',
        },
      ],
    },
  },

  // Packages and test code, per layer. ESLint does not merge options of one rule across blocks (the last matching block
  // wins), so each block lists everything that applies to its files.
  { files: ['src/**'], ignores: TEST_FILES, rules: { 'no-restricted-imports': ['error', { patterns: [TEST_CODE] }] } },
  // The engine runs in the browser and in Node: no React, no Node modules, no Node-only globals (tsconfig.engine.json
  // keeps the DOM out). Its tests run in Node under Vitest and may use node: modules.
  { files: ['src/engine/**'], rules: { 'no-restricted-imports': ['error', { patterns: [ENGINE_NO_REACT] }] } },
  {
    files: ['src/engine/**'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': ['error', { patterns: [ENGINE_NO_REACT, ENGINE_NO_NODE, TEST_CODE] }],
      'no-restricted-globals': ['error', ...NODE_ONLY_GLOBALS.map((name) => ({ name, message: 'The engine runs in the browser too: no Node-only globals.' }))],
    },
  },
  // The Node-only parts render nothing.
  { files: ['src/cli/**', 'src/demo/**', 'src/relay/**', 'src/serve/**'], rules: { 'no-restricted-imports': ['error', { patterns: [NODE_NO_REACT] }] } },
  {
    files: ['src/cli/**', 'src/demo/**', 'src/relay/**', 'src/serve/**'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: [NODE_NO_REACT, TEST_CODE] }] },
  },
]);
