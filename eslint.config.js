// Lint: typescript-eslint's type-aware rules over every TypeScript file tsconfig.json checks. `npm test` runs it
// after the type check; knip (knip.jsonc) finds unused files, exports and dependencies.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const UNSAFE_ANY = ['no-unsafe-argument', 'no-unsafe-assignment', 'no-unsafe-call', 'no-unsafe-member-access', 'no-unsafe-return']
  .map((rule) => `@typescript-eslint/${rule}`);

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'infra/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // node:test's describe/it return promises that the runner awaits itself.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }] }],
      '@typescript-eslint/no-misused-promises': 'error',
      ...Object.fromEntries(UNSAFE_ANY.map((rule) => [rule, 'error'])),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
