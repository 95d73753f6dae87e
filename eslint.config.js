// ESLint flat config. Prettier owns the layout (.prettierrc.json); ESLint looks for bugs: the
// type-aware rules of typescript-eslint (recommendedTypeChecked) over src/, tests/ and the TypeScript
// config files, plus a few type-aware rules chosen below for the bugs they catch. The .mjs scripts
// (bench/, scripts/, test workers) are outside the TypeScript project: they get the JavaScript rules.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Build output, generated pages and reports (also in .gitignore); see .prettierignore for the data files.
    ignores: ['dist/', 'docs-site/', 'site/', 'coverage/', 'reports/', '.tmp/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@stylistic': stylistic },
    rules: {
      // A switch over a union with no `default` must name every member: a new member (an error
      // code, an estimate kind, a change type) then fails lint where it is not handled.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // `import { type X }` for types, so erasing an import never drops a module's side effects by
      // surprise. `import('…')` types stay allowed: the package tests name the built dist/ types so.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // `return promise` inside try/catch skips the catch when the promise rejects.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // Deprecated APIs of our dependencies (zod v4 renamed `message` to `error`; `.finite()` is a no-op).
      '@typescript-eslint/no-deprecated': 'error',
      eqeqeq: ['error', 'smart'],
      // `_name` marks a value kept on purpose (a destructured field left out of the rest, a parameter
      // a signature requires).
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
      // Off: the house style makes every store and ledger method async even when its body is
      // synchronous (better-sqlite3), so that a server backend breaks no caller.
      '@typescript-eslint/require-await': 'off',
      // A committed `.only` silently skips the rest of the suite.
      'no-restricted-properties': [
        'error',
        ...['describe', 'it', 'test'].map((object) => ({ object, property: 'only', message: 'remove .only before committing' })),
      ],
      // Prettier keeps code within printWidth (160) but never rewraps a comment: this checks the
      // comment lines only (every line that does not start with //, /* or * is Prettier's). Long
      // strings are not split: a message or SQL statement reads best, and greps, as one literal.
      '@stylistic/max-len': ['error', { code: 160, ignoreUrls: true, ignorePattern: String.raw`^(?!\s*(?://|/\*|\*))` }],
    },
  },
  {
    // Tests read the CLI's JSON output (JSON.parse gives any) and use vitest's asymmetric matchers
    // (expect.stringContaining() is typed any): the no-unsafe-* family would flag every such line,
    // and the expect() around them is the check. The promise rules still hold there.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
);
