import { Command, CommanderError, Option } from 'commander';
import { CLI } from '../catalog/cli-messages';
import type { Lang } from '../catalog/lang';
import { FATAL_MESSAGES } from '../catalog/messages';
import { Fatal } from '../fatal';
import { langFromEnv } from './locale';
import { Console } from './console';
import { version } from './version';
import { terminalLines } from './terminal';

type Run = (args: unknown[], opts: Record<string, unknown>, con: Console) => Promise<number>;

/**
 * Each command: how it describes itself, and its module, loaded only when it runs (a commune's
 * report must start fast, so `validate` never loads docx and `form` never loads echarts).
 */
const COMMANDS: { name: string; describe: (c: Command) => Command; load: () => { run: Run } }[] = [
  {
    name: 'validate',
    describe: (c) =>
      c
        .description('check spreadsheets (files or folders) against the input contract')
        .argument('<inputs...>', '.csv/.xlsx/.xlsm/.xls/.ods files or folders')
        .addOption(new Option('--format <format>', 'text | json').choices(['text', 'json']).default('text'))
        .option('--strict', 'warnings count as errors for the exit status')
        .addHelpText('after', '\nExample:\n  lllweek validate nop-bao-cao/ --format json > ket-qua.json; echo $?\n'),
    load: () => require('./commands/validate'),
  },
  {
    name: 'report',
    describe: (c) =>
      c
        .description('validate, aggregate and write the report (.docx, .xlsx)')
        .argument('<inputs...>', '.csv/.xlsx/.xlsm/.xls/.ods files or folders')
        .option('-o, --out <dir>', 'output folder', '.')
        .option('--format <list>', 'docx,xlsx,html', 'docx,xlsx')
        .option('--eml', 'also write an e-mail draft (.eml) with the files attached')
        .option('--baseline <file>', "last year's output workbook, for year-over-year change")
        .option('--template <dir>', 'folder of templates overriding the built-in ones by name')
        .option('--dump-context', 'print the JSON the templates receive, write nothing')
        .option('--dump-model', 'print the document model (JSON) the templates make, write nothing')
        .option('--force', 'write the report even when the data has errors (listed in "Kiểm tra")')
        .addHelpText('after', '\nExample:\n  lllweek report fixtures/commune --out bao-cao/\n'),
    load: () => require('./commands/report'),
  },
  {
    name: 'rollup',
    describe: (c) =>
      c
        .description("a higher office's report from every submission in a folder, with who is missing, late or rejected")
        .argument('<inbox>', 'folder of submissions')
        .requiredOption('-o, --out <dir>', 'output folder (replaced atomically)')
        .option('--format <list>', 'docx,xlsx,html', 'docx,xlsx')
        .option('--baseline <file>', "last year's output workbook")
        .option('--template <dir>', 'folder of templates overriding the built-in ones')
        .addHelpText('after', '\nExample (cron, every morning at 7:00):\n  0 7 * * * cd /srv/sgd && lllweek rollup hop-thu/ --out tong-hop/ --quiet\n'),
    load: () => require('./commands/rollup'),
  },
  {
    name: 'form',
    describe: (c) =>
      c
        .description('write the blank input workbook to send to units')
        .option('-o, --out <file>', 'the .xlsx to write')
        .option('--force', 'overwrite an existing file')
        .addHelpText('after', '\nExample:\n  lllweek form --out bieu-mau-2025.xlsx\n'),
    load: () => require('./commands/form'),
  },
  {
    name: 'init',
    describe: (c) =>
      c
        .description('write a commented lllweek.yaml, a narrative.md to fill in, and the blank form')
        .argument('[dir]', 'folder to write into', '.')
        .option('--force', 'overwrite existing files')
        .addHelpText('after', '\nExample:\n  lllweek init bao-cao-2025\n'),
    load: () => require('./commands/init'),
  },
];

/** Runs the command line; answers the exit status. Never throws, never prints a stack for a user mistake. */
export async function main(argv: string[]): Promise<number> {
  const langArg = argv.indexOf('--lang');
  const early = langArg > 0 ? argv[langArg + 1] : undefined;
  const lang: Lang = early === 'vi' || early === 'en' ? early : langFromEnv();
  const quiet = argv.includes('--quiet') || argv.includes('-q');
  const con = new Console(lang, quiet);
  let status = 0;

  const program = new Command('lllweek')
    .description('Báo cáo Tuần lễ hưởng ứng học tập suốt đời / Lifelong Learning Week reports')
    .version(version(), '-V, --version')
    .addOption(new Option('--lang <lang>', 'vi | en (default: from the locale)').choices(['vi', 'en']))
    .option('-q, --quiet', 'only errors on stderr')
    .option('-c, --config <file>', 'lllweek.yaml to use (default: ./lllweek.yaml)')
    .showHelpAfterError(false)
    .exitOverride()
    // commander's errors quote what was typed (an unknown option may be a file name from a script)
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(terminalLines(s.split('\n'))) });

  for (const { name, describe, load } of COMMANDS) {
    describe(program.command(name))
      .exitOverride()
      .action(async (...args: unknown[]) => {
        const opts = { ...program.opts(), ...(args[args.length - 2] as object) } as Record<string, unknown>;
        con.lang = (opts.lang as Lang | undefined) ?? lang;
        status = await load().run(args.slice(0, -2), opts, con);
      });
  }

  try {
    await program.parseAsync(argv);
    return status;
  } catch (e) {
    return failure(e, con);
  }
}

function failure(e: unknown, con: Console): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    // commander has printed its own one-line reason already
    return 2;
  }
  if (e instanceof Fatal) {
    con.error(FATAL_MESSAGES[e.key][con.lang](e.params));
    return 2;
  }
  const err = e as Error;
  con.error(CLI.internal[con.lang]({ detail: err?.message ?? String(e) }));
  if (process.env.LLLWEEK_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
  return 2;
}
