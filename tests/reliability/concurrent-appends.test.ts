// Several processes appending to one ledger at once, each write its own transaction, while another
// process verifies the ledger over and over: every acknowledged write is kept, the chain verifies
// throughout and at the end, and the history is gapless (tests/helpers/concurrent-appends.ts, the
// same run as PostgreSQL's in postgres.test.ts).
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { appendConcurrently } from '../helpers/concurrent-appends.js';
import { tempDir } from '../helpers/temp.js';
import { scaled } from './scale.js';

const WRITERS = 4;
const APPENDS = scaled(50, 500);

describe(`${WRITERS} processes × ${APPENDS} appends with a verifier running`, () => {
  it('keeps every write, and the chain verifies throughout', { timeout: 60_000 + APPENDS * WRITERS * 40 }, async () => {
    const { acknowledged, verifierRuns } = await appendConcurrently(join(tempDir(), 'ledger.sqlite'), WRITERS, APPENDS);
    console.info(`concurrent appends: ${acknowledged.length} acknowledged, all kept; verifier ran ${verifierRuns} times while writing, 0 failures`);
  });
});
