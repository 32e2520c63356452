// Lint configuration for the whole repository (ESLint flat config).
//
// resolvers/: AWS's own rules for APPSYNC_JS (@aws-appsync/eslint-plugin, `recommended`). That set
// is type-aware, so it runs with typescript-eslint's parser against the root tsconfig (which
// includes resolvers/). The offline runtime enforces the same subset when it loads a bundle
// (local/src/appsync/runtime/compile/subset.ts); this catches it earlier, in the editor.
//
// Everything else: typescript-eslint's recommended syntax rules (no type information, so it stays fast).
import appsync from '@aws-appsync/eslint-plugin';
import tseslint from 'typescript-eslint';

const resolverFiles = ['resolvers/**/*.ts'];
const resolverIgnores = ['resolvers/**/*.test.ts'];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/cdk.out/**', '**/.cruddur/**', 'web/src/graphql/**', '**/*.d.ts', 'coverage/**'],
  },
  {
    files: ['**/*.{ts,tsx,mts}'],
    ignores: resolverFiles,
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: resolverFiles,
    ignores: resolverIgnores,
    ...appsync.configs.recommended,
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Resolver tests run in Node under vitest, not in APPSYNC_JS.
    files: resolverIgnores,
    extends: [tseslint.configs.recommended],
  },
);
