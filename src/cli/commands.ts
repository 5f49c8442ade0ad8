/**
 * The subcommands, one module each, loaded only when run: `--help` and `classify` must not pay for the
 * Kubernetes client, `diagnose` not for Bolt or openai. Adding one is one line here.
 */
import type { CliIo, Command } from './io.ts';

const lazy =
  (load: () => Promise<Command>): Command =>
  async (argv, io) =>
    (await load())(argv, io);

export const COMMANDS: Record<string, Command> = {
  classify: lazy(async () => (await import('./classify.ts')).classifyCommand),
  demo: lazy(async () => (await import('./demo.ts')).demoCommand),
  diagnose: lazy(async () => (await import('./diagnose.ts')).diagnoseCommand),
  serve: lazy(async () => (await import('./serve.ts')).serve),
};

export const usage = (program = 'exitcode'): string =>
  [
    'exitcode: why did my container die, and what do I do about it?',
    '',
    `Usage: ${program} <command> [options]`,
    '',
    'Commands:',
    '  classify   classify a crash log (file or stdin) with its exit code and reason',
    '  diagnose   diagnose a pod or workload in a cluster',
    '  demo       run the built-in demo cluster and diagnose its pods',
    '  serve      run the Slack bot',
    '',
    'Options:',
    '  --version  print the version',
    '  --help     print this help',
    '',
    `Run "${program} <command> --help" for its options.`,
    '',
  ].join('\n');

export type { CliIo };
