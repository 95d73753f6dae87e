import { existsSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// Library entry points, one per subpath export of package.json.
const entries: Record<string, string> = {
  index: 'src/index.ts',
  scoring: 'src/scoring/index.ts',
  predictions: 'src/predictions/index.ts',
  importers: 'src/importers/index.ts',
  sqlite: 'src/storage/sqlite/index.ts',
  postgres: 'src/storage/postgres/index.ts',
};

/**
 * `openLedger` imports a backend's module only when it opens a ledger of that kind
 * (src/storage/backends.ts). In the library build that dynamic import becomes the backend's own entry
 * point, left external (`./sqlite.js`, `./sqlite.cjs`), so the root entry point holds no driver
 * `import`: bundled in, ESM would hoist `import 'better-sqlite3'` to the top of dist/index.js.
 */
const backendEntries: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'backend-entries',
  setup(build) {
    const extension = build.initialOptions.outExtension?.['.js'] === '.cjs' ? 'cjs' : 'js';
    build.onResolve({ filter: /^\.\/(sqlite\/sqlite|postgres\/postgres)-store\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer.endsWith('backends.ts')
        ? { path: `./${args.path.split('/')[1]}.${extension}`, external: true }
        : undefined,
    );
  },
};

export default defineConfig([
  {
    entry: Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file))),
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    shims: true, // import.meta.url in the CJS build (used to find migrations/)
    splitting: false,
    treeshake: true,
    esbuildPlugins: [backendEntries],
  },
  ...(existsSync('src/cli/main.ts')
    ? [
        {
          entry: { cli: 'src/cli/main.ts' },
          format: ['esm' as const],
          sourcemap: true,
          target: 'node20',
          shims: true,
          // Commands are loaded with dynamic import(); splitting keeps `--help` from loading them all.
          splitting: true,
          banner: { js: '#!/usr/bin/env node' },
        },
      ]
    : []),
]);
