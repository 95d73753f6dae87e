import { createInterface, type Interface } from 'node:readline/promises';
import { formatIssue, LedgerError, LedgerValidationError } from '../../errors.js';
import { UsageError } from '../cli-error.js';
import type { Ledger } from '../../ledger.js';
import type { Question } from '../../model/question.js';
import { IsoDate } from '../../model/primitives.js';
import { todayUtc } from '../../scoring/scorecard/_shared.js';
import type { CommandContext } from '../context.js';
import { overdueBy } from './due.js';
import { overdueQuestions, resolvedBy, type OverdueQuestion } from '../due-questions.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { asOfArgument, asOfFlag } from '../flags.js';
import { formatResolution } from '../format-values.js';
import { withLedger } from '../ledger-session.js';
import { parseOutcome } from '../parse-outcome.js';

/** What the outcome prompt accepts for a question of this kind. */
function outcomeHint(q: Question): string {
  switch (q.kind) {
    case 'binary':
      return 'yes/no';
    case 'numeric':
      return `a number${q.spec.unit ? ` in ${q.spec.unit}` : ''}`;
    case 'date':
      return 'a date YYYY-MM-DD';
    case 'categorical':
      return `one of ${q.spec.options.map((o) => o.id).join(', ')}`;
  }
}

/** The commands that record the outcome without a terminal, one block per question. */
function nonInteractiveCommands(ctx: CommandContext, questions: readonly OverdueQuestion[]): string[] {
  return questions.flatMap((q) => [
    `${q.id} (due ${q.resolveOn}): ${q.title}`,
    `  ${ctx.cli(`resolve ${q.id} --outcome <value> --resolved-on <date> --evidence <text>`)}`,
    `  ${ctx.cli(`annul ${q.id} --reason <text>`)}   (or --ambiguous)`,
  ]);
}

/**
 * Why an answer was refused, one line per problem (a message's own line breaks would print as `\n`), without the
 * library's advice on an option `review` has not got: for an outcome dated before forecasts, the `resolve` command
 * that keeps them as made after the outcome.
 */
function refused(ctx: CommandContext, questionId: string, error: LedgerError): void {
  const option = / \(allowForecastsAfterOutcome: true; CLI --allow-forecasts-after-outcome\)/;
  const lines = error instanceof LedgerValidationError ? [error.message.split('\n')[0]!, ...error.issues.map((i) => `  - ${formatIssue(i)}`)] : [error.message];
  ctx.out.warn(lines.map((line) => line.replace(option, '')));
  if (error.code === 'forecasts_after_outcome') {
    ctx.out.info(
      `if the outcome really was known before them: ${ctx.cli(`resolve ${questionId} --outcome <value> --resolved-on <date> --evidence <text> --allow-forecasts-after-outcome`)}`,
    );
  }
}

/** The session's answers end when the terminal closes (Ctrl-D) or the user types `quit`. */
class Prompt {
  #closed = false;
  readonly #closing: Promise<undefined>;
  constructor(readonly rl: Interface) {
    this.#closing = new Promise((resolve) => rl.once('close', () => ((this.#closed = true), resolve(undefined))));
  }
  /** The trimmed answer, or undefined once the input has ended. */
  async ask(text: string): Promise<string | undefined> {
    if (this.#closed) return undefined;
    const answer = await Promise.race([this.rl.question(text), this.#closing]);
    return answer?.trim();
  }
}

type Step = 'recorded' | 'skipped' | 'quit';

/** Asks until an answer passes `check` (which returns an error message, or nothing); undefined when the input ends. */
async function askUntil(ctx: CommandContext, prompt: Prompt, text: string, check: (answer: string) => string | undefined): Promise<string | undefined> {
  for (;;) {
    const answer = await prompt.ask(text);
    if (answer === undefined) return undefined;
    const problem = check(answer);
    if (!problem) return answer;
    ctx.out.warn(problem);
  }
}

/** One overdue question: shows it, asks for the outcome and evidence, and records them. */
async function reviewOne(ctx: CommandContext, ledger: Ledger, prompt: Prompt, q: OverdueQuestion, position: string): Promise<Step> {
  const { question } = await ledger.getQuestion(q.id);
  ctx.out.data(
    `\n${ctx.out.style('bold', `${position} ${q.id}`)}\n  ${q.title}\n  due ${q.resolveOn} (${overdueBy(q.daysLeft)})` +
      `; forecast by ${q.forecasters.join(', ') || 'nobody'}\n  resolved by: ${resolvedBy(q.resolution)}\n`,
  );
  const kinds = `${outcomeHint(question)}, annul, ambiguous, skip or quit`;
  for (;;) {
    const answer = await askUntil(ctx, prompt, `Outcome (${kinds}): `, (a) => (a ? undefined : `type ${kinds}`));
    if (answer === undefined || answer === 'quit' || answer === 'q') return 'quit';
    if (answer === 'skip' || answer === 's') return 'skipped';
    try {
      const annul = answer === 'annul' || answer === 'ambiguous';
      const outcome = annul ? undefined : parseOutcome(question, answer);
      const label = annul ? 'Reason' : 'Evidence (what shows the outcome)';
      const text = await askUntil(ctx, prompt, `${label}: `, (a) => (a ? undefined : `${label.split(' ')[0]} is required`));
      if (text === undefined) return 'quit';
      const today = todayUtc();
      const day = await askUntil(ctx, prompt, `Resolved on (YYYY-MM-DD, Enter for ${today}): `, (a) =>
        !a || IsoDate.safeParse(a).success ? undefined : `expected a real calendar date YYYY-MM-DD, received ${JSON.stringify(a)}`,
      );
      if (day === undefined) return 'quit';
      const resolvedOn = day || today;
      const resolution = outcome
        ? await ledger.resolve(q.id, { outcome, resolvedOn, evidence: [{ description: text }] })
        : answer === 'annul'
          ? await ledger.annul(q.id, { reason: text, resolvedOn })
          : await ledger.markAmbiguous(q.id, { reason: text, resolvedOn });
      ctx.out.success(`${q.id} ${formatResolution(resolution, question)}`);
      return 'recorded';
    } catch (error) {
      // A refused answer (an outcome that does not fit the kind, a date before a forecast…): say why and
      // ask again; nothing was written. The outcome parser speaks of the CLI flag; here it is a prompt.
      if (error instanceof UsageError) ctx.out.warn(error.message.replace(/^--outcome /, 'the outcome '));
      else if (error instanceof LedgerError) refused(ctx, q.id, error);
      else throw error;
    }
  }
}

/**
 * `forecast-ledger review`: walks the overdue questions on a terminal, asking for each outcome and its evidence;
 * without a terminal, refuses (exit 2) and prints the commands that record them instead.
 */
export async function run(ctx: CommandContext): Promise<ExitCode | undefined> {
  const asOf = asOfFlag(ctx);
  return withLedger(ctx, {}, async (ledger) => {
    const report = await overdueQuestions(ledger, { asOf });
    const stdin = ctx.io.stdin;
    if (!stdin?.isTTY || !ctx.io.stdout.isTTY) {
      const message = 'review needs a terminal: expected stdin and stdout to be a TTY, received a pipe or file';
      const hint = report.overdue ? `or list them: ${ctx.cli(`due --overdue${asOfArgument(ctx)}`)}` : `nothing is overdue on ${asOf}`;
      ctx.out.error(
        [
          message,
          ...(report.overdue
            ? [`record the ${report.overdue} overdue question${report.overdue === 1 ? '' : 's'} with:`, ...nonInteractiveCommands(ctx, report.questions)]
            : []),
        ],
        hint,
      );
      // With --json, the error document every command prints, with the overdue questions to record.
      ctx.out.result({
        error: {
          code: 'usage_error',
          message,
          exitCode: EXIT_CODES.usage,
          hint,
          overdue: report.questions.map(({ id, resolveOn, title }) => ({ id, resolveOn, title })),
        },
      });
      return EXIT_CODES.usage;
    }
    if (!report.overdue) {
      ctx.out.info(`nothing to review: no open question is past due on ${asOf}`);
      return undefined;
    }
    ctx.out.info(`${report.overdue} overdue question${report.overdue === 1 ? '' : 's'} to review; skip with "skip", stop with "quit" or Ctrl-D`);
    const rl = createInterface({ input: stdin, output: ctx.io.stdout as NodeJS.WritableStream, terminal: true });
    const prompt = new Prompt(rl);
    const tally = { recorded: 0, skipped: 0 };
    try {
      for (const [i, q] of report.questions.entries()) {
        const step = await reviewOne(ctx, ledger, prompt, q, `[${i + 1}/${report.questions.length}]`);
        if (step === 'quit') break;
        tally[step]++;
      }
    } finally {
      rl.close();
    }
    const left = report.overdue - tally.recorded;
    ctx.out.info(`recorded ${tally.recorded}, skipped ${tally.skipped}; ${left} still overdue`);
    return undefined;
  });
}
