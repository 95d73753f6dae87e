import { IsoDate } from '../model/primitives.js';
import type { Question } from '../model/question.js';
import type { Outcome } from '../model/resolution.js';
import { UsageError } from './cli-error.js';
import { parseDecimal } from './flags.js';

const YES = new Set(['yes', 'y', 'true']);
const NO = new Set(['no', 'n', 'false']);

/**
 * Reads an `--outcome` by the kind of its question: yes/no (or true/false) for binary, a number for
 * numeric, an ISO date for date, one of the question's option ids for categorical.
 *
 * @remarks
 * A value that cannot be read so (`maybe` for a binary question, `yes` for a numeric one, an option
 * the question does not have) is a bad flag value, as `--help` says: a usage error, exit 2.
 *
 * @param hint - the next command to suggest, e.g. the `show` of the question
 * @throws UsageError `--outcome for <kind> question "<id>": expected …, received "…"`
 * @internal
 */
export function parseOutcome(question: Question, text: string, hint?: string): Outcome {
  const fail = (expected: string): never => {
    throw new UsageError(`--outcome for ${question.kind} question "${question.id}": expected ${expected}, received ${JSON.stringify(text)}`, hint);
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
      return ids.includes(value) ? { kind: 'categorical', value } : fail(`one of ${ids.join(', ')}`);
    }
  }
}
