// `import 'forecast-ledger'` and `forecast-ledger/scoring` load no database driver: better-sqlite3 (a
// native module) is loaded only when a SQLite ledger is opened. Checked on the BUILT package, in a
// fresh Node process per case, through import and require.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '..', '..', 'dist');

/** The script's last stdout line, parsed: the modules of better-sqlite3 loaded at each step. */
function run(args: string[], script: string): { before: number; after?: number } {
  const out = execFileSync(process.execPath, [...args, script], { encoding: 'utf8', cwd: dist });
  return JSON.parse(out.trim().split('\n').pop()!) as { before: number; after?: number };
}

/** Counts loaded modules of better-sqlite3: every CommonJS module (the driver is one) lands in require.cache, also when ESM imports it. */
const COUNT = "Object.keys(require.cache).filter((k) => k.includes('better-sqlite3')).length";

describe('no driver is loaded until a ledger is opened (dist)', () => {
  beforeAll(() => {
    expect(existsSync(join(dist, 'index.js')), 'run `npm run build` first').toBe(true);
  });

  it.each(['index', 'scoring'])('import of dist/%s.js loads no driver', (entry) => {
    const url = pathToFileURL(join(dist, `${entry}.js`)).href;
    const script = `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const lib = await import(${JSON.stringify(url)});
const before = ${COUNT};
let after;
if (lib.openLedger) { const ledger = await lib.openLedger(':memory:'); after = ${COUNT}; await ledger.close(); }
console.log(JSON.stringify({ before, after }));`;
    const counts = run(['--input-type=module', '-e'], script);
    expect(counts.before).toBe(0);
    // The check sees the driver once a SQLite ledger is opened (so a 0 above means something).
    if (entry === 'index') expect(counts.after).toBeGreaterThan(0);
  });

  it.each(['index', 'scoring'])('require of dist/%s.cjs loads no driver', (entry) => {
    const script = `const lib = require(${JSON.stringify(join(dist, `${entry}.cjs`))});
const before = ${COUNT};
(async () => {
  let after;
  if (lib.openLedger) { const ledger = await lib.openLedger(':memory:'); after = ${COUNT}; await ledger.close(); }
  console.log(JSON.stringify({ before, after }));
})();`;
    const counts = run(['-e'], script);
    expect(counts.before).toBe(0);
    if (entry === 'index') expect(counts.after).toBeGreaterThan(0);
  });

  it('forecast-ledger/sqlite is where the store is, with the driver', () => {
    const script = `const lib = require(${JSON.stringify(join(dist, 'sqlite.cjs'))});
const store = lib.SqliteStore.open(':memory:');
console.log(JSON.stringify({ before: ${COUNT} > 0 ? 1 : 0, after: store.capabilities.fileBackup ? lib.DURABILITY_LEVELS.length : 0 }));`;
    expect(run(['-e'], script)).toEqual({ before: 1, after: 2 });
  });
});
