import { classifyCommand } from './classify.ts';
import { demoCommand } from './demo.ts';
import { diagnoseCommand } from './diagnose.ts';
import type { Command } from './io.ts';
import { serve } from './serve.ts';

/** The subcommands, one module each. Adding one is one line here. */
export const COMMANDS: Record<string, Command> = {
  classify: classifyCommand,
  demo: demoCommand,
  diagnose: diagnoseCommand,
  serve,
};

export const usage = (): string =>
  [
    'exitcode: why did my container die, and what do I do about it?',
    '',
    'Usage: exitcode <command> [options]',
    '',
    'Commands:',
    '  classify   classify a crash log (file or stdin) with its exit code and reason',
    '  diagnose   diagnose a pod or workload in a cluster',
    '  demo       run the built-in demo cluster and diagnose its pods',
    '  serve      run the Slack bot',
    '',
    'Run "exitcode <command> --help" for its options.',
    '',
  ].join('\n');
