/** What a CLI command talks to, injected so that tests run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (only called when a command needs it). */
  readStdin: () => Promise<Buffer>;
  /** True when stdout is a terminal: colour and layout for people. */
  isTTY: boolean;
  /** True when stdin is a terminal: a command about to read it says so rather than wait in silence. */
  stdinIsTTY?: boolean;
  /** The environment, for the few commands that read it (serve, kubeconfig discovery). */
  env: Record<string, string | undefined>;
  /** How to run exitcode again, for hints that must work as printed ("exitcode", "npm run exitcode --"). */
  program?: string;
}

/** A subcommand: parses its own arguments and returns the process exit code. */
export type Command = (argv: string[], io: CliIo) => Promise<number>;
