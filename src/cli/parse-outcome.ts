import { LedgerError } from '../errors.js';
import { IsoDate, Slug } from '../model/primitives.js';
import type { Question } from '../model/question.js';
import type { Outcome } from '../model/resolution.js';
import { parseDecimal } from './flags.js';

const YES = new Set(['yes', 'y', 'true']);
const NO = new Set(['no', 'n', 'false']);

/**
 * Reads an `--outcome` by the kind of its question: yes/no (or true/false) for binary, a number for
 * numeric, an ISO date for date, an option id for categorical.
 *
 * @throws LedgerError `kind_mismatch` when the value does not fit the question's kind
 * @internal
 */
export function parseOutcome(question: Question, text: string): Outcome {
  const fail = (expected: string): never => {
    throw new LedgerError('kind_mismatch', `--outcome for ${question.kind} question "${question.id}": expected ${expected}, received ${JSON.stringify(text)}`, {
      details: { questionId: question.id, field: 'outcome' },
    });
  };
  const value = text.trim();
  switch (question.kind) {
    case 'binary':
      if (YES.has(value.toLowerCase())) return { kind: 'binary', value: true };
      if (NO.has(value.toLowerCase())) return { kind: 'binary', value: false };
      return fail('yes or no');
    case 'numeric': {
      const n = parseDecimal(value);
      return n !== undefined ? { kind: 'numeric', value: n } : fail(`a number${question.spec.unit ? ` in ${question.spec.unit}` : ''}`);
    }
    case 'date':
      return IsoDate.safeParse(value).success ? { kind: 'date', value } : fail('a real calendar date YYYY-MM-DD');
    case 'categorical': {
      const ids = question.spec.options.map((o) => o.id);
      return Slug.safeParse(value).success ? { kind: 'categorical', value } : fail(`one of ${ids.join(', ')}`);
    }
  }
}
