#!/usr/bin/env node
/**
 * The `exitcode` command: picks a subcommand from the registry and runs it with the real process I/O.
 * Subcommands never call process.exit or read process.env themselves; they get a CliIo.
 */
import { enableCompileCache } from 'node:module';
import { userSentence } from '../errors.ts';
import { COMMANDS, usage } from './commands.ts';
import { invocationOf } from './invocation.ts';
import type { CliIo, Command } from './io.ts';
import { packageVersion } from './version.ts';

// V8's compile cache (in the OS temp directory) for everything loaded from here on: the subcommands are
// imported dynamically below, so a second `exitcode diagnose` skips compiling the Kubernetes client again.
enableCompileCache?.();

const readStdin = async (): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  isTTY: Boolean(process.stdout.isTTY),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  env: process.env,
  program: invocationOf({ script: process.argv[1], env: process.env, cwd: process.cwd() }),
};

// A reader that stops early (`exitcode demo | head`) closes the pipe: that ends the output, it is not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`exitcode: cannot write the output (${error.code ?? 'unknown error'}).\n`);
  process.exit(1);
});

/** Own keys only: "exitcode constructor" is an unknown command, not Object's constructor. */
const commandNamed = (name: string): Command | undefined =>
  Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;

const run = async (argv: string[]): Promise<number> => {
  const [name, ...rest] = argv;
  // "exitcode help classify" is what people type after reading "exitcode help".
  const topic = name === 'help' && rest[0] !== undefined ? commandNamed(rest[0]) : undefined;
  if (topic) return topic(['--help'], io);
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(usage(io.program));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`exitcode ${packageVersion()}\n`);
    return 0;
  }
  const command: Command | undefined = commandNamed(name);
  if (!command) {
    io.stderr(`exitcode: unknown command "${name}". Run "${io.program} help" for the list.\n`);
    return 2;
  }
  return command(rest, io);
};

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    io.stderr(`exitcode: ${userSentence(error)}\n`);
    process.exitCode = 1;
  },
);
