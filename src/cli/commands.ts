import type { CommandSpec, OptionSpec } from './command-spec.js';
import { CONFIG_FILE, FORECASTER_ENV } from './one-line-config.js';

/** The default ledger file, relative to the working directory. @internal */
export const DEFAULT_DB = 'forecast-ledger.sqlite';

/** The environment variable that names the ledger file when `--db` is not given. @internal */
export const DB_ENV = 'FORECAST_LEDGER_DB';

/** Options every command accepts. @internal */
export const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  db: { type: 'string', value: '<file|url>', description: `the ledger: a SQLite file (default ./${DEFAULT_DB}) or a postgres:// URL; or $${DB_ENV}` },
  json: { type: 'boolean', description: 'print one machine-readable JSON document on stdout (messages stay on stderr)' },
  help: { type: 'boolean', short: 'h', description: 'show help for the command' },
};

const asOf: OptionSpec = { type: 'string', value: '<date>', description: 'count from this date instead of today (UTC), e.g. 2026-01-01' };
const asOfScores: OptionSpec = {
  type: 'string',
  value: '<date>',
  description: 'as things stood at the end of this date (UTC): later forecasts and resolutions left out',
};
const recordedBy: OptionSpec = { type: 'string', value: '<date>', description: 'as the ledger knew it at the end of this date (UTC), by recording time' };
const out: OptionSpec = { type: 'string', value: '<file>', description: 'write to this file instead of stdout' };
const evidence: OptionSpec = { type: 'string', multiple: true, value: '<text>', description: 'what shows the outcome; repeat for several pieces' };
const evidenceUrl: OptionSpec = {
  type: 'string',
  multiple: true,
  value: '<url>',
  description: 'where to read it; the n-th --evidence-url goes with the n-th --evidence',
};
const resolvedOn: OptionSpec = { type: 'string', value: '<date>', description: 'when the outcome became known (YYYY-MM-DD, UTC; today at the latest)' };
const allowAfterOutcome: OptionSpec = {
  type: 'boolean',
  description: 'record it even though forecasts were made after --resolved-on; they are kept as made after the outcome, never scored',
};
const outcome: OptionSpec = {
  type: 'string',
  value: '<value>',
  description: 'what happened, read by the question kind: yes/no (binary), a number (numeric), a date (date), an option id (categorical)',
};
const tag: OptionSpec = { type: 'string', value: '<tag>', description: 'only questions with this tag, e.g. forecastbench-market' };
const forecasterOption: OptionSpec = {
  type: 'string',
  value: '<id>',
  description: `who makes it (default: $${FORECASTER_ENV}, else "forecaster" in ./${CONFIG_FILE})`,
};
const idArg = { name: 'id', description: 'the question id (see `forecast-ledger list`)', required: true } as const;

/**
 * The command table: name, summary, options and examples of every command, and a loader that
 * imports its code only when it runs, so `--help` never loads the library or the database driver.
 *
 * @internal
 */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'init',
    summary: 'create an empty ledger database (or check an existing one)',
    usage: 'init [--db <file>]',
    description: 'Creates the database file with the current schema. Running it on an existing ledger changes nothing and reports what is in it.',
    positionals: [],
    options: {},
    examples: [
      { command: 'init', description: `create ./${DEFAULT_DB}` },
      { command: 'init --db ~/ledgers/pundits.sqlite', description: 'create a ledger elsewhere' },
    ],
    load: () => import('./commands/init.js'),
  },
  {
    name: 'migrate',
    summary: 'apply pending schema migrations and check the applied ones',
    usage: 'migrate [--db <file>]',
    description:
      'Checks every applied migration against its checksum and applies the pending ones, each in its own transaction. Other commands migrate on open too; run this to do it deliberately (before a backup, say).',
    positionals: [],
    options: {},
    examples: [{ command: 'migrate --db pundits.sqlite', description: 'bring an older ledger up to date' }],
    load: () => import('./commands/migrate.js'),
  },
  {
    name: 'import',
    summary: 'import prediction files (a file, or every *.json in a folder), all or nothing',
    usage: 'import <file|dir>',
    description:
      'Validates every record of every file and writes them in one transaction; if anything is wrong, every problem is listed (file, record id, field path) and nothing is written. Records already in the ledger are skipped, so importing twice changes nothing. Creates the ledger if needed.',
    positionals: [{ name: 'file|dir', description: 'a prediction file, or a folder of them', required: true }],
    options: {},
    examples: [
      { command: 'import predictions/', description: 'import every prediction file of the folder' },
      { command: 'import claims.json --json', description: 'import one file and print what was added as JSON' },
    ],
    load: () => import('./commands/import.js'),
  },
  {
    name: 'import-from',
    summary: "import another platform's export (ForecastBench …), keeping where each record came from",
    usage: 'import-from <platform> [files…] [--question-set <file>] [--forecast-set <file>] [--resolution-set <file>]',
    description:
      "Reads the platform's own export format, maps it to questions, forecasts and resolutions with their provenance (platform, original id, URL, file) and imports it all or nothing. What cannot be mapped is listed, never dropped silently; a malformed file names the file and record, and nothing is imported. Platforms: fatebook (CSV export), predictionbook (API JSON), metaculus (API JSON of posts with your forecasts), manifold (API JSON: markets and bets), forecastbench (question, forecast and resolution sets, .json or .json.gz; CC BY-SA 4.0 data: attribute it).",
    positionals: [
      { name: 'platform', description: 'fatebook, predictionbook, metaculus, manifold or forecastbench', required: true },
      { name: 'files', description: 'the export files (ForecastBench: forecast sets)', required: false, variadic: true },
    ],
    options: {
      'question-set': { type: 'string', value: '<file>', description: 'ForecastBench: the question set, e.g. 2024-07-21-human.json' },
      'forecast-set': { type: 'string', multiple: true, value: '<file>', description: 'ForecastBench: a forecast set; repeat for several' },
      'resolution-set': {
        type: 'string',
        value: '<file>',
        description: 'ForecastBench: the resolution set of the round (without it, every question stays open)',
      },
    },
    examples: [
      { command: 'import-from fatebook fatebook-export.csv', description: 'import your Fatebook forecasts' },
      { command: 'import-from manifold markets.json bets.json', description: 'import Manifold markets and your bets on them' },
      {
        command: 'import-from forecastbench --question-set 2024-07-21-human.json --forecast-set supers.json --resolution-set 2024-07-21_resolution_set.json',
        description: "import ForecastBench's 2024-07-21 human round",
      },
    ],
    load: () => import('./commands/import-from.js'),
  },
  {
    name: 'aggregate',
    summary: "add an aggregate forecaster: the median (or mean, …) of other forecasters' forecasts",
    usage: 'aggregate add <id> --method <method> --members all|<id>,… [--parameter <d>] [--name <text>]',
    description:
      "An aggregate has no forecasts of its own: on each question its forecast is computed from its members' standing forecasts when scores are read, and it is ranked like any forecaster. Methods: median, mean, geometric-mean-odds, extremized-geometric-mean-odds (with --parameter d), recency-weighted (Metaculus's community prediction).",
    positionals: [
      { name: 'action', description: 'add', required: true },
      { name: 'id', description: 'the aggregate forecaster id', required: true },
    ],
    options: {
      method: {
        type: 'string',
        value: '<method>',
        description: 'median, mean, geometric-mean-odds, extremized-geometric-mean-odds or recency-weighted',
        required: true,
      },
      members: { type: 'string', value: 'all|<id>,…', description: 'every forecaster (all) or a comma-separated list of forecaster ids', required: true },
      parameter: { type: 'string', value: '<d>', description: 'the extremizing factor of extremized-geometric-mean-odds, e.g. 2' },
      name: { type: 'string', value: '<text>', description: 'the display name (default: the id)' },
    },
    examples: [
      { command: 'aggregate add super-median --method median --members all --name "Superforecaster median"', description: 'the median of every forecaster' },
      {
        command: 'aggregate add pundit-pool --method extremized-geometric-mean-odds --parameter 2 --members alice,bob',
        description: 'an extremized pool of two',
      },
    ],
    load: () => import('./commands/aggregate.js'),
  },
  {
    name: 'list',
    summary: 'list questions, filtered by status, forecaster, tag, kind or due date',
    usage: 'list [filters]',
    positionals: [],
    options: {
      status: { type: 'string', multiple: true, value: '<status>', description: 'open, resolved, annulled or ambiguous; repeat or separate with commas' },
      forecaster: { type: 'string', value: '<id>', description: 'only questions this forecaster has forecast' },
      tag: { type: 'string', value: '<tag>', description: 'only questions with this tag' },
      kind: { type: 'string', value: '<kind>', description: 'binary, numeric, date or categorical' },
      'due-before': { type: 'string', value: '<date>', description: 'only questions due before this date' },
      'due-within': { type: 'string', value: '<span>', description: 'only questions due from today to today + span: 90d, 12w, 6m, 2y' },
      'as-of': asOf,
    },
    examples: [
      { command: 'list --status open --due-within 90d', description: 'open questions due in the next 90 days' },
      { command: 'list --forecaster goldman-sachs --tag copper', description: "Goldman Sachs's copper calls" },
      { command: 'list --kind numeric --json', description: 'numeric questions as JSON' },
    ],
    load: () => import('./commands/list.js'),
  },
  {
    name: 'show',
    summary: 'show a question: its forecasts, resolution and full history with hashes',
    usage: 'show <id>',
    positionals: [idArg],
    options: {},
    examples: [
      { command: 'show goldman-copper-lme-2027-average', description: 'everything recorded about one question' },
      { command: 'show goldman-copper-lme-2027-average --json', description: 'the same as JSON, events with their hashes' },
    ],
    load: () => import('./commands/show.js'),
  },
  {
    name: 'forecasters',
    summary: 'list forecasters with their claims made, resolved and pending, and hit rate',
    usage: 'forecasters',
    positionals: [],
    options: { 'as-of': asOf },
    examples: [{ command: 'forecasters', description: 'who is in the ledger, and how many of their claims are settled' }],
    load: () => import('./commands/forecasters.js'),
  },
  {
    name: 'predict',
    summary: 'record a forecast in one line: a yes/no question and your probability',
    usage: 'predict <question> <probability> [--by <date>] [--as <id>]',
    description: `Creates a binary question from the text (id: a slug of it; criteria: the text unless --criteria) and your forecast on it, made now, in one write. It comes due on --by, else on the date the text names (2027-06-30; "by 2027" → 2027-12-31), which the output confirms. The probability: 70%, 0.7, or a verbal term (likely, very unlikely, almost certain… on the IPCC and Kent scales), recorded as said. The forecaster: --as, else $${FORECASTER_ENV}, else "forecaster" in ./${CONFIG_FILE}; a new id is added as a person. Creates the ledger if needed.`,
    positionals: [
      { name: 'question', description: 'the question, quoted, e.g. "Will X happen by 2027-06-30?"', required: true },
      { name: 'probability', description: 'your probability of yes: 70%, 0.7 or a verbal term such as likely', required: true },
    ],
    options: {
      by: { type: 'string', value: '<date>', description: 'the date it comes due (default: the date in the text)' },
      as: forecasterOption,
      id: { type: 'string', value: '<id>', description: 'the question id (default: a slug of the text, made unique)' },
      criteria: { type: 'string', value: '<text>', description: 'what evidence settles it (default: the text)' },
      tag: { type: 'string', multiple: true, value: '<tag>', description: 'a tag; repeatable' },
    },
    examples: [
      { command: 'predict "Will X happen by 2027-06-30?" 70%', description: 'a question due 2027-06-30 and your 70% on it' },
      { command: 'predict "Will it snow in Paris this winter?" likely --by 2027-03-20 --as alice', description: 'a verbal probability, a date, a forecaster' },
    ],
    load: () => import('./commands/predict.js'),
  },
  {
    name: 'forecast',
    summary: 'update your forecast on a yes/no question, in one line',
    usage: 'forecast <question> <probability> [--as <id>]',
    description: `Records a new forecast, made now, on an existing binary question; your earlier one stays in the history and this one stands from now on. The probability and forecaster are read as by predict. For other kinds of question use add forecast.`,
    positionals: [idArg, { name: 'probability', description: 'your probability of yes: 65%, 0.65 or a verbal term', required: true }],
    options: { as: forecasterOption },
    examples: [{ command: 'forecast will-x-happen-by-2027-06-30 65%', description: 'you now think 65%' }],
    load: () => import('./commands/forecast.js'),
  },
  {
    name: 'add',
    summary: 'add a forecaster, question or forecast, from flags or a JSON file',
    usage: 'add [forecaster|question|forecast] [flags | --file <json>]',
    description:
      'With a type and --file, the file holds one record or an array of records of that type (the fields of a prediction file); without a type, --file is a prediction file with questions, forecasts and forecasters together. Either way all or nothing. Otherwise the record is built from flags. A forecast estimate is read by the kind of its question: --probability for binary (or id=p, repeated, for categorical), --point/--lower/--upper for numeric, --point/--earliest/--latest for date.',
    positionals: [{ name: 'forecaster|question|forecast', description: 'what to add; omit it with --file <prediction file>', required: false }],
    options: {
      file: { type: 'string', value: '<json>', description: 'read the record(s) from this JSON file instead of flags' },
      id: { type: 'string', value: '<id>', description: 'the new record’s id, a slug (forecasts get one from their content if omitted)' },
      name: { type: 'string', value: '<text>', description: 'forecaster: display name' },
      type: { type: 'string', value: '<type>', description: 'forecaster: person or organization' },
      affiliation: { type: 'string', value: '<text>', description: 'forecaster: who they speak for' },
      alias: { type: 'string', multiple: true, value: '<text>', description: 'forecaster: another name; repeatable' },
      description: { type: 'string', value: '<text>', description: 'forecaster: one line on who this is' },
      kind: { type: 'string', value: '<kind>', description: 'question: binary, numeric, date or categorical' },
      title: { type: 'string', value: '<text>', description: 'question: short title' },
      statement: { type: 'string', value: '<text>', description: 'question: the question in full (default: the title)' },
      'resolve-on': { type: 'string', value: '<date>', description: 'question: the date it comes due' },
      horizon: { type: 'string', value: '<text>', description: 'question: the horizon as worded (default: the due date)' },
      semantics: { type: 'string', value: '<by|at|not_before>', description: 'question: how the date is read (default: at for numeric, by otherwise)' },
      criteria: { type: 'string', value: '<text>', description: 'question: what evidence settles it' },
      unit: { type: 'string', value: '<unit>', description: 'numeric question: the unit, e.g. USD/t' },
      option: { type: 'string', multiple: true, value: '<id=label>', description: 'categorical question: an option; repeat for each' },
      tag: { type: 'string', multiple: true, value: '<tag>', description: 'question: a tag; repeatable' },
      stance: { type: 'string', value: '<stance>', description: 'question: forecast (default), plan or goal' },
      question: { type: 'string', value: '<id>', description: 'forecast: the question' },
      forecaster: { type: 'string', value: '<id>', description: 'forecast: who made it' },
      'made-at': { type: 'string', value: '<date>', description: 'forecast: when it was made (date or ISO instant)' },
      probability: {
        type: 'string',
        multiple: true,
        value: '<p|id=p>',
        description: 'forecast: probability (binary), or option=probability (categorical, repeat)',
      },
      point: { type: 'string', value: '<value>', description: 'forecast: point estimate, a number (numeric) or a date (date)' },
      lower: { type: 'string', value: '<n>', description: 'forecast: interval lower bound (numeric)' },
      upper: { type: 'string', value: '<n>', description: 'forecast: interval upper bound (numeric)' },
      level: { type: 'string', value: '<p>', description: 'forecast: the interval’s stated coverage, e.g. 0.9' },
      earliest: { type: 'string', value: '<date>', description: 'forecast: earliest date (date)' },
      latest: { type: 'string', value: '<date>', description: 'forecast: latest date (date)' },
      source: { type: 'string', value: '<id>', description: 'forecast: the source document it comes from' },
      excerpt: { type: 'string', value: '<text>', description: 'forecast: a short key phrase from the source' },
      note: { type: 'string', value: '<text>', description: 'forecast: a note on reading the claim' },
    },
    examples: [
      { command: 'add forecaster --id bob --name "Bob Smith" --type person', description: 'add a forecaster' },
      {
        command: 'add question --id fusion-2030 --kind binary --title "Fusion power on the grid by 2030" --resolve-on 2030-12-31 --criteria "IAEA report"',
        description: 'add a binary question',
      },
      { command: 'add forecast --question fusion-2030 --forecaster bob --probability 0.7 --made-at 2025-10-08', description: 'add a forecast' },
      { command: 'add question --file question.json', description: 'add a question (or an array of them) from a file' },
      { command: 'add --file new-claims.json', description: 'add the questions and forecasts of a prediction file' },
    ],
    load: () => import('./commands/add.js'),
  },
  {
    name: 'resolve',
    summary: 'record the outcome of a question, with evidence',
    usage: 'resolve <id> --outcome <value> --resolved-on <date> --evidence <text> [--evidence-url <url>] [--allow-forecasts-after-outcome]',
    positionals: [idArg],
    options: {
      outcome: { ...outcome, required: true },
      'resolved-on': { ...resolvedOn, required: true },
      evidence: { ...evidence, required: true },
      'evidence-url': evidenceUrl,
      'allow-forecasts-after-outcome': allowAfterOutcome,
    },
    examples: [
      {
        command:
          'resolve goldman-copper-lme-2027-average --outcome 10120 --resolved-on 2028-01-05 --evidence "LME 2027 average cash price" --evidence-url https://www.lme.com/',
        description: 'resolve a numeric question',
      },
      {
        command: 'resolve fusion-2030 --outcome no --resolved-on 2031-01-02 --evidence "No grid-connected plant in IAEA PRIS"',
        description: 'resolve a binary question',
      },
    ],
    load: () => import('./commands/resolve.js'),
  },
  {
    name: 'annul',
    summary: 'annul a question whose premise failed (or mark it ambiguous); it is never scored',
    usage: 'annul <id> --reason <text> [--ambiguous]',
    positionals: [idArg],
    options: {
      reason: { type: 'string', value: '<text>', description: 'why; required', required: true },
      ambiguous: { type: 'boolean', description: 'mark it ambiguous instead: the evidence cannot settle it' },
      'resolved-on': { type: 'string', value: '<date>', description: 'when (default: today, UTC)' },
      evidence,
      'evidence-url': evidenceUrl,
      'allow-forecasts-after-outcome': allowAfterOutcome,
    },
    examples: [
      { command: 'annul fusion-2030 --reason "The programme was cancelled in 2026"', description: 'annul a question' },
      { command: 'annul ai-gdp-share --ambiguous --reason "No agreed measure of AI GDP share"', description: 'mark a question ambiguous' },
    ],
    load: () => import('./commands/annul.js'),
  },
  {
    name: 'correct',
    summary: 'correct a wrong resolution; the earlier one stays in the history',
    usage: 'correct <id> --outcome <value> --resolved-on <date> --evidence <text> --reason <text>',
    positionals: [idArg],
    options: {
      outcome,
      'resolved-on': { ...resolvedOn, required: true },
      evidence,
      'evidence-url': evidenceUrl,
      reason: { type: 'string', value: '<text>', description: 'why the earlier resolution was wrong; required', required: true },
      status: { type: 'string', value: '<status>', description: 'the corrected status: resolved (default), annulled or ambiguous' },
      'allow-forecasts-after-outcome': allowAfterOutcome,
    },
    examples: [
      {
        command:
          'correct goldman-copper-lme-2027-average --outcome 10210 --resolved-on 2028-01-20 --evidence "LME revised annual average" --reason "LME revised December prices"',
        description: 'fix a wrong outcome',
      },
    ],
    load: () => import('./commands/correct.js'),
  },
  {
    name: 'clarify',
    summary: 'append fine print to a question without changing its meaning',
    usage: 'clarify <id> --text <text>',
    positionals: [idArg],
    options: {
      text: { type: 'string', value: '<text>', description: 'the fine print; required', required: true },
    },
    examples: [{ command: 'clarify copper-2027 --text "The LME cash settlement price counts, not the 3-month price"', description: 'add fine print' }],
    load: () => import('./commands/clarify.js'),
  },
  {
    name: 'amend',
    summary: "change a question's title, statement, criteria or due date, with the reason; forecasts keep the revision they were made against",
    usage: 'amend <id> [--title <text>] [--statement <text>] [--criteria <text>] [--resolve-on <date>] --reason <text>',
    positionals: [idArg],
    options: {
      title: { type: 'string', value: '<text>', description: 'the new title' },
      statement: { type: 'string', value: '<text>', description: 'the new statement' },
      criteria: { type: 'string', value: '<text>', description: 'the new resolution criteria' },
      'resolve-on': { type: 'string', value: '<date>', description: 'the new due date (refused when a forecast was made after its end)' },
      reason: { type: 'string', value: '<text>', description: 'why the question changes; required', required: true },
    },
    examples: [
      {
        command: 'amend copper-2027 --criteria "LME cash settlement, annual average" --reason "the monthly series was discontinued"',
        description: 'change the criteria',
      },
      { command: 'amend fusion-2030 --resolve-on 2031-06-30 --reason "the IAEA report moved to mid-2031"', description: 'move the due date' },
    ],
    load: () => import('./commands/amend.js'),
  },
  {
    name: 'comment',
    summary: 'add a comment to a question',
    usage: 'comment <id> --text <text> [--author <name>]',
    positionals: [idArg],
    options: {
      text: { type: 'string', value: '<text>', description: 'the comment; required', required: true },
      author: {
        type: 'string',
        value: '<name>',
        description: `who writes it (default: $${FORECASTER_ENV}, else "forecaster" in ./${CONFIG_FILE}, as for predict)`,
      },
    },
    examples: [{ command: 'comment copper-2027 --author alice --text "Chile output fell 5% in Q1"', description: 'comment on a question' }],
    load: () => import('./commands/comment.js'),
  },
  {
    name: 'withdraw',
    summary: 'withdraw a forecast; it stays in the history and stops counting in scores from then on',
    usage: 'withdraw <forecast-id> --reason <text>',
    positionals: [{ name: 'forecast-id', description: 'the forecast id (see `forecast-ledger show <question>` --json)', required: true }],
    options: {
      reason: { type: 'string', value: '<text>', description: 'why; required', required: true },
    },
    examples: [{ command: 'withdraw f-alice-copper --reason "entered on the wrong question"', description: 'withdraw a forecast' }],
    load: () => import('./commands/withdraw.js'),
  },
  {
    name: 'due',
    summary: 'what comes due next: open questions by due date',
    usage: 'due [--limit <n>] [--within <span>] [--overdue] [--fail-if-any]',
    description:
      'Lists open questions due from today on, soonest first, and counts the overdue ones (open questions past their date), which need resolving; says how many more there are when --limit cuts the list. With --overdue, lists those past due instead, longest overdue first, each with what would resolve it. With --fail-if-any, exits 1 when any open question is past due, so a scheduled job can nag.',
    positionals: [],
    options: {
      limit: { type: 'string', value: '<n>', description: 'how many (default 10; with --overdue, all)' },
      within: { type: 'string', value: '<span>', description: 'only those due within this span: 90d, 12w, 6m, 2y' },
      overdue: { type: 'boolean', description: 'list the open questions already past due, with the data or judge that would resolve each' },
      'fail-if-any': { type: 'boolean', description: 'exit 1 when any open question is past due (for a scheduled job)' },
      'as-of': asOf,
    },
    examples: [
      { command: 'due', description: 'the next ten questions to come due' },
      { command: 'due --within 6m --limit 50', description: 'everything due in the next six months' },
      { command: 'due --overdue', description: 'the questions past due, and what would resolve each' },
      { command: 'due --overdue --fail-if-any', description: 'in a scheduled job: fail while anything is past due' },
    ],
    load: () => import('./commands/due.js'),
  },
  {
    name: 'review',
    summary: 'record the outcomes of overdue questions one by one, on a terminal',
    usage: 'review [--as-of <date>]',
    description:
      'Walks the open questions past their due date, longest overdue first: shows each with what would resolve it and asks for the outcome (yes/no, a number, a date or an option, or annul, ambiguous, skip, quit), the evidence or reason, and the date it became known; records it as resolve, annul or annul --ambiguous would. Needs a terminal: without one it exits 2 and prints those commands for each overdue question.',
    positionals: [],
    options: { 'as-of': asOf },
    examples: [{ command: 'review', description: 'resolve what is overdue, one question at a time' }],
    load: () => import('./commands/review.js'),
  },
  {
    name: 'scorecard',
    summary: "a forecaster's scorecard (or every forecaster's) as a table, Markdown, HTML or JSON",
    usage: 'scorecard [forecaster] [--format table|markdown|html|json] [--out <file>]',
    positionals: [{ name: 'forecaster', description: 'the forecaster id; all forecasters when omitted', required: false }],
    options: {
      format: {
        type: 'string',
        value: '<format>',
        description: 'table (default), markdown (or md), html or json; html for every forecaster is the full report',
      },
      out,
      'as-of': asOfScores,
      'recorded-by': recordedBy,
      tag,
    },
    examples: [
      { command: 'scorecard goldman-sachs', description: "Goldman Sachs's scorecard as a table" },
      { command: 'scorecard goldman-sachs --format html --out goldman.html', description: 'as a self-contained HTML page' },
      { command: 'scorecard --format markdown > scorecards.md', description: 'every forecaster, as Markdown' },
    ],
    load: () => import('./commands/scorecard.js'),
  },
  {
    name: 'leaderboard',
    summary: 'forecasters ranked by their scores',
    usage: 'leaderboard [--format table|markdown|html|json] [--out <file>]',
    positionals: [],
    options: {
      format: { type: 'string', value: '<format>', description: 'table (default), markdown (or md), html or json' },
      out,
      'min-resolved': { type: 'string', value: '<n>', description: 'rank only forecasters with at least n resolved forecasts (default 1)' },
      'as-of': asOfScores,
      'recorded-by': recordedBy,
      tag,
    },
    examples: [
      { command: 'leaderboard', description: 'the ranking as a table' },
      { command: 'leaderboard --format markdown --out leaderboard.md', description: 'as Markdown' },
    ],
    load: () => import('./commands/leaderboard.js'),
  },
  {
    name: 'export',
    summary: 'export the ledger as JSON (re-importable), CSV or an iCalendar of due dates',
    usage: 'export [--format json|csv|ics] [--out <file>] [--bom]',
    description:
      "json: the whole ledger in the prediction-file format, which `import` reads back. csv: one row per forecast with its question and resolution (RFC 4180); a text cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a line break) is written with a leading ' (OWASP). ics: an RFC 5545 calendar with one all-day event per question on its due date, so your calendar reminds you when a claim comes due.",
    positionals: [],
    options: {
      format: { type: 'string', value: '<format>', description: 'json (default), csv or ics' },
      out,
      bom: { type: 'boolean', description: 'csv only: start with a UTF-8 byte order mark, so Excel reads non-English text correctly' },
    },
    examples: [
      { command: 'export --out backup.json', description: 'a backup that `import` restores' },
      { command: 'export --format csv --out forecasts.csv', description: 'a spreadsheet of every forecast' },
      { command: 'export --format csv --bom --out forecasts.csv', description: 'the same, for Excel' },
      { command: 'export --format ics --out due-dates.ics', description: 'a calendar to subscribe to' },
    ],
    load: () => import('./commands/export.js'),
  },
  {
    name: 'backup',
    summary: 'write a consistent, verified copy of the ledger to a new file',
    usage: 'backup --out <file> [--overwrite]',
    description:
      'Copies the ledger with SQLite’s online backup (one consistent snapshot, safe while other processes write), verifies the copy, and only then gives it its name. Refuses to replace an existing file unless --overwrite. Do not copy the .sqlite file by hand: the newest commits live in its -wal file until a checkpoint.',
    positionals: [],
    options: {
      out: { type: 'string', value: '<file>', description: 'the file to write', required: true },
      overwrite: { type: 'boolean', description: 'replace the file if it exists' },
    },
    examples: [
      { command: 'backup --out backups/ledger-2026-01-01.sqlite', description: 'a verified copy; prints its anchor' },
      { command: 'backup --out nightly.sqlite --overwrite', description: 'replace last night’s copy' },
    ],
    load: () => import('./commands/backup.js'),
  },
  {
    name: 'verify',
    summary: 'check the hash chain and every table against the history',
    usage: 'verify [--expect-head <seq:hash>] [--quick]',
    description:
      'Exits with 1 when anything was edited, removed, reordered or inserted behind the library’s back: events, derived tables, the schema (tables, indexes, triggers), or the file itself (SQLite’s integrity check). Keep the anchor it prints (<seq>:<hash>) somewhere else and pass it back with --expect-head to detect truncation or a recomputed chain too.',
    positionals: [],
    options: {
      'expect-head': {
        type: 'string',
        value: '<seq:hash>',
        description: 'an anchor recorded earlier, exactly as verify printed it; that event must still be in the history',
      },
      quick: { type: 'boolean', description: 'run SQLite’s quick_check instead of the full integrity_check (faster on a large ledger)' },
    },
    examples: [
      { command: 'verify', description: 'check the ledger' },
      { command: 'verify --expect-head 171:9f2c…', description: 'and check that an earlier head is still there' },
    ],
    load: () => import('./commands/verify.js'),
  },
  {
    name: 'site',
    summary: 'write a static website of the ledger: a page per forecaster, question and source, with search',
    usage: 'site --out <dir> [--title <text>] [--as-of <date>]',
    description:
      'Writes plain HTML pages that work from file:// and any static host, with no server and no request elsewhere: an index (leaderboard, due soon, overdue, recently resolved, calibration), one page per forecaster, question and source, a page to search and filter every claim, and the calendar (ledger.ics) and JSON export (ledger.json) as downloads. Prints the path of the index page.',
    positionals: [],
    options: {
      out: { type: 'string', value: '<dir>', description: 'the folder to write the site into (created if missing)', required: true },
      title: { type: 'string', value: '<text>', description: 'the site name shown on every page (default forecast-ledger)' },
      'as-of': asOf,
    },
    examples: [
      { command: 'site --out site', description: 'write the site to ./site and print the path of site/index.html' },
      { command: 'site --out public --title "Pundit tracker" --as-of 2026-01-01', description: 'a named site, as of a date' },
    ],
    load: () => import('./commands/site.js'),
  },
  {
    name: 'build',
    summary: 'the main job: import predictions/, verify, show what is due and write reports/index.html (and a site with --site)',
    usage: 'build [--predictions <dir>] [--report <file>] [--site <dir>]',
    description:
      'Imports the prediction files (a rerun changes nothing), verifies the ledger, prints the next ten claims to come due and one line per forecaster, and writes a self-contained HTML report. `npm start` runs it.',
    positionals: [],
    options: {
      predictions: { type: 'string', value: '<dir>', description: 'the prediction files (default ./predictions)' },
      report: { type: 'string', value: '<file>', description: 'where to write the HTML report (default ./reports/index.html)' },
      site: { type: 'string', value: '<dir>', description: 'also write the static website there (as `site --out <dir>`) and print its index path' },
      'as-of': asOf,
    },
    examples: [
      { command: 'build', description: `build ./${DEFAULT_DB} from ./predictions and write ./reports/index.html` },
      { command: 'build --db /tmp/l.sqlite --report /tmp/report.html', description: 'build elsewhere' },
      { command: 'build --site site', description: 'what `npm start` runs: also write the website to ./site' },
    ],
    load: () => import('./commands/build.js'),
  },
];

/** The command named `name`, if there is one. @internal */
export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
