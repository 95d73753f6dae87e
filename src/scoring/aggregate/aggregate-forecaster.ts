import { LedgerError } from '../../errors.js';
import type { AggregateMethod } from '../../model/aggregate.js';
import type { Forecaster, ForecasterInput } from '../../model/forecaster.js';

/** What `Ledger.addAggregate` takes: an id, a name, a method and the members. */
export interface AggregateInput {
  /** The aggregate's forecaster id (a slug), e.g. `super-median`. */
  id: string;
  /** Its display name, e.g. `Superforecaster median`. */
  name: string;
  /** How members' forecasts are combined; see {@link AGGREGATE_METHODS}. */
  method: AggregateMethod;
  /** `'all'` (every non-aggregate forecaster, as it is when scored) or member ids. */
  members: 'all' | readonly string[];
  /** The extremizing factor d, for `extremized-geometric-mean-odds` only. */
  parameter?: number;
  /** A description shown with the forecaster. */
  description?: string;
}

/**
 * The forecaster record of an aggregate, after checking that each listed member is a forecaster of
 * the ledger and not itself an aggregate.
 *
 * @internal
 */
export function aggregateForecasterInput(input: AggregateInput, known: readonly Forecaster[]): ForecasterInput {
  if (Array.isArray(input.members)) {
    const byId = new Map(known.map((f) => [f.id, f]));
    for (const [i, id] of input.members.entries()) {
      const member = byId.get(id);
      if (!member) {
        throw new LedgerError(
          'forecaster_not_found',
          `aggregate "${input.id}" members[${i}]: expected a forecaster of the ledger, received unknown "${id}": add it first or use members: 'all'`,
          {
            details: { forecasterId: id, field: `members[${i}]` },
          },
        );
      }
      if (member.aggregate) {
        throw new LedgerError(
          'validation_failed',
          `aggregate "${input.id}" members[${i}]: expected a forecaster, received the aggregate "${id}": aggregates cannot be members`,
          {
            details: { forecasterId: id, field: `members[${i}]` },
          },
        );
      }
    }
  }
  const members = input.members === 'all' ? 'all' : [...input.members];
  return {
    id: input.id,
    name: input.name,
    type: 'organization',
    ...(input.description ? { description: input.description } : {}),
    aggregate: { method: input.method, members, ...(input.parameter === undefined ? {} : { parameter: input.parameter }) },
  };
}
