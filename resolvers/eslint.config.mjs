// AppSync's own lint rules for APPSYNC_JS (the "recommended" set is type-aware, hence the
// TypeScript parser). Used by `npx eslint -c resolvers/eslint.config.mjs resolvers`; a root
// config can spread this array (it is scoped to resolvers/).
import appsync from '@aws-appsync/eslint-plugin';
import tseslint from 'typescript-eslint';

const files = ['resolvers/**/*.ts'];
const ignores = ['resolvers/**/*.test.ts', 'resolvers/lib/testing/**'];

export default [
  { files, ignores, ...appsync.configs.recommended },
  { files, ignores, languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true } } },
];
