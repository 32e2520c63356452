// Lint configuration for the whole repository (ESLint flat config).
//
// resolvers/: AWS's own rules for APPSYNC_JS (@aws-appsync/eslint-plugin, `recommended`). That set
// is type-aware, so it runs with typescript-eslint's parser against tsconfig.resolvers.json (the
// resolver sources only, which keeps type-aware linting fast). The offline runtime enforces the
// same subset when it loads a bundle (local/src/appsync/runtime/compile/subset.ts, kept in step by
// compile/lint-parity.test.ts); this catches violations earlier, in the editor.
//
// Everything else, including resolver tests and their Node-only helpers: typescript-eslint's
// recommended syntax rules, without type information so it stays quick.
import appsync from '@aws-appsync/eslint-plugin';
import tseslint from 'typescript-eslint';

// definitions/text.ts, caching.ts and keys.ts are bundled into resolvers, so they obey the same subset.
const resolverFiles = ['resolvers/**/*.ts', 'definitions/text.ts', 'definitions/caching.ts', 'definitions/keys.ts'];
const resolverTestFiles = ['resolvers/**/*.test.ts', 'resolvers/**/testing/**'];
const lightRules = {
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
  // Tests and adapters sometimes need an escape hatch; flag it without failing the build.
  '@typescript-eslint/no-explicit-any': 'warn',
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/cdk.out/**', '**/.cruddur/**', 'web/src/graphql/**', '**/*.d.ts', 'coverage/**'],
  },
  {
    files: ['**/*.{ts,tsx,mts}'],
    ignores: resolverFiles,
    extends: [tseslint.configs.recommended],
    rules: lightRules,
  },
  {
    files: resolverFiles,
    ignores: resolverTestFiles,
    ...appsync.configs.recommended,
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: './tsconfig.resolvers.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  // local/ is an app-agnostic offline AppSync (decision 029): its parts get the app's values from
  // the AppDefinition the stack hands them, never from the app's folders. local/src/app/ is
  // Cruddur's definition and launcher (the app, not a part); tests and testing/ fixtures are not
  // parts either. One exception, by design (decision 039): app-definition.ts imports the shapes
  // definitions/ declares, as types only, so one definition is served by both renderers.
  {
    files: ['local/src/**/*.ts'],
    ignores: ['local/src/app/**', 'local/src/**/*.test.ts', 'local/src/**/testing/**', 'local/src/app-definition.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/definitions/*', '**/lambdas/*', '**/resolvers/*', '**/seed/*'], message: "local/'s parts receive app values through the AppDefinition (local/src/app-definition.ts), not from the app's folders." }] }],
    },
  },
  {
    files: resolverTestFiles,
    extends: [tseslint.configs.recommended],
    rules: lightRules,
  },
);
