// One LedgerError class for the user, although each entry point of the BUILT package bundles its own
// copy and the ESM and CommonJS builds are separate files: `instanceof` must hold across all of them.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '..', '..', 'dist');
const require = createRequire(import.meta.url);

type Root = typeof import('../../src/index.js');
type Scoring = typeof import('../../src/scoring/index.js');

/** The error `fn` throws. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('LedgerError is one class across entry points and module formats (dist)', () => {
  let esm: { root: Root; scoring: Scoring };
  let cjs: { root: Root; scoring: Scoring };

  beforeAll(async () => {
    expect(existsSync(join(dist, 'index.js')), 'run `npm run build` first').toBe(true);
    const load = (entry: string) => import(pathToFileURL(join(dist, `${entry}.js`)).href);
    esm = { root: (await load('index')) as Root, scoring: (await load('scoring')) as Scoring };
    cjs = { root: require(join(dist, 'index.cjs')) as Root, scoring: require(join(dist, 'scoring.cjs')) as Scoring };
  });

  it('the entry points really are separate copies (the case this guards)', () => {
    expect(esm.root.LedgerError).not.toBe(cjs.root.LedgerError);
    // scoring's own copy of the class: the constructor of an error it throws
    expect((thrownBy(() => esm.scoring.brierScore(2, true)) as object).constructor).not.toBe(esm.root.LedgerError);
  });

  it('an error from forecast-ledger/scoring is a LedgerError of the root entry point, ESM and CJS', () => {
    for (const scoring of [esm.scoring, cjs.scoring]) {
      const error = thrownBy(() => scoring.brierScore(2, true));
      for (const root of [esm.root, cjs.root]) {
        expect(error).toBeInstanceOf(root.LedgerError);
        expect(error).not.toBeInstanceOf(root.LedgerValidationError);
      }
      expect((error as { code: string }).code).toBe('validation_failed');
    }
  });

  it('a LedgerValidationError from forecast-ledger/scoring is one of the root entry point, ESM and CJS', () => {
    for (const scoring of [esm.scoring, cjs.scoring]) {
      const error = thrownBy(() => scoring.buildScorecard({ forecasters: [], questions: [], forecasts: [] }, 'alice', { asof: 'x' } as never));
      for (const root of [esm.root, cjs.root]) {
        expect(error).toBeInstanceOf(root.LedgerValidationError);
        expect(error).toBeInstanceOf(root.LedgerError);
      }
      expect((error as { code: string }).code).toBe('unknown_option');
    }
  });

  it('errors of the ESM build are instances of the CJS classes and the reverse', () => {
    const fromEsm = thrownBy(() => esm.root.resolveHorizon('not a date', '+1y'));
    const fromCjs = thrownBy(() => cjs.root.resolveHorizon('not a date', '+1y'));
    for (const root of [esm.root, cjs.root]) {
      for (const error of [fromEsm, fromCjs]) {
        expect(error).toBeInstanceOf(root.LedgerValidationError);
        expect(error).toBeInstanceOf(root.LedgerError);
      }
    }
    const plain = thrownBy(() => cjs.root.canonicalJson(Number.NaN));
    expect(plain).toBeInstanceOf(esm.root.LedgerError);
    expect(plain).not.toBeInstanceOf(esm.root.LedgerValidationError);
  });

  it('errors of forecast-ledger/importers (a hostile argument, a malformed export) are LedgerErrors of the root, ESM and CJS', async () => {
    type Importers = typeof import('../../src/importers/index.js');
    const importers = [(await import(pathToFileURL(join(dist, 'importers.js')).href)) as Importers, require(join(dist, 'importers.cjs')) as Importers];
    for (const entry of importers) {
      const errors = [thrownBy(() => entry.readMetaculus(null as never)), thrownBy(() => entry.fatebookToPredictions({ file: 'f.csv', text: 'a,b\n1,2' }))];
      for (const error of errors) {
        for (const root of [esm.root, cjs.root]) expect(error).toBeInstanceOf(root.LedgerValidationError);
        expect((error as { code: string }).code).toBe('validation_failed');
      }
    }
  });

  it('nothing else passes for a LedgerError, and a caller’s own subclass still works', () => {
    const { LedgerError } = esm.root;
    for (const value of [new Error('x'), { code: 'validation_failed', name: 'LedgerError' }, null, undefined, 'LedgerError', 1]) {
      expect(value instanceof LedgerError).toBe(false);
    }
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(revoked.proxy instanceof LedgerError).toBe(false);
    class MyError extends cjs.root.LedgerError {}
    const mine = new MyError('validation_failed', 'mine');
    expect(mine).toBeInstanceOf(MyError);
    expect(mine).toBeInstanceOf(LedgerError);
    expect(new LedgerError('validation_failed', 'theirs')).not.toBeInstanceOf(MyError);
  });
});
