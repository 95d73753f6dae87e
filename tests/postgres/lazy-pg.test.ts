// `pg` is loaded only when a PostgreSQL ledger is opened: not by `import 'forecast-ledger'`, not by
// `forecast-ledger/scoring`, not by opening a SQLite ledger. Checked on the BUILT package, in a fresh
// Node process per case, through import and require.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../helpers/postgres.js';

const dist = join(import.meta.dirname, '..', '..', 'dist');

/** Loaded modules of pg (CommonJS: each lands in require.cache, also when ESM imports it). */
const COUNT = 'Object.keys(require.cache).filter((k) => /[\\\\/]node_modules[\\\\/]pg[\\\\/]/.test(k)).length';

function run(args: string[], script: string, env: Record<string, string> = {}): { before: number; sqlite?: number; postgres?: number } {
  const out = execFileSync(process.execPath, [...args, script], { encoding: 'utf8', cwd: dist, env: { ...process.env, ...env } });
  return JSON.parse(out.trim().split('\n').pop()!) as { before: number; sqlite?: number; postgres?: number };
}

describe('pg is loaded only when a PostgreSQL ledger is opened (dist)', () => {
  beforeAll(() => {
    expect(existsSync(join(dist, 'postgres.js')), 'run `npm run build` first').toBe(true);
  });

  it.each(['index', 'scoring'])('import of dist/%s.js loads no pg, nor does a SQLite ledger; a postgres:// one does', async (entry) => {
    const url = await freshDatabase();
    const script = `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const lib = await import(${JSON.stringify(pathToFileURL(join(dist, `${entry}.js`)).href)});
const before = ${COUNT};
let sqlite, postgres;
if (lib.openLedger) {
  await (await lib.openLedger(':memory:')).close(); sqlite = ${COUNT};
  await (await lib.openLedger(process.env.LEDGER_URL)).close(); postgres = ${COUNT};
}
console.log(JSON.stringify({ before, sqlite, postgres }));`;
    const counts = run(['--input-type=module', '-e'], script, { LEDGER_URL: url });
    expect(counts.before).toBe(0);
    if (entry === 'index') expect(counts).toMatchObject({ sqlite: 0, postgres: expect.any(Number) });
    if (entry === 'index') expect(counts.postgres).toBeGreaterThan(0);
  });

  it('require of dist/index.cjs loads no pg until a postgres:// ledger is opened', async () => {
    const url = await freshDatabase();
    const script = `const lib = require(${JSON.stringify(join(dist, 'index.cjs'))});
const before = ${COUNT};
(async () => {
  await (await lib.openLedger(process.env.LEDGER_URL)).close();
  console.log(JSON.stringify({ before, postgres: ${COUNT} }));
})();`;
    const counts = run(['-e'], script, { LEDGER_URL: url });
    expect(counts.before).toBe(0);
    expect(counts.postgres).toBeGreaterThan(0);
  });
});

describe('without pg installed', () => {
  it('opening a postgres:// ledger fails with storage_error saying to run npm install pg', () => {
    // A resolve hook that answers for `pg` as Node does when the package is not installed.
    const hook = `data:text/javascript,${encodeURIComponent(`export async function resolve(specifier, context, next) {
  if (specifier === 'pg') { const e = new Error("Cannot find package 'pg' imported from " + context.parentURL); e.code = 'ERR_MODULE_NOT_FOUND'; throw e; }
  return next(specifier, context);
}`)}`;
    const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hook)});`)}`;
    const script = `const lib = await import(${JSON.stringify(pathToFileURL(join(dist, 'index.js')).href)});
try { await lib.openLedger('postgres://ledger@127.0.0.1:1/forecasts'); console.log(JSON.stringify({ opened: true })); }
catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }`;
    const out = execFileSync(process.execPath, ['--import', register, '--input-type=module', '-e', script], { encoding: 'utf8', cwd: dist });
    const result = JSON.parse(out.trim().split('\n').pop()!) as { code: string; message: string };
    expect(result.code).toBe('storage_error');
    expect(result.message).toMatch(/opening a PostgreSQL ledger needs the pg package: .*Run npm install pg$/);
  });
});
