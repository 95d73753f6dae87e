import { shellQuote, type CommandContext } from '../context.js';
import { dateFlag, parseSlug, slugFlag, textFlag } from '../flags.js';
import { withLedger } from '../ledger-session.js';
import { describeProbability, oneLineForecaster, probabilityArgument } from '../one-line-forecaster.js';
import { findDueDate, notCalendarDates } from '../../core/one-line-forecast.js';
import { UsageError } from '../cli-error.js';
import { todayUtc } from '../iso-dates.js';

/** `forecast-ledger predict "<question>" <probability>`: a binary question and a forecast on it, in one write. */
export async function run(ctx: CommandContext): Promise<void> {
  const [text = '', probabilityText = ''] = ctx.positionals;
  if (!text.trim())
    throw new UsageError('predict: expected the question as text, received an empty string', 'e.g. forecast-ledger predict "Will X happen by 2027-06-30?" 70%');
  const read = probabilityArgument(probabilityText);
  const by = dateFlag(ctx, 'by');
  const wrong = by ? [] : notCalendarDates(text);
  if (wrong.length) {
    throw new UsageError(
      `predict: expected a due date in the calendar, received ${wrong.join(', ')} in the text: fix the date, or pass --by <YYYY-MM-DD>`,
      ctx.cli(`predict ${shellQuote(text)} ${shellQuote(probabilityText)} --by <YYYY-MM-DD>`),
    );
  }
  const due = by ?? findDueDate(text);
  if (!due) {
    throw new UsageError(
      `predict: expected a due date, received none: the text names no date (2027-06-30, "by 2027") and --by is not given`,
      ctx.cli(`predict ${shellQuote(text)} ${shellQuote(probabilityText)} --by <YYYY-MM-DD>`),
    );
  }
  if (due < todayUtc()) {
    throw new UsageError(
      `predict: expected a due date from today on, received ${due} (${by ? 'from --by' : 'the date in the text'}): a forecast must be made before its question is due`,
      'pass --by <date> with a date to come',
    );
  }
  const forecaster = oneLineForecaster(ctx);
  const id = slugFlag(ctx, 'id');
  const criteria = textFlag(ctx, 'criteria');
  const tags = ctx.strings('tag').map((t) => parseSlug(t, 'tag'));
  await withLedger(ctx, { create: true }, async (ledger) => {
    const result = await ledger.predict({
      text,
      probability: probabilityText,
      forecasterId: forecaster.id,
      ...(by ? { by } : {}),
      ...(id ? { id } : {}),
      ...(criteria ? { criteria } : {}),
      tags,
    });
    const { question, forecast } = result;
    ctx.out.result(result);
    if (result.forecasterAdded) ctx.out.info(`added forecaster ${forecaster.id} (a person; from ${forecaster.from})`);
    ctx.out.success(`${forecaster.id} says ${describeProbability(read)} on ${question.id}`);
    ctx.out.info(
      `due ${question.resolution.resolveOn} (${result.dueDateFrom === 'by' ? 'from --by' : 'the date in the text; pass --by <date> to change it'}); forecast ${forecast.id} made ${forecast.madeAt}`,
    );
    ctx.out.info(`update it: ${ctx.cli(`forecast ${question.id} <probability>`)}`);
  });
}
