// Packs the package as npm would publish it, installs the tarball into an empty project, and uses
// it there through `import` and `require`, with its types checked by tsc: what a user gets.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const root = join(import.meta.dirname, '..', '..');
const run = (cmd: string, args: string[], cwd: string): string => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the packed package', () => {
  it('installs from its tarball and works through import and require, with types', () => {
    expect(existsSync(join(root, 'dist', 'index.js')), 'run `npm run build` first').toBe(true);
    const dir = tempDir('forecast-ledger-consumer-');
    run('npm', ['pack', '--silent', '--pack-destination', dir], root);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    // --ignore-scripts: better-sqlite3 is not recompiled here; the repository's build is linked in below.
    run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', `./${tarball}`, '@types/node@20'], dir);
    const modules = join(dir, 'node_modules');
    rmSync(join(modules, 'better-sqlite3'), { recursive: true, force: true });
    symlinkSync(join(root, 'node_modules', 'better-sqlite3'), join(modules, 'better-sqlite3'), 'dir');

    const shipped = run('npm', ['pack', '--dry-run', '--json'], root);
    const files = (JSON.parse(shipped) as [{ files: { path: string }[] }])[0].files.map((f) => f.path);
    expect(files.filter((f) => !/^(dist|migrations|predictions|schema)\//.test(f)).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']);

    writeFileSync(
      join(dir, 'esm.mts'),
      `import { openLedger, type VerifyReport } from 'forecast-ledger';
const ledger = await openLedger(':memory:');
const report = await ledger.importPredictions('node_modules/forecast-ledger/predictions');
const verified: VerifyReport = await ledger.verify();
console.log(JSON.stringify({ questions: report.added.questions, ok: verified.ok }));
`,
    );
    writeFileSync(
      join(dir, 'cjs.cts'),
      `import ledgerLib = require('forecast-ledger');
async function main(): Promise<void> {
  const ledger = await ledgerLib.openLedger(':memory:');
  await ledger.addForecaster({ id: 'x', name: 'X', type: 'person' });
  console.log(JSON.stringify({ forecasters: (await ledger.counts()).forecasters, code: ledgerLib.LEDGER_ERROR_CODES.includes('question_not_found') }));
}
void main();
`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          outDir: 'out',
          skipLibCheck: false,
          types: ['node'],
        },
      }),
    );
    run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], dir);
    const esm = JSON.parse(run(process.execPath, ['out/esm.mjs'], dir)) as { questions: number; ok: boolean };
    expect(esm.ok).toBe(true);
    expect(esm.questions).toBeGreaterThan(0);
    expect(JSON.parse(run(process.execPath, ['out/cjs.cjs'], dir))).toEqual({ forecasters: 1, code: true });
  }, 180_000);
});
