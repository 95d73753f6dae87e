// The public API as users get it from the built package: the sorted names each entry point exports,
// the same through import and require. A change here is an API change: review it, then update the
// snapshot with `npx vitest run tests/package/exports.test.ts -u`.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const require = createRequire(import.meta.url);

describe.each(['index', 'scoring', 'predictions', 'importers', 'sqlite', 'postgres'])('dist/%s', (entry) => {
  it('exports the same names through import and require', async () => {
    expect(existsSync(join(dist, `${entry}.js`)), 'run `npm run build` first').toBe(true);
    const esm = Object.keys(await import(pathToFileURL(join(dist, `${entry}.js`)).href)).sort();
    const cjs = Object.keys(require(join(dist, `${entry}.cjs`)) as object).sort();
    expect(cjs).toEqual(esm);
    expect(esm).toMatchSnapshot();
  });
});
