import { existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

// Library entry points, one per subpath export of package.json.
const entries: Record<string, string> = {
  index: 'src/index.ts',
  scoring: 'src/scoring/index.ts',
  predictions: 'src/predictions/index.ts',
  importers: 'src/importers/index.ts',
  postgres: 'src/postgres.ts',
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
